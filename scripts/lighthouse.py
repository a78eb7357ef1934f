"""Lighthouse benchmark (not a test): mobile scores for a few pages of the built site.

Builds the site under /strategi/ (as published), serves it on localhost, and runs npm
lighthouse 12 with Debian's Chromium on the front page, plan/, one initiative page and
politisk-behandling/. Prints accessibility, best-practices, SEO and performance per page.

    cd scripts && npm ci          # once: installs lighthouse into scripts/node_modules
    .venv/bin/python scripts/lighthouse.py
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "scripts" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["accessibility", "best-practices", "seo", "performance"]
SUB_PATH = "strategi"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(out: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "STRATEGI_DATO": "2026-11-23",
           "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "macros.build", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


def serve(root: Path, port: int) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def scores(url: str) -> tuple[dict[str, int], list[str]]:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env=env, capture_output=True, text=True, check=True,
    )
    report = json.loads(result.stdout)
    failing = sorted({ref["id"] for name in CATEGORIES[:3]
                      for ref in report["categories"][name]["auditRefs"]
                      if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1})
    return ({name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
            failing)


def main() -> None:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse mangler: kør `cd scripts && npm ci` først.")
    port = free_port()
    base = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / SUB_PATH
        build(site, base)
        initiative = sorted(p.parent.name for p in (site / "tiltag").glob("*/index.html"))[0]
        server = serve(Path(tmp), port)
        try:
            pages = ["", "plan/", f"tiltag/{initiative}/", "politisk-behandling/"]
            print(f"{'side':<40} " + " ".join(f"{c:>15}" for c in CATEGORIES))
            for page in pages:
                row, failing = scores(base + page)
                print(f"{page or '(forside)':<40} " +
                      " ".join(f"{row[c]:>15}" for c in CATEGORIES), flush=True)
                if failing:
                    print(f"    ikke bestået (a11y/best practices/SEO): {', '.join(failing)}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()

"""Lighthouse benchmark (not a test): mobile scores for a few pages of the built site.

Builds the site under /strategi/ (as published), serves it on localhost, and runs npm
lighthouse 12 with Debian's Chromium on the front page, plan/, one initiative page and
politisk-behandling/. Prints accessibility, best-practices, SEO and performance per page.

    cd scripts && npm ci          # once: installs lighthouse into scripts/node_modules
    .venv/bin/python scripts/lighthouse.py [--runs 3]

The pages are served gzip-compressed, as GitHub Pages serves them; scores vary from run to run,
so each page is run several times and the median printed. Lighthouse's mobile preset slows the
CPU 4x, calibrated for a fast desktop; the script prints the scores under that preset and again
with the slowdown Lighthouse's throttling guide gives for this machine's benchmark index.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import NamedTuple

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
    subprocess.run([sys.executable, "-m", "macros.runtime.publish", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                    "image/svg+xml")


def serve(root: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve like the published host: GitHub Pages (and any web server a municipality would use)
    sends text gzip-compressed. Python's plain server does not, and Lighthouse would then score
    a transfer the site never makes."""

    class Gzipping(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send_head(self) -> io.BufferedIOBase | None:  # type: ignore[override]
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            ctype = self.guess_type(str(path))
            if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                    or not ctype.startswith(COMPRESSED_TYPES)):
                return super().send_head()
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    handler = functools.partial(Gzipping, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Run(NamedTuple):
    scores: dict[str, int]
    failing: list[str]  # audits below 1 in accessibility, best practices or SEO
    benchmark_index: float  # Lighthouse's measure of this machine's CPU speed


def run_lighthouse(url: str, cpu_slowdown: float | None = None) -> Run:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    throttling = ([f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:.2f}"]
                  if cpu_slowdown else [])
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", *throttling,
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env=env, capture_output=True, text=True, check=True,
    )
    report = json.loads(result.stdout)
    failing = sorted({ref["id"] for name in CATEGORIES[:3]
                      for ref in report["categories"][name]["auditRefs"]
                      if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1})
    return Run({name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
               failing, float(report["environment"]["benchmarkIndex"]))


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes this machine behave like Lighthouse's reference phone.

    Lighthouse's mobile preset slows the CPU 4x, which is right for a fast desktop (benchmark
    index about 1 500); on a slower machine it overstates the phone's script and layout cost.
    Lighthouse's throttling guide points to this calculator (patrickhulce/lighthouse-cpu-
    throttling-calculator): 800 -> 2x, 1 300 -> 3x, then one step per 233."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def report_rows(base: str, pages: list[str], runs: int, cpu_slowdown: float | None) -> float:
    """Print the median scores of each page; returns the median benchmark index seen."""
    indices: list[float] = []
    for page in pages:
        results = [run_lighthouse(base + page, cpu_slowdown) for _ in range(runs)]
        indices += [r.benchmark_index for r in results]
        row = {c: int(statistics.median(r.scores[c] for r in results)) for c in CATEGORIES}
        print(f"{page or '(forside)':<50} " + " ".join(f"{row[c]:>15}" for c in CATEGORIES) +
              "  " + ", ".join(str(r.scores["performance"]) for r in results), flush=True)
        failing = sorted({f for r in results for f in r.failing})
        if failing:
            print(f"    ikke bestået (a11y/best practices/SEO): {', '.join(failing)}")
    return statistics.median(indices)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3,
                        help="Lighthouse runs per page; the median is printed (default 3)")
    args = parser.parse_args()
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
            header = (f"{'side':<50} " + " ".join(f"{c:>15}" for c in CATEGORIES) +
                      "  performance i hver kørsel")
            print(f"Median af {args.runs} kørsler pr. side, mobil, gzip som på GitHub Pages.")
            print("\nLighthouse' standard (simuleret langsom 4G, CPU 4x langsommere):")
            print(header)
            index = report_rows(base, pages, args.runs, None)
            slowdown = calibrated_slowdown(index)
            print(f"\nKalibreret CPU: maskinens benchmarkIndex {index:.0f} -> CPU "
                  f"{slowdown:.1f}x langsommere (Lighthouse' throttling-vejledning):")
            print(header)
            report_rows(base, pages, args.runs, slowdown)
        finally:
            server.shutdown()

if __name__ == "__main__":
    main()

"""Two accessibility engines besides axe on the built site's tables (a one-off check, not a test).

IBM Equal Access (npm accessibility-checker-engine, its ace.js) and HTML_CodeSniffer (npm
html_codesniffer, WCAG2AA) run inside Debian's Chromium on every page that has a table, at
1280 px and at a phone's 360 px (where site.css draws tables as cards). Prints each engine's
findings by rule, the table rules first, and the pages they were found on.

    cd scripts && npm ci          # once: installs both engines into scripts/node_modules
    .venv/bin/python scripts/table_engines.py [--site DIR] [--engines DIR/node_modules]

Without --site the script builds the site (strict, as published) into a temporary folder.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
WIDTHS = (1280, 360)
# Rules about table structure in each engine (IBM rule ids; HTML_CodeSniffer technique codes).
TABLE_RULES = ("table", "H43", "H63", "H39", "H73")

IBM_RUN = """async () => {
  const report = await new ace.Checker().check(document, ["IBM_Accessibility"]);
  return report.results
    .filter(r => r.value[1] === "FAIL" || r.value[1] === "POTENTIAL")
    .map(r => ({rule: r.ruleId + " (" + r.value[0].toLowerCase() + ", " +
                 r.value[1].toLowerCase() + ")", where: r.path.dom}));
}"""
HTMLCS_RUN = """() => new Promise(done => HTMLCS.process("WCAG2AA", document, () => done(
  HTMLCS.getMessages().filter(m => m.type <= 2).map(m => ({
    rule: m.code + (m.type === 1 ? " (error)" : " (warning)"),
    where: m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 80) : ""})))))"""


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def pages_with_tables(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith("admin") or "<table" not in path.read_text(encoding="utf-8"):
            continue
        found.append("" if rel == "." else rel + "/")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--engines", type=Path, default=ROOT / "scripts" / "node_modules",
                        help="node_modules with accessibility-checker-engine and html_codesniffer")
    args = parser.parse_args()
    ace = args.engines / "accessibility-checker-engine" / "ace.js"
    htmlcs = args.engines / "html_codesniffer" / "build" / "HTMLCS.js"
    for path in (ace, htmlcs):
        if not path.is_file():
            sys.exit(f"{path} mangler: kør `cd scripts && npm ci`")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "STRATEGI_DATO": os.environ.get("STRATEGI_DATO", "2026-11-23")}
            subprocess.run([sys.executable, "-m", "macros.runtime.publish", "--site-dir",
                            str(site)], cwd=ROOT, env=env, check=True, capture_output=True)
        server, port = serve(site)
        try:
            report(f"http://127.0.0.1:{port}/", pages_with_tables(site), ace, htmlcs)
        finally:
            server.shutdown()
    return 0


def report(base: str, urls: list[str], ace: Path, htmlcs: Path) -> None:
    from playwright.sync_api import sync_playwright

    found: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in WIDTHS:
            # The site's policy forbids injected scripts; the engines are injected on purpose.
            context = browser.new_context(viewport={"width": width, "height": 900},
                                          bypass_csp=True, locale="da-DK")
            page = context.new_page()
            for url in urls:
                for engine, script, run in (("IBM Equal Access", ace, IBM_RUN),
                                            ("HTML_CodeSniffer", htmlcs, HTMLCS_RUN)):
                    page.goto(base + url)
                    page.add_script_tag(path=str(script))
                    for finding in page.evaluate(run):
                        key = f"{engine} @ {width} px"
                        found[key][finding["rule"]] += 1
                        where[(key, finding["rule"])].add("/" + url)
            context.close()
        browser.close()
    print(f"{len(urls)} sider med tabeller, hver ved {', '.join(f'{w} px' for w in WIDTHS)}")
    for key in sorted(found):
        counts = found[key]
        tables = sum(n for rule, n in counts.items() if any(t in rule for t in TABLE_RULES))
        print(f"\n{key}: {sum(counts.values())} fund, heraf {tables} om tabeller")
        for rule, n in sorted(counts.items(), key=lambda item: (
                not any(t in item[0] for t in TABLE_RULES), -item[1])):
            pages = sorted(where[(key, rule)])
            print(f"  {n:4d}  {rule}  ({len(pages)} sider: {', '.join(pages[:4])}"
                  f"{' …' if len(pages) > 4 else ''})")


if __name__ == "__main__":
    sys.exit(main())

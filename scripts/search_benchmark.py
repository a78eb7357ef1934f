"""Search benchmark: Material's default lunr search against ours with Danish expansion.

    .venv/bin/python scripts/search_benchmark.py [--verbose] [--tiltag 1000]

Builds the real site twice (STRATEGI_SOEG_UDVIDELSE=0 keeps Material's index untouched),
serves each on localhost, types every query of tests/search_queries.yml into the search box in
Chromium and prints: hit rate (expected page in the top 3), median and max time from the last
keystroke to painted results (index already loaded), and the bytes the browser downloads for
search on a first visit (index + worker + language scripts; raw and gzip).
With --tiltag N the same is measured on a copy of the project whose data holds N synthetic
initiatives (scripts/synthetic_data.py); the hit rate is then not meaningful, only speed and size.
Not a test: the timings depend on the machine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT), str(ROOT / "scripts")]

from browser.search_driver import Outcome, load_queries, open_search, search  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402
from synthetic_data import write_synthetic_data  # noqa: E402

IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__",
                                ".pytest_cache", ".ruff_cache", ".site-*")

SUB_PATH = "/strategi/"


@contextmanager
def served(site: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve the site under SUB_PATH; yields the base URL and the list of requested paths."""
    root = site.parent / "serve-root"
    root.mkdir(exist_ok=True)
    link = root / SUB_PATH.strip("/")
    if not link.exists():
        link.symlink_to(site, target_is_directory=True)
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            requested.append(self.path)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}", requested
    finally:
        server.shutdown()


def search_bytes(site: Path, requested: list[str]) -> tuple[int, int]:
    """Raw and gzip bytes of the search files the browser fetched (index, worker, lunr)."""
    raw = packed = 0
    for path in sorted(set(requested)):
        clean = path.split("?")[0].removeprefix(SUB_PATH)
        if "search" in clean or "/lunr/" in clean:
            data = (site / clean).read_bytes()
            raw += len(data)
            packed += len(gzip.compress(data, 9))
    return raw, packed


def run(site: Path, label: str, verbose: bool, hit_rate: bool = True) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    with served(site) as (base, requested), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="da-DK")
        open_search(page, base)
        outcomes = [search(page, base, q) for q in queries]
        browser.close()
        raw, packed = search_bytes(site, requested)
    hits = sum(o.hit() for o in outcomes)
    times = [o.millis for o in outcomes]
    rate = (f"{hits}/{len(outcomes)} i top 3 ({100 * hits / len(outcomes):.0f} %), "
            if hit_rate else f"{len(outcomes)} søgninger, ")
    print(f"{label}: {rate}"
          f"median {statistics.median(times):.1f} ms, maks {max(times):.1f} ms, "
          f"søgefiler {raw / 1024:.1f} KiB rå / {packed / 1024:.1f} KiB gzip")
    if verbose:
        for o in outcomes:
            mark = "ok " if o.hit() else "-- "
            tops = ", ".join(links[0] or "/" for links in o.pages[:3])
            print(f"  {mark}{o.query.text!r:28} -> {o.query.expected!r:40} "
                  f"rank={o.rank()} {o.millis:6.1f} ms [{tops}]")
    slowest = max(outcomes, key=lambda o: o.millis)
    print(f"  langsomst: {slowest.query.text!r} ({slowest.millis:.1f} ms, "
          f"{len(slowest.pages)} resultater)")
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every query's outcome")
    parser.add_argument("--tiltag", type=int, metavar="N",
                        help="measure a copy of the project with N synthetic initiatives")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = ROOT
        if args.tiltag:
            project = Path(tmp) / "projekt"
            shutil.copytree(ROOT, project, ignore=IGNORE)
            (project / "node_modules").symlink_to(ROOT / "node_modules")  # the editor's bundle
            write_synthetic_data(project, args.tiltag)
            print(f"Syntetisk site med {args.tiltag} tiltag:")
        for label, switch in (("Material (standard)", "0"), ("Med dansk udvidelse", "1")):
            out = Path(tmp) / f"site-{switch}" / "site"
            out.parent.mkdir(parents=True)
            result = build_site(project, out, site_url=f"http://127.0.0.1{SUB_PATH}",
                                env_extra={"STRATEGI_SOEG_UDVIDELSE": switch})
            if result.returncode != 0:
                print(result.stdout + result.stderr)
                return 1
            run(out, label, args.verbose, hit_rate=not args.tiltag)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

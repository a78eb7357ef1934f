"""Search benchmark: the site's search (Pagefind with the Danish analysis).

    .venv/bin/python scripts/search_benchmark.py [--verbose] [--tiltag 1000] [--genereret 50]

Builds the site, serves it on localhost, types each query into the search box in Chromium and
prints (the lunr engine it was once compared with is gone; its figures stay in
scripts/soeg-benchmark-resultater.md):
- recall@3 on tests/indhold/search_queries.yml (the hand set; real size only) and on queries
  generated from the built site's own text with a fixed seed (tests/browser/query_generator.py:
  inflected forms, ASCII spellings, compound parts, two-word phrases; --genereret N per kind),
  and on the site's dates and periods typed as people type them (tests/browser/date_queries.py:
  «14/3-2031», «2031-03-14», «uge 40», «Q1 2031», «2031-2032» ...; --datoer N per kind);
- time from the last keystroke to painted results, median, 95th percentile and max over all
  queries, and how many took over 100 ms;
- the search files the browser fetched (raw and gzip) for the first query - from opening the
  page until all its results have arrived - and over the whole session; and the same first-
  search bytes for 20 different queries, each the first search of a fresh visit (empty cache),
  median and max (--verbose: what the first query's bytes are made of).
With --tiltag N the same is measured on a copy of the project whose data holds N synthetic
initiatives (scripts/synthetic_data.py); the hand set is then not meaningful, the generated set
is (drawn from that site's text). Not a test: the timings depend on the machine.
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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT), str(ROOT / "scripts")]

from browser.date_queries import DATE_KINDS, generate_dates  # noqa: E402
from browser.query_generator import SEED, generate  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402
from synthetic_data import write_synthetic_data  # noqa: E402

from macros.kvalitet.search_driver import (  # noqa: E402
    Query,
    load_queries,
    open_search,
    search,
    wait_until_complete,
)

IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__",
                                ".pytest_cache", ".ruff_cache", ".site-*")

SUB_PATH = "/strategi/"
LATENCY_TARGET_MS = 100  # issue 20: every query, last keystroke to painted results
COLD_QUERIES = 20  # queries measured as the first search of a visit


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


def is_search_file(path: str) -> bool:
    return ("search" in path or "/pagefind/" in path
            or path.endswith(("soegning.js", "soeg-analyse.js")))


def search_files(site: Path, requested: list[str]) -> dict[str, tuple[int, int]]:
    """Raw and gzip bytes of each search file among the requested paths."""
    sizes = {}
    for path in sorted(set(requested)):
        clean = path.split("?")[0].removeprefix(SUB_PATH)
        if is_search_file("/" + clean):
            data = (site / clean).read_bytes()
            sizes[clean] = (len(data), len(gzip.compress(data, 9)))
    return sizes


def search_bytes(site: Path, requested: list[str]) -> tuple[int, int]:
    """Raw and gzip bytes of the search files among the requested paths."""
    sizes = search_files(site, requested).values()
    return sum(raw for raw, _ in sizes), sum(packed for _, packed in sizes)


def file_kind(path: str) -> str:
    for marker, kind in ((".pf_fragment", "fragmenter"), (".pf_index", "indeksdele"),
                         (".pf_meta", "metadata"), (".pf_filter", "filtre"),
                         ("wasm.", "WebAssembly"), (".json", "metadata")):
        if marker in path:
            return kind
    return "scripts"


def _kib(pair: tuple[int, int]) -> str:
    return f"{pair[0] / 1024:.1f} KiB rå / {pair[1] / 1024:.1f} KiB gzip"


def cold_first_searches(browser: Any, base: str, site: Path, requested: list[str],
                        queries: list[Query]) -> list[tuple[int, str]]:
    """Gzip bytes of the search files each query fetches as the first search of a visit
    (a fresh browser context: empty cache), all its results loaded."""
    sizes = []
    for query in queries:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
        page = context.new_page()
        start = len(requested)
        open_search(page, base)
        search(page, base, query, timed=True)
        wait_until_complete(page, query.text)
        sizes.append((search_bytes(site, requested[start:])[1], query.text))
        context.close()
    return sizes


def run(site: Path, label: str, verbose: bool, hand: bool, per_kind: int,
        per_date_kind: int = 0) -> None:
    """Measure one built site and print the figures."""
    from playwright.sync_api import sync_playwright

    hand_queries = load_queries(ROOT / "tests" / "indhold" / "search_queries.yml") if hand else []
    generated = generate(site, per_kind) if per_kind else []
    generated += generate_dates(site, per_date_kind) if per_date_kind else []
    with served(site) as (base, requested), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="da-DK")
        open_search(page, base)
        first_query = hand_queries[0] if hand_queries else Query(generated[0].text, "")
        first = search(page, base, first_query, timed=True)
        wait_until_complete(page, first_query.text)
        first_bytes = search_bytes(site, requested)
        first_files = search_files(site, requested)
        outcomes = [first, *(search(page, base, q, timed=True) for q in hand_queries[1:])]
        everything = [*hand_queries, *(Query(g.text, "") for g in generated)]
        cold = cold_first_searches(browser, base, site, requested,
                                   everything[::max(1, len(everything) // COLD_QUERIES)])
        if not hand_queries:
            outcomes = []
        made = [(g, search(page, base, Query(g.text, ""), timed=True)) for g in generated]
        browser.close()
        all_bytes = search_bytes(site, requested)
    times = [o.millis for o in outcomes] + [o.millis for _, o in made]
    print(f"{label}:")
    if outcomes:
        hits = sum(o.hit() for o in outcomes)
        print(f"  håndsæt: {hits}/{len(outcomes)} i top 3 ({100 * hits / len(outcomes):.1f} %)")
    for title, group in (("genereret", [(g, o) for g, o in made if g.kind not in DATE_KINDS]),
                         ("datoer og perioder", [(g, o) for g, o in made
                                                 if g.kind in DATE_KINDS])):
        if not group:
            continue
        print(f"  {title} (frø {SEED}): " + _rate([g.hit(o.pages) for g, o in group]))
        for kind in sorted({g.kind for g, _ in group}):
            print(f"    {kind:10} {_rate([g.hit(o.pages) for g, o in group if g.kind == kind])}")
    slow = sum(t > LATENCY_TARGET_MS for t in times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    print(f"  tid fra sidste tastetryk til viste resultater: median "
          f"{statistics.median(times):.1f} ms, 95 % {p95:.1f} ms, maks {max(times):.1f} ms; "
          f"{slow} af {len(times)} over {LATENCY_TARGET_MS} ms")
    print(f"  søgefiler til første søgning ({first.query.text!r}, alle resultater hentet): "
          f"{_kib(first_bytes)}; hele sessionen: {_kib(all_bytes)}")
    heaviest = max(cold)
    print(f"  første søgning i et nyt besøg, {len(cold)} forskellige: median "
          f"{statistics.median(b for b, _ in cold) / 1024:.1f} KiB, maks "
          f"{heaviest[0] / 1024:.1f} KiB gzip ({heaviest[0] / 1000:.1f} kB, {heaviest[1]!r})")
    if verbose:
        kinds: dict[str, list[int]] = {}
        for path, (_, packed) in first_files.items():
            kinds.setdefault(file_kind(path), []).append(packed)
        print("    heraf: " + ", ".join(f"{kind} {sum(sizes) / 1024:.1f} KiB ({len(sizes)})"
                                    for kind, sizes in sorted(kinds.items())))
        for o in outcomes:
            mark = "ok " if o.hit() else "-- "
            tops = ", ".join(links[0] or "/" for links in o.pages[:3])
            print(f"  {mark}{o.query.text!r:28} -> {o.query.expected!r:40} "
                  f"rank={o.rank()} {o.millis:6.1f} ms [{tops}]")
        for g, o in made:
            if not g.hit(o.pages):
                tops = ", ".join(links[0] or "/" for links in o.pages[:3])
                print(f"  -- [{g.kind}] {g.text!r} (fra {g.source!r}, {len(g.relevant)} sider) "
                      f"{o.millis:6.1f} ms [{tops}]")
    slowest = max([*outcomes, *(o for _, o in made)], key=lambda o: o.millis)
    print(f"  langsomst: {slowest.query.text!r} ({slowest.millis:.1f} ms, "
          f"{len(slowest.pages)} resultater)")


def _rate(hits: list[bool]) -> str:
    return f"{sum(hits)}/{len(hits)} i top 3 ({100 * sum(hits) / max(1, len(hits)):.1f} %)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every query's outcome")
    parser.add_argument("--tiltag", type=int, metavar="N",
                        help="measure a copy of the project with N synthetic initiatives")
    parser.add_argument("--genereret", type=int, default=50, metavar="N",
                        help="generated queries per kind (0: none)")
    parser.add_argument("--datoer", type=int, default=10, metavar="N",
                        help="generated date and period queries per kind (0: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = ROOT
        if args.tiltag:
            project = Path(tmp) / "projekt"
            shutil.copytree(ROOT, project, ignore=IGNORE)
            (project / "node_modules").symlink_to(ROOT / "node_modules")  # the editor's bundle
            write_synthetic_data(project, args.tiltag)
            print(f"Syntetisk site med {args.tiltag} tiltag:")
        out = Path(tmp) / "site-pagefind" / "site"
        out.parent.mkdir(parents=True)
        started = time.monotonic()
        result = build_site(project, out, site_url=f"http://127.0.0.1{SUB_PATH}")
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            return 1
        print(f"[bygget på {time.monotonic() - started:.0f} s]")
        run(out, "Pagefind (dansk analyse)", args.verbose, hand=not args.tiltag,
            per_kind=args.genereret, per_date_kind=args.datoer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

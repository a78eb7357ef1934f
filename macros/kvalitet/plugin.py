"""pytest plugin of the content checks: `pytest -p macros.kvalitet.plugin --strategi MAPPE`.

Fixtures: `strategy_root` (the strategy folder), `site_data` (its validated data),
`served_build`/`built_site`/`site_url` (its one strict build, made for the port it is served
on), `site_pages` (URL path -> parsed HTML), `search_fragments` (each search record's Pagefind
fragment), `served_site`, `browser` (Debian's Chromium through Playwright), `browser_page` and
`page_walk` (one visit per page per width, page_walk.py).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gzip
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from macros.kvalitet.prefork import Forks
from macros.runtime import publish

BUILD_DATE = "2026-11-23"  # fixed 'today' so the views are reproducible
# Debian's Chromium (playwright install cannot download on the engine's own machines); elsewhere
# STRATEGI_CHROMIUM names another, or Playwright's own browser is used (the CI template).
CHROMIUM = os.environ.get("STRATEGI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PAGEFIND_FRAGMENT_HEAD = b"pagefind_dcd"
SITE_PATH = "/strategi/"  # built under a sub-path, as on GitHub Pages
WALK_FIXTURE = "page_walk"
BROWSER_FIXTURE = "browser"  # the fixture, and the marker of tests that need it


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--strategi", default=os.environ.get("STRATEGI_MAPPE", "."),
                     help="strategiens mappe (mkdocs.yml, docs/, data/); standard: denne mappe")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs Chromium")
    config.addinivalue_line("markers", "content: a check of the built site that a change of "
                                       "content can fail (strategi test)")


@functools.cache
def _forks() -> Forks:
    forks = Forks()
    atexit.register(forks.close)
    return forks


def build_site(project: Path, out: Path, site_url: str = "http://127.0.0.1/",
               env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The strict, atomic build of a strategy folder, as `strategi build` makes it
    (publish.build), with MkDocs' output and exit code. MkDocs runs in a fork of a process that
    has imported it already (prefork.py): a fresh interpreter spent half a second importing."""
    env = {**os.environ, "STRATEGI_DATO": BUILD_DATE, "SITE_URL": site_url, **(env_extra or {})}
    runs: list[subprocess.CompletedProcess[str]] = []

    def mkdocs(args: list[str], root: Path) -> int:
        runs.append(_forks().run("mkdocs", args, root, env))
        return runs[-1].returncode

    failed = io.StringIO()
    with contextlib.redirect_stderr(failed):
        code = publish.build(project, out, [], mkdocs)
    return subprocess.CompletedProcess(
        [sys.executable, "-m", "macros.runtime.publish", "--site-dir", str(out)], code,
        "".join(run.stdout for run in runs),
        "".join(run.stderr for run in runs) + failed.getvalue())


@contextlib.contextmanager
def serve_folder(root: Path, not_found_page: Path) -> Iterator[int]:
    """Serve a folder on a free localhost port (yielded), answering a missing file with the
    site's own 404 page, as GitHub Pages does (serve.py, in a process of its own). The folder
    may be filled after the server starts (a build that must know the port first)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "macros.kvalitet.serve", str(root), str(not_found_page)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        if not line.strip().isdigit():
            raise RuntimeError(f"the test server did not start (exit {server.poll()})")
        yield int(line)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def strategy_root(pytestconfig: pytest.Config) -> Path:
    root = Path(pytestconfig.getoption("--strategi")).resolve()
    if not (root / "mkdocs.yml").is_file():
        pytest.exit(f"{root}: ingen mkdocs.yml – angiv strategiens mappe med --strategi MAPPE",
                    returncode=4)
    return root


@pytest.fixture(scope="session")
def site_data(strategy_root: Path) -> Any:
    """The strategy's validated data (data/), from which the checks take what they expect."""
    from macros.data.loading import load_site_data

    return load_site_data(strategy_root)


@pytest.fixture(scope="session")
def site_url_path() -> str:
    return SITE_PATH


@pytest.fixture(scope="session")
def served_build(tmp_path_factory: pytest.TempPathFactory, strategy_root: Path,
                 site_url_path: str) -> Iterator[tuple[Path, str]]:
    """The site's folder and address: built for the port it is served on."""
    root = tmp_path_factory.mktemp("build")
    out = root / site_url_path.strip("/")
    with serve_folder(root, out / "404.html") as port:
        url = f"http://127.0.0.1:{port}{site_url_path}"
        result = build_site(strategy_root, out, site_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield out, url


@pytest.fixture(scope="session")
def built_site(served_build: tuple[Path, str]) -> Path:
    return served_build[0]


@pytest.fixture(scope="session")
def site_url(served_build: tuple[Path, str]) -> str:
    return served_build[1]


@pytest.fixture(scope="session")
def served_site(site_url: str) -> str:
    """The built site's address on the local server, under its sub-path, like GitHub Pages."""
    return site_url


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> dict[str, BeautifulSoup]:
    """URL path relative to the site root ('' for the front page, 'plan/' …) -> parsed HTML."""
    pages = {}
    for path in sorted(built_site.rglob("index.html")):
        rel = path.parent.relative_to(built_site).as_posix()
        if rel == "admin":  # the browser editor, not a page
            continue
        url = "" if rel == "." else rel + "/"
        pages[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return pages


@pytest.fixture(scope="session")
def search_fragments(built_site: Path) -> dict[str, dict[str, Any]]:
    """Each search record's Pagefind fragment by the record's URL (relative to the site root)."""
    found = {}
    for path in (built_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(PAGEFIND_FRAGMENT_HEAD)
        fragment = json.loads(data[len(PAGEFIND_FRAGMENT_HEAD):])
        found[fragment["meta"]["url"]] = fragment
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import Error, sync_playwright

    executable = CHROMIUM if Path(CHROMIUM).exists() else None
    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error:
            pytest.fail("Chromium mangler: installér Debians chromium (apt-get install chromium) "
                        "eller Playwrights (python -m playwright install chromium)")
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def page_walk(served_site: str,
              site_pages: dict[str, BeautifulSoup]) -> Iterator[Callable[[int], Any]]:
    """`page_walk(width)`: every page visited once at that width, with every per-page check
    (page_walk.py), several pages at once in a Chromium of the walks' own. Every width the
    checks use is walked once per session, in the background from the first test on (see
    `_walks_start_first`), while the other tests run."""
    from macros.kvalitet.page_walk import WALK_WIDTHS, Walker, pages_to_open

    executable = CHROMIUM if Path(CHROMIUM).exists() else None
    pages = pages_to_open(site_pages)
    with Walker(executable, CHROMIUM_ARGS) as walker:
        walker.walk_in_background(served_site, pages, WALK_WIDTHS)
        yield lambda width: walker.walk(served_site, pages, width)


@pytest.fixture(scope="session", autouse=True)
def _walks_start_first(request: pytest.FixtureRequest) -> None:
    """The page walks are most of the browser's work: when a collected test uses them, they start
    with the session's first test, and the tests that use them run last, after the tests
    without a browser (pytest_collection_modifyitems), so the session does the rest meanwhile."""
    if any(WALK_FIXTURE in getattr(item, "fixturenames", ()) for item in request.session.items):
        request.getfixturevalue(WALK_FIXTURE)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """First the tests without a browser, while the walks have the browser's share of the
    machine; then the other browser tests, by module; last the tests of the walks, which are
    done by then. Otherwise in the order collected."""
    def module(item: pytest.Item) -> str:
        return getattr(getattr(item, "module", None), "__name__", "")

    with_browser = {module(item) for item in items
                    if BROWSER_FIXTURE in getattr(item, "fixturenames", ())
                    or item.get_closest_marker(BROWSER_FIXTURE) is not None}
    items.sort(key=lambda item: (WALK_FIXTURE in getattr(item, "fixturenames", ()),
                                 module(item) in with_browser))


@pytest.fixture
def browser_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def search_page(browser: Any, served_site: str) -> Iterator[Any]:
    """One page with the search dialog open, reused by a module's queries to keep the run
    short."""
    from macros.kvalitet.search_driver import open_search

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    open_search(page, served_site)
    yield page
    context.close()

"""Shared fixtures: one strict build of the real site per test session, served on localhost.

The site is built for the address it is served from (a free localhost port under a sub-path,
as on GitHub Pages): Material fetches sitemap.xml from site_url, which must be the page's own
origin, so every browser test (the policy's too) can use this one build.
`built_site` is the folder of the built site, `site_url` its address (ends in "/");
`site_pages` maps each page URL to its parsed HTML; `search_fragments` maps each search
record's URL to its Pagefind fragment (what the browser downloads for a result); `served_site`
is the base URL of the local HTTP server (browser tests). Browser tests use `browser_page`
(Debian's Chromium through Playwright) and `page_walk` (one visit per page per width,
tests/browser/page_walk.py), and are marked `browser`.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-23"  # fixed 'today' so the views are reproducible
CHROMIUM = "/usr/bin/chromium"
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


def build_site(project: Path, out: Path, site_url: str = "http://127.0.0.1/",
               env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STRATEGI_DATO": BUILD_DATE, "SITE_URL": site_url, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros.runtime.publish", "--site-dir", str(out)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )


def assert_reported(output: str, prefix: str, words: Iterable[str]) -> None:
    """A line of the output starts with prefix (`fil:linje: `) and holds every word."""
    matching = [out for out in output.splitlines() if out.startswith(prefix)]
    assert matching, f"ingen linje starter med {prefix!r}:\n{output}"
    assert any(all(word in out for word in words) for out in matching), (
        f"{list(words)} mangler i:\n" + "\n".join(matching))


def page_line(rel: str, text: str) -> Callable[[Path], int]:
    """Add a line of text at the end of a page; return its line."""
    def apply(project: Path) -> int:
        path = project / rel
        body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        path.write_text(body + text + "\n", encoding="utf-8")
        return body.count("\n") + 1
    return apply


@pytest.fixture(scope="session")
def site_url_path() -> str:
    # Built under a sub-path, as on GitHub Pages, so relative links are exercised.
    return "/strategi/"


@pytest.fixture(scope="session")
def served_build(tmp_path_factory: pytest.TempPathFactory,
                 site_url_path: str) -> Iterator[tuple[Path, str]]:
    """The site's folder and address: built for the port it is served on."""
    root = tmp_path_factory.mktemp("build")
    out = root / site_url_path.strip("/")
    with serve_folder(root, out / "404.html") as port:
        url = f"http://127.0.0.1:{port}{site_url_path}"
        result = build_site(ROOT, out, site_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield out, url


@pytest.fixture(scope="session")
def built_site(served_build: tuple[Path, str]) -> Path:
    return served_build[0]


@pytest.fixture(scope="session")
def site_url(served_build: tuple[Path, str]) -> str:
    return served_build[1]


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> dict[str, BeautifulSoup]:
    """URL path relative to the site root ('' for the front page, 'plan/' …) -> parsed HTML."""
    pages = {}
    for path in sorted(built_site.rglob("index.html")):
        rel = path.parent.relative_to(built_site).as_posix()
        if rel == "admin":  # the browser editor, not a page (tests/test_admin.py)
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


def copy_project(dest: Path) -> Path:
    """A copy of the project (without build output) to break or extend in a test."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__",
                                    ".pytest_cache", ".ruff_cache")
    shutil.copytree(ROOT, dest, ignore=ignore)
    if (ROOT / "node_modules").is_dir():  # the build copies the editor's bundle from there
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


def read_collection(root: Path, name: str) -> list[dict[str, Any]]:
    """The items of data/<name>/ (one file each) in their order, as plain values."""
    from macros.data.yamlsource import read_yaml

    items = [read_yaml(p, p.name).data for p in sorted((root / "data" / name).glob("*.yml"))]
    return sorted(items, key=lambda item: item.get("raekkefoelge") or 10**9)


def write_collection(root: Path, name: str, items: list[dict[str, Any]]) -> None:
    """Replace data/<name>/ with these items, one file each, in this order."""
    folder = root / "data" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for index, item in enumerate(items):
        item = {**item, "raekkefoelge": item.get("raekkefoelge") or 10 * (index + 1)}
        (folder / f"{item['id']}.yml").write_text(
            yaml.safe_dump(item, allow_unicode=True, sort_keys=False), encoding="utf-8")


SECOND_STRATEGY = ROOT / "tests" / "fixtures" / "anden-strategi"
# What a municipality takes from this repository besides its own mkdocs.yml, docs/ and data/.
ENGINE = ("macros", "overrides", "node_modules", "docs/assets/stylesheets",
          "docs/assets/javascripts")


@pytest.fixture(scope="session")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one build of the second, fictional strategy (tests/fixtures/anden-strategi) with
    this repository's engine linked in beside it, as a copy of the repository would have it."""
    base = tmp_path_factory.mktemp("anden-strategi")
    project = base / "projekt"
    shutil.copytree(SECOND_STRATEGY, project)
    for rel in ENGINE:
        if (ROOT / rel).exists():
            (project / rel).symlink_to(ROOT / rel, target_is_directory=True)
    result = build_site(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site"


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "projekt")


@contextlib.contextmanager
def serve_folder(root: Path, not_found_page: Path) -> Iterator[int]:
    """Serve a folder on a free localhost port (yielded), answering a missing file with the
    site's own 404 page, as GitHub Pages does. The folder may be filled after the server
    starts (a build that must know the port first)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send_error(self, code: int, message: str | None = None,
                       explain: str | None = None) -> None:
            if code == 404 and not_found_page.exists():
                body = not_found_page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served_site(site_url: str) -> str:
    """The built site's address on the local server, under its sub-path, like GitHub Pages."""
    return site_url


def _chromium_or_fail() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium mangler: kør ./dev test, som installerer den "
                    "(apt-get install chromium)")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    _chromium_or_fail()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def page_walk(served_site: str,
              site_pages: dict[str, BeautifulSoup]) -> Iterator[Callable[[int], Any]]:
    """`page_walk(width)`: every page visited once at that width, with every per-page check
    (tests/browser/page_walk.py), several pages at once in a Chromium of the walks' own; each
    width is walked once per session."""
    from tests.browser.page_walk import Walker

    _chromium_or_fail()
    walks: dict[int, Any] = {}
    with Walker(CHROMIUM, CHROMIUM_ARGS) as walker:
        def at(width: int) -> Any:
            if width not in walks:
                walks[width] = walker.walk(served_site, site_pages, width)
            return walks[width]

        yield at


@pytest.fixture
def browser_page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def rounds_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with two fictional status rounds (TEST DATA, fictional_rounds.py)."""
    from tests.fictional_rounds import write_fictional_rounds

    project = copy_project(tmp_path_factory.mktemp("runder") / "projekt")
    write_fictional_rounds(project)
    return project


@pytest.fixture(scope="session")
def rounds_site(rounds_project: Path, site_url_path: str) -> Path:
    """The one extra build of the round tests: the copy with fictional rounds, built strictly."""
    out = rounds_project.parent / "site"
    result = build_site(rounds_project, out, site_url=f"http://127.0.0.1{site_url_path}")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def rounds_served(rounds_site: Path, site_url_path: str) -> Iterator[str]:
    """The copy with fictional rounds served under its sub-path on a free localhost port."""
    root = rounds_site.parent / "serve-root"
    root.mkdir(exist_ok=True)
    link = root / site_url_path.strip("/")
    if not link.exists():
        link.symlink_to(rounds_site, target_is_directory=True)
    with serve_folder(root, rounds_site / "404.html") as port:
        yield f"http://127.0.0.1:{port}{site_url_path}"

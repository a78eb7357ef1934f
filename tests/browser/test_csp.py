"""Every page keeps working under its Content-Security-Policy, and the browser blocks nothing.

A `securitypolicyviolation` listener is installed before any page script runs (an init script),
and every console message about the policy is recorded too. Every page of the built site is
opened; then what readers do with scripts is exercised under the same listener: the search (its
worker and index), the colour scheme switch (remembered across a reload by Material's inline
palette script, which runs only because its hash is in the policy), the initiative filters,
Material's keyboard shortcut for the search, and the print stylesheet.

The site is built for the address it is served from (site_url with the test server's port), as
it is deployed: Material fetches sitemap.xml from site_url, which must be the page's own origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.browser.search_driver import Query, open_search, search
from tests.conftest import ROOT, build_site, serve_folder

pytestmark = pytest.mark.browser

LISTENER = """
document.addEventListener('securitypolicyviolation', e => {
  window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ` +
                     `(${e.sourceFile || location.href}:${e.lineNumber})`);
});
"""


@dataclass(frozen=True)
class Deployed:
    url: str  # http://127.0.0.1:<port><site_url_path>
    pages: list[str]  # every page's URL relative to it ('' for the front page)


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory, site_url_path: str) -> Iterator[Deployed]:
    """The site built for, and served at, the same address."""
    root = tmp_path_factory.mktemp("csp-serve")
    site = root / site_url_path.strip("/")
    with serve_folder(root, site / "404.html") as port:
        url = f"http://127.0.0.1:{port}{site_url_path}"
        result = build_site(ROOT, site, site_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        pages = sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                       for p in site.rglob("index.html"))
        yield Deployed(url, pages)


@pytest.fixture
def csp_page(browser) -> Iterator[tuple[object, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    violations: list[str] = []
    context.expose_function("__reportCsp", lambda text: violations.append(text))
    context.add_init_script(LISTENER)
    page = context.new_page()

    def on_console(message: object) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(f"console: {message.text}")

    page.on("console", on_console)
    yield page, violations
    context.close()


def test_every_page_loads_without_a_violation(csp_page, deployed):
    page, violations = csp_page
    not_running = []
    assert len(deployed.pages) > 40
    for url in deployed.pages:
        page.goto(deployed.url + url)
        page.wait_for_load_state("networkidle")
        if url.startswith("admin/"):
            continue  # the editor is Decap's own page, not Material's (its policy: test_csp.py)
        # Material's inline head script defines __md_get; its bundle sets up document$.
        if not page.evaluate("typeof __md_get === 'function' && typeof document$ === 'object'"):
            not_running.append(url)
    page.goto(deployed.url + "findes-ikke/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof __md_get === 'function'")
    assert not_running == []
    assert violations == [], "\n".join(violations[:20])


def test_search_and_its_keyboard_shortcut_work_under_the_policy(csp_page, deployed):
    page, violations = csp_page
    open_search(page, deployed.url)  # waits for the worker's index, then presses "/"
    outcome = search(page, deployed.url, Query("strategi", "strategien/"))
    assert outcome.pages, "søgningen gav ingen resultater"
    assert violations == []


def test_palette_switch_is_remembered_across_a_reload(csp_page, deployed):
    page, violations = csp_page
    page.goto(deployed.url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function(f"{scheme} !== {before!r}")
    after = page.evaluate(scheme)
    page.reload()
    assert page.evaluate(scheme) == after  # set by the inline palette script, allowed by hash
    assert violations == []


def test_filters_hide_rows_under_the_policy(csp_page, deployed):
    page, violations = csp_page
    page.goto(deployed.url + "tiltag/")
    form = page.locator("form[data-filtre]")
    assert form.is_visible()
    rows = page.locator("#tiltag-tabel tbody tr")
    total = rows.count()
    form.locator("select[name=niveau]").select_option("decentralt")
    shown = page.locator("#tiltag-tabel tbody tr:not([hidden])").count()
    assert 0 < shown < total
    assert f"Viser {shown} af {total} tiltag." in form.inner_text()
    assert violations == []


def test_print_stylesheet_applies_under_the_policy(csp_page, deployed):
    page, violations = csp_page
    page.goto(deployed.url + "plan/")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") \
        == "none"
    page.pdf()
    assert violations == []

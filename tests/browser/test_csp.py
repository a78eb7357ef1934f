"""Every page keeps working under its Content-Security-Policy, and the browser blocks nothing.

A `securitypolicyviolation` listener is installed before any page script runs (an init script),
and every console message about the policy is recorded too. Every page of the built site is
opened; then what readers do with scripts is exercised under the same listener: the search (its
worker and index), the colour scheme switch (remembered across a reload by Material's inline
palette script, which runs only because its hash is in the policy), the initiative filters,
Material's keyboard shortcut for the search, and the print stylesheet.

The session build is made for the address it is served from (site_url with the test server's
port), as it is deployed: Material fetches sitemap.xml from site_url, which must be the page's
own origin. That every page loads without a violation is a content check
(macros/kvalitet/test_csp.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from macros.kvalitet.page_walk import CSP_LISTENER
from macros.kvalitet.search_driver import Query, open_search, search

pytestmark = pytest.mark.browser


@pytest.fixture
def csp_page(browser) -> Iterator[tuple[object, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    violations: list[str] = []
    context.expose_function("__reportCsp", lambda text: violations.append(text))
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()

    def on_console(message: object) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(f"console: {message.text}")

    page.on("console", on_console)
    yield page, violations
    context.close()


def test_search_and_its_keyboard_shortcut_work_under_the_policy(csp_page, served_site):
    page, violations = csp_page
    open_search(page, served_site)  # waits for the worker's index, then presses "/"
    outcome = search(page, served_site, Query("strategi", ""))
    assert outcome.pages, "søgningen gav ingen resultater"
    assert violations == []


def test_palette_switch_is_remembered_across_a_reload(csp_page, served_site):
    page, violations = csp_page
    page.goto(served_site)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function(f"{scheme} !== {before!r}")
    after = page.evaluate(scheme)
    page.reload()
    assert page.evaluate(scheme) == after  # set by the inline palette script, allowed by hash
    assert violations == []


def test_filters_hide_rows_under_the_policy(csp_page, served_site):
    page, violations = csp_page
    page.goto(served_site + "tiltag/")
    form = page.locator("form[data-filtre]")
    assert form.is_visible()
    rows = page.locator("#tiltag-tabel tbody tr")
    total = rows.count()
    form.locator("select[name=spor]").select_option(index=1)
    shown = page.locator("#tiltag-tabel tbody tr:not([hidden])").count()
    assert 0 < shown < total
    assert f"Viser {shown} af {total} tiltag." in form.inner_text()
    assert violations == []


def test_print_stylesheet_applies_under_the_policy(csp_page, served_site):
    page, violations = csp_page
    page.goto(served_site + "plan/")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") \
        == "none"
    page.pdf()
    assert violations == []

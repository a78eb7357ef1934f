"""axe-core (WCAG 2.0/2.1/2.2, levels A and AA) finds nothing on any page of the built site.

Every page is checked in the situations a reader may be in: a wide screen and phones 320, 360
and 414 px wide (where tables are cards and the Gantt chart is the phone chart), each in light
and in dark colour scheme. The missing-page (404) answer is checked too. A page
that forwards elsewhere at once (the /was address) is checked where it lands.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
COMBOS = [(width, scheme) for width in (1280, 320, 360, 414) for scheme in ("light", "dark")]
MISSING = "findes-ikke-side/"


def pages_to_open(site_pages) -> list[str]:
    """Every page except those that forward at once (their target is checked instead)."""
    return [url for url, soup in sorted(site_pages.items())
            if not soup.find("meta", attrs={"http-equiv": "refresh"})]


@pytest.fixture(scope="module", params=COMBOS, ids=[f"{w}px-{s}" for w, s in COMBOS])
def combo_page(browser, request) -> Iterator[object]:
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme, locale="da-DK")
    page = context.new_page()
    yield page
    context.close()


def violations_on(page, axe: Axe) -> list[str]:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                     "resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:3]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} – {targets}")
    return found


def test_axe_finds_no_wcag_violations(combo_page, served_site, site_pages, request):
    axe = Axe()
    failures: dict[str, list[str]] = {}
    checked = 0
    for url in [*pages_to_open(site_pages), MISSING]:
        combo_page.goto(served_site + url)
        found = violations_on(combo_page, axe)
        checked += 1
        if found:
            failures[url or "(forside)"] = found
    print(f"\naxe {request.node.callspec.id}: {checked} sider, "
          f"{sum(len(v) for v in failures.values())} regelbrud")
    assert checked == len(pages_to_open(site_pages)) + 1
    assert not failures, "\n".join(f"{url}:\n  " + "\n  ".join(v) for url, v in failures.items())


def test_missing_page_is_danish_and_styled_under_sub_path(browser_page, served_site):
    response = browser_page.goto(served_site + "mappe/som/ikke/findes/")
    assert response is not None and response.status == 404
    assert browser_page.locator("h1").inner_text() == "Siden findes ikke"
    assert "Siden findes ikke" in browser_page.title()
    # Styles load even three levels below the site root, so Material's header is laid out.
    assert browser_page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in {
        "sticky", "fixed"}
    browser_page.get_by_role("link", name="Gå til forsiden").click()
    assert browser_page.url == served_site

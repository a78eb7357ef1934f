"""axe-core (WCAG 2.0/2.1/2.2, levels A and AA) finds nothing on any page of the built site.

Every page is checked in the situations a reader may be in: a wide screen and phones 320, 360
and 414 px wide (where tables are cards and the Gantt chart is the phone chart), in the light
colour scheme with every rule and in the dark one for colour contrast (the one rule a scheme
changes), in the same visit (macros/kvalitet/page_walk.py). The missing-page (404) answer is
checked too. A page that forwards elsewhere at once (the /was address) is checked where it
lands.
"""

from __future__ import annotations

import pytest

from macros.kvalitet.page_walk import PHONE_WIDTHS, WIDE
from macros.kvalitet.test_accessibility import (
    CONTENT_WIDTHS,
    assert_axe_clean,
    assert_dark_contrast_kept,
)

pytestmark = pytest.mark.browser

# The content checks (macros/kvalitet/test_accessibility.py, `strategi test`) check every page
# wide and at the narrowest phone; here the phones between.
WIDTHS = [w for w in (WIDE, *PHONE_WIDTHS) if w not in CONTENT_WIDTHS]
WIDTH_PARAMS = [pytest.param(w, id=f"{w}px") for w in WIDTHS]


@pytest.mark.parametrize("width", WIDTH_PARAMS)
def test_axe_finds_no_wcag_violations(page_walk, width):
    assert_axe_clean(page_walk(width))


@pytest.mark.parametrize("width", WIDTH_PARAMS)
def test_dark_scheme_keeps_every_contrast(page_walk, width):
    assert_dark_contrast_kept(page_walk(width))


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

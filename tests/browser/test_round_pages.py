"""The pages a status round adds or changes, read in Chromium on the copy with two fictional
rounds (TEST DATA, tests/fictional_rounds.py), and the overviews that copy's fictional tracks
and links page (tests/fictional_scale.py: the status page with its totals, the recommendation
matrix's pages): axe-core finds nothing, and nothing scrolls sideways on a 320 px phone.
Screenshots of a round's page at 360 and 1280 px are written to the folder named by
STRATEGI_SKAERMBILLEDER, when it is set (for the issue's note)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from macros.kvalitet.page_walk import WCAG_TAGS, axe_violations
from tests import fictional_rounds as fr

pytestmark = pytest.mark.browser

# The rounds, the status page, the gantt chart, the invented initiative whose end moved, and the
# paged recommendation matrix (fictional_scale.py makes the copy's plan outgrow one page).
PAGES = [f"status/runder/{fr.SECOND}/", f"status/runder/{fr.FIRST}/", "status/", "gantt/",
         f"tiltag/{fr.MOVED_ID}/", "anbefalinger/", "anbefalinger/side-2/"]


@pytest.mark.parametrize("width", [1280, 360, 320])
def test_round_pages_pass_axe_and_fit_the_phone(browser, rounds_served, rounds_plan, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    axe = Axe()
    failures = {}
    try:
        for url in [*PAGES, f"tiltag/{rounds_plan.delayed}/"]:
            page.goto(rounds_served + url)
            found = axe_violations(page, axe, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            if found:
                failures[url] = found
            sideways = page.evaluate("() => document.scrollingElement.scrollWidth"
                                     " - document.scrollingElement.clientWidth")
            assert sideways <= 0, f"{url} ruller {sideways} px sidelæns ved {width} px"
            folder = os.environ.get("STRATEGI_SKAERMBILLEDER")
            if folder and url == PAGES[0] and width in (360, 1280):
                page.screenshot(path=str(Path(folder) / f"statusrunde-{width}.png"),
                                full_page=False)
    finally:
        context.close()
    assert not failures, failures

"""No page scrolls sideways as a whole, wide or at 320 px (WCAG 1.4.10 Reflow): wide tables and
figures scroll in their own box. Recorded in the shared visit of every page (page_walk.py)."""

from __future__ import annotations

import pytest

from macros.kvalitet.page_walk import WIDE

pytestmark = [pytest.mark.content, pytest.mark.browser]


@pytest.mark.parametrize("width", [WIDE, 320])
def test_no_page_scrolls_sideways(page_walk, width):
    walk = page_walk(width)
    wide = [f"{url or '(forside)'}: {v.scroll[0]} > {v.scroll[1]}"
            for url, v in walk.visits.items() if v.scroll[0] > v.scroll[1]]
    assert not wide, "\n".join(wide)

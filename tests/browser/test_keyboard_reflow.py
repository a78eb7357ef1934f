"""Keyboard use and reflow, on every page of the built site.

- the first Tab lands on the skip link, and following it moves focus into the page text;
- everything that can take focus shows it visibly (outline or shadow differs from unfocused),
  wide and 320 px wide;
- the search can be opened, used and left by keyboard alone, wide and 320 px wide;
- the navigation can be reached by Tab;
- at every width from 320 to 1440 px nothing in a page's text reaches past the
  screen (only the wide Gantt chart scrolls, in its own box, from tablet width up), and no word
  is broken in the middle.
The per-page checks are made in the shared visit of every page (macros/kvalitet/page_walk.py).
That no page scrolls sideways, wide and at 320 px, is a content check: macros/kvalitet/
test_reflow.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from macros.kvalitet.page_walk import FOCUS_WIDTHS, SWEEP_WIDTHS, WIDE

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def wide_page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def narrow_page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    yield context.new_page()
    context.close()


def test_skip_link_is_first_and_moves_focus_to_content(page_walk):
    walk = page_walk(WIDE)
    problems = [f"{url}: {visit.skip_link}" for url, visit in walk.visits.items()
                if visit.skip_link]
    assert walk.pages
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", FOCUS_WIDTHS)
def test_every_focusable_element_shows_focus(page_walk, width):
    walk = page_walk(width)
    unchecked = [url for url in walk.pages if walk.visits[url].focus_checked < 3]
    assert not unchecked, f"fokus blev ikke prøvet på: {unchecked}"  # skip link, logo, menu…
    problems = [f"{url}: {element}" for url, visit in walk.visits.items()
                for element in visit.unfocused]
    assert not problems, f"{len(problems)} uden synligt fokus:\n" + "\n".join(problems[:40])


def tab_until(page, predicate: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            return True
    return False


@pytest.mark.parametrize("width", [1280, 320])
def test_search_works_by_keyboard_alone(browser, served_site, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(served_site)
        if width < 1220:  # the search field hides behind a button on small screens
            assert tab_until(page, "el.matches('button[aria-label=Søg]')"), "søgeknap kan ikke nås"
            page.keyboard.press("Enter")
        else:
            assert tab_until(page, "el.matches('.md-search__input')"), "søgefelt kan ikke nås"
        assert page.evaluate("document.activeElement.matches('.md-search__input')")
        page.keyboard.type("strategi")
        page.locator(".md-search-result__item").first.wait_for()
        page.keyboard.press("ArrowDown")
        target = page.evaluate("document.activeElement.closest('a')?.href")
        assert target, "pil ned flytter ikke fokus til et søgeresultat"
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: url.split("#")[0] == target.split("#")[0])
    finally:
        context.close()


def test_navigation_is_reachable_by_tab(wide_page, served_site):
    wide_page.goto(served_site + "plan/")
    assert tab_until(wide_page, "!!el.closest('nav.md-nav--primary') && el.matches('a[href]')")


def test_navigation_drawer_opens_by_keyboard_on_small_screens(narrow_page, served_site):
    narrow_page.goto(served_site + "plan/")
    assert tab_until(narrow_page, "el.matches('button[aria-label=Menu]')"), "menuknap kan ikke nås"
    narrow_page.keyboard.press("Enter")
    assert tab_until(narrow_page, "!!el.closest('nav.md-nav--primary') && el.matches('a[href]')")


def test_no_page_overflows_or_breaks_words_at_any_width(page_walk):
    """One visit per page; the window is then resized through every width (page_walk.py)."""
    walk = page_walk(SWEEP_WIDTHS[0])
    problems = [f"{url or '(forside)'} ved {width} px: {problem}"
                for url, visit in walk.visits.items() for width, found in visit.sweep.items()
                for problem in found]
    assert all(len(walk.visits[url].sweep) == len(SWEEP_WIDTHS) for url in walk.pages)
    assert not problems, f"{len(problems)} problemer:\n" + "\n".join(problems[:40])

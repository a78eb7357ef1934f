"""Keyboard use and reflow, on every page of the built site.

- the first Tab lands on the skip link, and following it moves focus into the page text;
- everything that can take focus shows it visibly (outline or shadow differs from unfocused);
- the search can be opened, used and left by keyboard alone, wide and 320 px wide;
- the navigation can be reached by Tab;
- at every width from 320 to 1440 px no page scrolls sideways as a whole, nothing in its text
  reaches past the screen (only the wide Gantt chart scrolls, in its own box, from tablet width
  up), and no word is broken in the middle.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.layout import BROKEN_WORDS, TOO_WIDE

pytestmark = pytest.mark.browser

# For every visible focusable element: does focusing it change its outline/box-shadow (or that of
# its <label>, for Material's visually hidden radio and checkbox inputs)? Returns those that don't.
FOCUS_SCRIPT = """
() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]),' +
    ' select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const look = el => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
      ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none';
    return `${outline}|${s.boxShadow}|${s.backgroundColor}|${s.textDecorationLine}`;
  };
  const shown = el => el.getClientRects().length > 0 &&
    el.checkVisibility({visibilityProperty: true});
  // Tab stops once per radio group: on the checked radio, or on the first if none is checked.
  const skipped = el => {
    if (el.type !== 'radio') return false;
    const group = `input[type=radio][name="${el.name}"]`;
    return el !== (document.querySelector(group + ':checked') || document.querySelector(group));
  };
  // Material shows a hidden radio's focus on the label right after it.
  const next = el => el.type === 'radio' && el.nextElementSibling?.tagName === 'LABEL'
    ? [el.nextElementSibling] : [];
  if (document.activeElement) document.activeElement.blur();
  const bad = [];
  for (const el of document.querySelectorAll(selector)) {
    const parts = [el, ...(el.labels || []), ...next(el)].filter(shown);
    if (!parts.length || el.tabIndex < 0 || skipped(el)) continue;
    const before = parts.map(look).join('/');
    el.focus();
    if (document.activeElement !== el) continue;
    const after = parts.map(look).join('/');
    el.blur();
    if (before === after) bad.push(el.outerHTML.slice(0, 120));
  }
  return bad;
}
"""


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


def pages_to_open(site_pages) -> list[str]:
    """Every page except those that forward at once (their target is checked instead)."""
    return [url for url, soup in sorted(site_pages.items())
            if not soup.find("meta", attrs={"http-equiv": "refresh"})]


def active(page) -> dict[str, object]:
    return page.evaluate("""() => { const el = document.activeElement; return {
        cls: el.className || '', tag: el.tagName,
        inContent: !!el.closest('.md-content'), inNav: !!el.closest('nav.md-nav--primary') }; }""")


def test_skip_link_is_first_and_moves_focus_to_content(wide_page, served_site, site_pages):
    problems = []
    for url in pages_to_open(site_pages):
        wide_page.goto(served_site + url)
        wide_page.keyboard.press("Tab")
        first = active(wide_page)
        if "md-skip" not in str(first["cls"]):
            problems.append(f"{url}: første Tab gik til {first}")
            continue
        wide_page.keyboard.press("Enter")
        wide_page.keyboard.press("Tab")
        if not active(wide_page)["inContent"]:
            problems.append(f"{url}: efter springlinket er fokus ikke i indholdet")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 320])
def test_every_focusable_element_shows_focus(browser, served_site, site_pages, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    problems = []
    try:
        for url in pages_to_open(site_pages):
            page.goto(served_site + url)
            page.keyboard.press("Tab")  # keyboard modality, as a keyboard user would have
            for element in page.evaluate(FOCUS_SCRIPT):
                problems.append(f"{url}: {element}")
    finally:
        context.close()
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


# Every width from 320 to 1440 px: the phone widths and, for each of Material's layout steps
# (45em, 60em, 76.25em = 720, 960, 1220 px), the widest width before it and the narrowest after
# it – between two steps the text column only grows with the window, so these are where it is
# most squeezed – and the common tablet and desk widths.
WIDTHS = [320, 360, 414, 480, 600, 719, 720, 768, 900, 959, 960, 1024, 1100, 1219, 1220, 1280,
          1440]
PHONE = 720  # below Material's 45em step tables are cards and nothing may scroll sideways


def layout_problems(page) -> list[str]:
    width = page.viewport_size["width"]
    found = [f"for bred: {e}" for e in page.evaluate(TOO_WIDE, width >= PHONE)[:5]]
    found += [f"ord brudt: {w!r}" for w in page.evaluate(BROKEN_WORDS)[:5]]
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth]")
    if sizes[0] > sizes[1]:
        found.append(f"siden ruller sidelæns ({sizes[0]} > {sizes[1]})")
    return found


def test_no_page_overflows_or_breaks_words_at_any_width(narrow_page, served_site, site_pages):
    """One visit per page; the window is then resized through every width."""
    problems = []
    for url in pages_to_open(site_pages):
        narrow_page.set_viewport_size({"width": WIDTHS[0], "height": 640})
        narrow_page.goto(served_site + url)
        for width in WIDTHS:
            narrow_page.set_viewport_size({"width": width, "height": 640})
            found = layout_problems(narrow_page)
            if found:  # Material animates its sidebars into place after a resize
                narrow_page.wait_for_timeout(400)
                found = layout_problems(narrow_page)
            problems += [f"{url or '(forside)'} ved {width} px: {p}" for p in found]
    assert not problems, f"{len(problems)} problemer:\n" + "\n".join(problems[:40])

"""One visit to every page of the session build per browser context, with every per-page check
made in that visit: the browser tests assert on what it recorded, so adding a check adds work to
the visit, not another round of page loads.

`walk(width)` (fixture `page_walk`) opens each page once in a context of that width (phones as
touch devices) in the light colour scheme and records:
- axe-core's WCAG 2.0-2.2 A/AA violations; then, switched to the dark scheme in the same visit,
  axe's colour contrast (the one rule a colour scheme can change);
- the page's layout: its scroll width, what reaches past the screen or scrolls sideways, words
  broken mid-word, and how its tables show (cards on phones); in the 320 px walk, the window is
  then resized through every width from 320 to 1440 px (SWEEP_WIDTHS) and the same is recorded
  at each;
- at 1280 and 320 px, elements that take focus without showing it; at 1280 px the skip link;
- at 1280 px every Content-Security-Policy violation (an init-script listener and the console),
  whether Material's scripts run, cookies, and every request the pages make.
The 404 answer is visited too (axe, policy, requests); /admin/ last, for its policy only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE_WIDTHS = (320, 360, 414)
FOCUS_WIDTHS = (1280, 320)
WIDE = 1280
PHONE_LAYOUT_BELOW = 720  # Material's 45em step: below it tables are cards, nothing scrolls
# Every width from 320 to 1440 px that the 320 px walk resizes each page through: the phone
# widths and, for each of Material's layout steps (45em, 60em, 76.25em = 720, 960, 1220 px),
# the widest width before it and the narrowest after it - between two steps the text column
# only grows with the window, so these are where it is most squeezed - and the common tablet
# and desk widths.
SWEEP_WIDTHS = (320, 360, 414, 480, 600, 719, 720, 768, 900, 959, 960, 1024, 1100, 1219, 1220,
                1280, 1440)
# Every rule axe ran is in one or more of these lists of its answer (only violations list every
# node).
RESULT_KINDS = ("violations", "passes", "incomplete", "inapplicable")
MISSING = "findes-ikke-side/"
ADMIN = "admin/"

CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', e => {
  window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ` +
                     `(${e.sourceFile || location.href}:${e.lineNumber})`);
});
"""

# Elements in the page text that reach past the screen's edges, or scroll sideways themselves.
# With `scrollRegions` true (tablet and desk widths) the wide Gantt chart, a labelled region made
# to scroll sideways, may scroll, and what lies inside it is not held against the screen's
# edges; every table must fit. On a phone nothing may scroll.
TOO_WIDE = """
(scrollRegions = false) => {
  const width = document.documentElement.clientWidth;
  const region = el => scrollRegions && el.parentElement?.closest('.gantt__rulle[role=region]');
  const scroller = el => scrollRegions && el.matches('.gantt__rulle[role=region]');
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const bad = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    if (region(el)) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (box.left < -0.5 || box.right > width + 0.5)
      bad.push(`${name(el)} ${Math.round(box.left)}..${Math.round(box.right)}`);
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 &&
        !scroller(el))
      bad.push(`${name(el)} ruller sidelæns (${el.scrollWidth} > ${el.clientWidth})`);
  }
  // Text that runs out of its box past the screen's edge (a long word in a large heading).
  const clipped = el => { for (; el; el = el.parentElement) {
    if (getComputedStyle(el).clipPath !== 'none') return true; } return false; };
  const walker = document.createTreeWalker(document.querySelector('.md-content'),
                                           NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('svg') || region(node)) continue;
    range.selectNodeContents(node);
    const out = [...range.getClientRects()].some(r => r.width && (r.right > width + 0.5 ||
                                                                   r.left < -0.5));
    if (out && !clipped(node.parentElement))
      bad.push(`tekst «${node.data.trim().slice(0, 40)}» i ${name(node.parentElement)}`);
  }
  return bad;
}
"""

# Words (between spaces and after hyphens, dashes and slashes) whose letters lie on more
# than one line.
BROKEN_WORDS = """
() => {
  const walker = document.createTreeWalker(document.querySelector('.md-content'),
                                           NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const bad = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('svg, script, style')) continue;
    for (const match of node.data.matchAll(/[^\\s\\-–—\\/]+[\\-–—\\/]?/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                              .map(r => Math.round(r.bottom)));
      if (lines.size > 1) bad.push(match[0]);
    }
  }
  return bad;
}
"""

# Tables in the page text: are they cards (not laid out as a table), and does every labelled
# cell that is shown show its label?
CARDS = """
() => [...document.querySelectorAll('.md-content table')]
  .filter(table => table.getClientRects().length)
  .map(table => {
    const cells = [...table.querySelectorAll('tbody td')].filter(td => td.getClientRects().length);
    return {
      table: table.className || '(markdown)',
      display: getComputedStyle(table).display,
      unlabelled: cells.filter(td => !td.dataset.label && td.colSpan === 1).length,
      labels: cells.filter(td => td.dataset.label).map(td => {
        const before = getComputedStyle(td, '::before');
        return [td.dataset.label, before.content, before.display];
      }),
    };
  })
"""

# For every visible focusable element: does focusing it change its outline/box-shadow (or that of
# its <label>, for Material's visually hidden radio and checkbox inputs)? Returns those that don't,
# and how many took focus.
FOCUS = """
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
  let checked = 0;
  for (const el of document.querySelectorAll(selector)) {
    const parts = [el, ...(el.labels || []), ...next(el)].filter(shown);
    if (!parts.length || el.tabIndex < 0 || skipped(el)) continue;
    const before = parts.map(look).join('/');
    el.focus();
    if (document.activeElement !== el) continue;
    checked++;
    const after = parts.map(look).join('/');
    el.blur();
    if (before === after) bad.push(el.outerHTML.slice(0, 120));
  }
  return [bad, checked];
}
"""

ACTIVE = """() => { const el = document.activeElement; return {
    cls: el.className || '', tag: el.tagName,
    inContent: !!el.closest('.md-content'), inNav: !!el.closest('nav.md-nav--primary') }; }"""

# Back to the page as loaded after the skip link was followed: nothing focused, at the top, and
# every transition (the header's title, a tooltip) finished, so axe sees no colour mid-fade.
SETTLE = """async () => {
  if (document.activeElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  await new Promise(requestAnimationFrame);
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
}"""

# Material's palette as its own script sets it on load for a reader who prefers the scheme.
SCHEME = """async scheme => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  await new Promise(requestAnimationFrame);
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
}"""


@dataclass
class Visit:
    url: str
    axe: list[str] = field(default_factory=list)
    axe_dark: list[str] = field(default_factory=list)
    axe_rules: list[str] = field(default_factory=list)  # the rules axe ran, light scheme
    axe_dark_rules: list[str] = field(default_factory=list)  # and dark
    scroll: tuple[int, int] = (0, 0)
    too_wide: list[str] = field(default_factory=list)
    broken_words: list[str] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    unfocused: list[str] = field(default_factory=list)
    focus_checked: int = 0  # elements focused by the focus check
    sweep: dict[int, list[str]] = field(default_factory=dict)  # width -> layout problems
    skip_link: str | None = None  # what went wrong, or None
    material_runs: bool = True
    cookie: str = ""


@dataclass
class Walk:
    width: int
    pages: list[str]  # the site's pages visited, in order
    visits: dict[str, Visit]
    csp: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # before /admin/


def pages_to_open(site_pages: dict[str, Any]) -> list[str]:
    """Every page except those that forward at once (their target is checked instead)."""
    return [url for url, soup in sorted(site_pages.items())
            if not soup.find("meta", attrs={"http-equiv": "refresh"})]


def axe_violations(page: Any, axe: Axe, options: dict[str, Any],
                   rules_run: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page as it is now (axe injected once per page); the ids
    of the rules it ran are added to rules_run."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    options = {**options, "resultTypes": ["violations"]}
    response = page.evaluate("options => axe.run(document, options)", options)
    if rules_run is not None:
        rules_run += sorted({rule["id"] for kind in RESULT_KINDS for rule in response[kind]})
    found = []
    for violation in response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:3]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} – {targets}")
    return found


def _visit(page: Any, base: str, url: str, width: int, axe: Axe, site_page: bool) -> Visit:
    page.emulate_media(color_scheme="light")
    page.goto(base + url)
    visit = Visit(url)
    if width == WIDE and site_page:  # first, on the page as loaded
        visit.skip_link = _skip_link(page)
        page.evaluate(SETTLE)
    visit.axe = axe_violations(page, axe, {"runOnly": {"type": "tag", "values": WCAG_TAGS}},
                               visit.axe_rules)
    visit.scroll = tuple(page.evaluate("() => [document.documentElement.scrollWidth, "
                                       "document.documentElement.clientWidth]"))
    if width == WIDE:
        visit.material_runs = page.evaluate(
            "typeof __md_get === 'function' && typeof document$ === 'object'")
        visit.cookie = page.evaluate("document.cookie")
    if site_page:
        visit.too_wide = page.evaluate(TOO_WIDE, width >= PHONE_LAYOUT_BELOW)
        visit.broken_words = page.evaluate(BROKEN_WORDS)
        visit.tables = page.evaluate(CARDS)
    page.emulate_media(color_scheme="dark")
    page.evaluate(SCHEME, "slate")
    visit.axe_dark = axe_violations(page, axe, {"runOnly": {"type": "rule",
                                                            "values": ["color-contrast"]}},
                                    visit.axe_dark_rules)
    if site_page and width in FOCUS_WIDTHS:
        page.emulate_media(color_scheme="light")
        page.evaluate(SCHEME, "default")
        page.keyboard.press("Tab")  # keyboard modality, as a keyboard user would have
        visit.unfocused, visit.focus_checked = page.evaluate(FOCUS)
    if site_page and width == SWEEP_WIDTHS[0]:
        visit.sweep = _sweep(page)
    return visit


def _layout_problems(page: Any, width: int) -> list[str]:
    found = [f"for bred: {e}" for e in page.evaluate(TOO_WIDE, width >= PHONE_LAYOUT_BELOW)[:5]]
    found += [f"ord brudt: {w!r}" for w in page.evaluate(BROKEN_WORDS)[:5]]
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth]")
    if sizes[0] > sizes[1]:
        found.append(f"siden ruller sidelæns ({sizes[0]} > {sizes[1]})")
    return found


def _sweep(page: Any) -> dict[int, list[str]]:
    """The page's layout problems at every width, the window resized in one visit."""
    start = page.viewport_size
    found = {}
    for width in SWEEP_WIDTHS:
        page.set_viewport_size({"width": width, "height": start["height"]})
        problems = _layout_problems(page, width)
        if problems:  # Material animates its sidebars into place after a resize
            page.wait_for_timeout(400)
            problems = _layout_problems(page, width)
        found[width] = problems
    page.set_viewport_size(start)
    return found


def _skip_link(page: Any) -> str | None:
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    if "md-skip" not in str(first["cls"]):
        return f"første Tab gik til {first}"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    if not page.evaluate(ACTIVE)["inContent"]:
        return "efter springlinket er fokus ikke i indholdet"
    return None


def walk(browser: Any, base: str, site_pages: dict[str, Any], width: int) -> Walk:
    phone = width < 700
    context = browser.new_context(viewport={"width": width, "height": 740 if phone else 900},
                                  locale="da-DK", is_mobile=phone, has_touch=phone)
    result = Walk(width, pages_to_open(site_pages), {})
    seen: list[str] = []
    if width == WIDE:
        context.expose_function("__reportCsp", lambda text: result.csp.append(text))
        context.add_init_script(CSP_LISTENER)
        context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            result.csp.append(f"console: {message.text}")

    if width == WIDE:
        page.on("console", on_console)
    axe = Axe()
    try:
        for url in result.pages:
            result.visits[url] = _visit(page, base, url, width, axe, site_page=True)
        result.visits[MISSING] = _visit(page, base, MISSING, width, axe, site_page=False)
        if width == WIDE:
            page.wait_for_load_state("networkidle")
            result.requests = list(seen)
            page.goto(base + ADMIN)  # the editor's own page: its policy, nothing else
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return result

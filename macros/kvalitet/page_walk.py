"""One visit to every page of the session build per width, with every per-page check
made in that visit: the browser tests assert on what it recorded, so adding a check adds work to
the visit, not another round of page loads.

`Walker.walk(width)` (fixture `page_walk`) opens each page once in a context of that width
(phones as touch devices) in the light colour scheme and records:
- axe-core's WCAG 2.0-2.2 A/AA violations; then, switched to the dark scheme in the same visit,
  axe's colour contrast (the one rule a colour scheme can change); and the rules axe ran;
- the page's layout: its scroll width, what reaches past the screen or scrolls sideways, words
  broken mid-word, and how its tables show (cards on phones); in the 320 px walk, the window is
  then resized through every width from 320 to 1440 px (SWEEP_WIDTHS) and the same is recorded
  at each;
- at 1280 and 320 px, elements that take focus without showing it (and how many were focused);
  at 1280 px the skip link;
- at 1280 px every Content-Security-Policy violation (an init-script listener and the console),
  whether Material's scripts run, cookies, and every request the pages make.
The 404 answer is visited too (axe, policy, requests); /admin/ last, for its policy only.

The walk drives a Chromium of its own (`Walker`) through Playwright's async API, CONTEXTS pages
at a time, each in a browser context of its own with axe-core already in every page it loads (an
init script): a visit mostly waits for one browser process, and two cores can run more than one.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import threading
from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.async_api import async_playwright

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE_WIDTHS = (320, 360, 414)
FOCUS_WIDTHS = (1280, 320)
WIDE = 1280
# Every width a check asks `page_walk` for: walked in the background from the session's start.
WALK_WIDTHS = tuple(dict.fromkeys((WIDE, *FOCUS_WIDTHS, *PHONE_WIDTHS)))
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
# Pages loaded and checked at once, each in a browser context of its own: a visit spends much of
# its time waiting for the browser, so two cores keep more than one page busy.
CONTEXTS = 3
# The walks' thread and the Playwright driver it starts yield the processor to the rest of the
# session (nice 10). Chromium sets its own processes' priorities, but it does only what the
# driver passes on, so the walks go at the pace the session's tests leave them, and those tests
# run nearly as fast as without the walks. The work is the same; only when it is done changes.
BACKGROUND_NICENESS = 10
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

SIZES = """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"""

# What _layout_problems reads after each resize of the sweep, in one call to the page.
LAYOUT = f"""(scrollRegions) => ({{
  tooWide: ({TOO_WIDE})(scrollRegions),
  broken: ({BROKEN_WORDS})(),
  sizes: ({SIZES})(),
}})"""

AXE_RUN = "options => axe.run(document, options)"
AXE_SOURCE = Axe().axe_script

ACTIVE = """() => { const el = document.activeElement; return {
    cls: el.className || '', tag: el.tagName,
    inContent: !!el.closest('.md-content'), inNav: !!el.closest('nav.md-nav--primary') }; }"""

# After a resize: wait for the frames Material's scripts redraw in and the transitions they start
# (at most `limit` ms); returns the milliseconds waited.
SETTLED = """async limit => {
  const start = performance.now();
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  await Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, limit))]);
  return performance.now() - start;
}"""
SETTLE_MS = 400
SETTLE_STEP_MS = 50

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


def axe_violations(page: Any, axe: Axe, options: dict[str, Any]) -> list[str]:
    """axe-core's violations on the page as it is now (axe injected once per page)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    return _axe_report(page.evaluate(AXE_RUN, {**options, "resultTypes": ["violations"]}))


def _axe_report(response: dict[str, Any], rules_run: list[str] | None = None) -> list[str]:
    """The violations in axe's answer, one line each; the ids of the rules it ran are added to
    rules_run."""
    if rules_run is not None:
        rules_run += sorted({rule["id"] for kind in RESULT_KINDS for rule in response[kind]})
    found = []
    for violation in response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:3]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} – {targets}")
    return found


async def _axe(page: Any, options: dict[str, Any], rules_run: list[str]) -> list[str]:
    # axe is in every page of the walk's contexts already (an init script).
    response = await page.evaluate(AXE_RUN, {**options, "resultTypes": ["violations"]})
    return _axe_report(response, rules_run)


async def _visit(page: Any, base: str, url: str, width: int, site_page: bool) -> Visit:
    await page.emulate_media(color_scheme="light")
    await page.goto(base + url)
    visit = Visit(url)
    visit.axe = await _axe(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}},
                           visit.axe_rules)
    visit.scroll = tuple(await page.evaluate(SIZES))
    if width == WIDE:
        visit.material_runs = await page.evaluate(
            "typeof __md_get === 'function' && typeof document$ === 'object'")
        visit.cookie = await page.evaluate("document.cookie")
    if site_page:
        visit.too_wide = await page.evaluate(TOO_WIDE, width >= PHONE_LAYOUT_BELOW)
        visit.broken_words = await page.evaluate(BROKEN_WORDS)
        visit.tables = await page.evaluate(CARDS)
    await page.emulate_media(color_scheme="dark")
    await page.evaluate(SCHEME, "slate")
    visit.axe_dark = await _axe(page, {"runOnly": {"type": "rule", "values": ["color-contrast"]}},
                                visit.axe_dark_rules)
    # The skip link after axe, which then saw the page as loaded (no focused link, no tooltip
    # fading) without waiting for it to settle; nothing before has moved the focus.
    if width == WIDE and site_page:
        visit.skip_link = await _skip_link(page)
    if site_page and width in FOCUS_WIDTHS:
        await page.emulate_media(color_scheme="light")
        await page.evaluate(SCHEME, "default")
        await page.keyboard.press("Tab")  # keyboard modality, as a keyboard user would have
        visit.unfocused, visit.focus_checked = await page.evaluate(FOCUS)
    if site_page and width == SWEEP_WIDTHS[0]:
        visit.sweep = await _sweep(page)
    return visit


async def _layout_problems(page: Any, width: int) -> list[str]:
    layout = await page.evaluate(LAYOUT, width >= PHONE_LAYOUT_BELOW)
    found = [f"for bred: {e}" for e in layout["tooWide"][:5]]
    found += [f"ord brudt: {w!r}" for w in layout["broken"][:5]]
    sizes = layout["sizes"]
    if sizes[0] > sizes[1]:
        found.append(f"siden ruller sidelæns ({sizes[0]} > {sizes[1]})")
    return found


async def _sweep(page: Any) -> dict[int, list[str]]:
    """The page's layout problems at every width, the window resized in one visit."""
    start = page.viewport_size
    found = {}
    for width in SWEEP_WIDTHS:
        await page.set_viewport_size({"width": width, "height": start["height"]})
        problems = await _layout_problems(page, width)
        waited = 0.0
        # Material animates its sidebars into place after a resize: look again as it moves,
        # until nothing is wrong or SETTLE_MS have passed since the first look.
        while problems and waited < SETTLE_MS:
            waited += await page.evaluate(SETTLED, min(SETTLE_STEP_MS, SETTLE_MS - waited))
            problems = await _layout_problems(page, width)
        found[width] = problems
    await page.set_viewport_size(start)
    return found


async def _skip_link(page: Any) -> str | None:
    await page.keyboard.press("Tab")
    first = await page.evaluate(ACTIVE)
    if "md-skip" not in str(first["cls"]):
        return f"første Tab gik til {first}"
    await page.keyboard.press("Enter")
    await page.keyboard.press("Tab")
    if not (await page.evaluate(ACTIVE))["inContent"]:
        return "efter springlinket er fokus ikke i indholdet"
    return None


async def _walk(browser: Any, base: str, pages: list[str], width: int, contexts: int) -> Walk:
    phone = width < 700
    result = Walk(width, list(pages), {})
    to_visit = [*result.pages, MISSING]
    visits: dict[str, Visit] = {}
    seen: list[str] = []
    opened: list[Any] = []

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            result.csp.append(f"console: {message.text}")

    async def new_page(with_axe: bool) -> Any:
        context = await browser.new_context(
            viewport={"width": width, "height": 740 if phone else 900}, locale="da-DK",
            is_mobile=phone, has_touch=phone)
        opened.append(context)
        if width == WIDE:
            await context.expose_function("__reportCsp", lambda text: result.csp.append(text))
            await context.add_init_script(CSP_LISTENER)
            context.on("request", lambda request: seen.append(request.url))
        if with_axe:
            await context.add_init_script(AXE_SOURCE)
        page = await context.new_page()
        if width == WIDE:
            page.on("console", on_console)
        return page

    async def visit_in_turn() -> Any:
        """One context's page, visiting the next page not yet taken until none is left."""
        page = await new_page(with_axe=True)
        while to_visit:
            url = to_visit.pop(0)
            visits[url] = await _visit(page, base, url, width, site_page=url != MISSING)
        return page

    try:
        pages = await asyncio.gather(*(visit_in_turn() for _ in range(contexts)))
        if width == WIDE:
            for page in pages:
                await page.wait_for_load_state("networkidle")
            result.requests = list(seen)
            admin = await new_page(with_axe=False)  # the editor's page: its policy, nothing else
            await admin.goto(base + ADMIN)
            await admin.wait_for_load_state("networkidle")
    finally:
        for context in opened:
            await context.close()
    result.visits = {url: visits[url] for url in [*result.pages, MISSING]}
    return result


class Walker:
    """A Chromium of the walks' own, driven through Playwright's async API on a thread of its own
    (the session's browser is the synchronous API's, which waits for one page at a time), so that
    CONTEXTS pages are loaded and checked at once, and the walks run while the test session goes
    on with other tests (`walk_in_background`)."""

    def __init__(self, executable: str | None, args: list[str]) -> None:
        self._executable, self._args = executable, args
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._walks: dict[int, concurrent.futures.Future[Walk]] = {}
        self._background: concurrent.futures.Future[None] | None = None

    def _serve(self) -> None:
        # On Linux a thread has a nice value of its own, and what it starts inherits it.
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
        self._loop.run_forever()

    def __enter__(self) -> Walker:
        self._thread.start()
        self._playwright = self._run(async_playwright().start())
        self._browser = self._run(self._playwright.chromium.launch(
            executable_path=self._executable, args=self._args))
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._background is not None:
                self._background.cancel()
                with contextlib.suppress(concurrent.futures.CancelledError):
                    self._background.exception()
            self._run(self._browser.close())
            self._run(self._playwright.stop())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def walk_in_background(self, base: str, pages: list[str], widths: tuple[int, ...],
                           contexts: int = CONTEXTS) -> None:
        """Start walking the pages at each width, one width after another; `walk` then waits
        for a width's walk instead of making it."""
        self._walks = {width: concurrent.futures.Future() for width in widths}

        async def every_width() -> None:
            for width, walk in self._walks.items():
                try:
                    walk.set_result(await _walk(self._browser, base, pages, width, contexts))
                except Exception as error:
                    walk.set_exception(error)

        self._background = asyncio.run_coroutine_threadsafe(every_width(), self._loop)

    def walk(self, base: str, pages: list[str], width: int, contexts: int = CONTEXTS) -> Walk:
        """Every page visited once at that width, CONTEXTS at a time."""
        if width in self._walks:
            return self._walks[width].result()
        return self._run(_walk(self._browser, base, pages, width, contexts))

"""Every page of the built site read on a phone, at 320, 360 and 414 px wide, in Chromium.

- nothing in the page text is wider than the screen, and nothing in it scrolls sideways;
- no word breaks across lines in the middle (this Chromium has no Danish hyphenation
  dictionary, so any break inside a word would be a forced one);
- every data table shows as cards: each cell with a column label shows that label;
- the Gantt page draws the phone chart: every bar, milestone and the 'today' line inside the
  screen, every name written out in full; the wide chart is not shown;
- the status page shows the counts per track as a list, not the nine-column table.

The per-page checks are made in the shared visit of every page at each width
(macros/kvalitet/page_walk.py; axe at these widths is asserted in test_accessibility.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.data.loading import load_site_data
from macros.kvalitet.page_walk import PHONE_WIDTHS
from tests.conftest import build_site

pytestmark = pytest.mark.browser

WIDTHS = list(PHONE_WIDTHS)

GANTT = """
() => {
  const width = document.documentElement.clientWidth;
  const shown = el => el.getClientRects().length > 0;
  const boxes = sel => [...document.querySelectorAll(sel)].filter(shown).map(el => {
    const r = el.getBoundingClientRect();
    return [r.left, r.right, r.width];
  });
  return {
    width,
    wide: [...document.querySelectorAll('.gantt__rulle')].filter(shown).length,
    bars: boxes('.gantt-mobil rect.gantt__bjaelke'),
    milestones: boxes('.gantt-mobil rect.gantt__bjaelke--milepael').length,
    today: boxes('.gantt-mobil line.gantt__idag'),
    arrows: boxes('.gantt-mobil .gantt__pil'),
    names: [...document.querySelectorAll('.gantt-mobil__navn')].map(p => p.textContent),
  };
}
"""


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def phone(browser, request) -> Iterator[object]:
    context = browser.new_context(viewport={"width": request.param, "height": 740},
                                  locale="da-DK", is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_pages_fit_the_phone_with_words_whole_and_tables_as_cards(page_walk, site_pages, width):
    walk = page_walk(width)
    problems: list[str] = []
    tables = 0
    for url in walk.pages:
        visit, where = walk.visits[url], url or "(forside)"
        problems += [f"{where}: for bred: {e}" for e in visit.too_wide[:5]]
        problems += [f"{where}: ord brudt: {w!r}" for w in visit.broken_words[:5]]
        if visit.scroll[0] > visit.scroll[1]:
            problems.append(f"{where}: siden ruller sidelæns ({visit.scroll[0]} > "
                            f"{visit.scroll[1]})")
        for table in visit.tables:
            tables += 1
            if table["display"] in {"table", "inline-table", "inline-block"}:
                problems.append(f"{where}: {table['table']} vises som tabel, ikke som kort")
            if table["unlabelled"]:
                problems.append(f"{where}: {table['table']}: {table['unlabelled']} celler "
                                "uden etiket")
            for label, content, display in table["labels"]:
                if label not in content or display == "none":
                    problems.append(f"{where}: {table['table']}: etiketten {label!r} vises ikke "
                                    f"({content} {display})")
                    break
    with_tables = sum(1 for soup in site_pages.values() if soup.select_one(".md-content table"))
    assert tables >= with_tables > 0, tables
    assert not problems, f"{len(problems)} problemer:\n" + "\n".join(problems[:40])


def check_phone_gantt(page, url: str, site_pages) -> dict[str, object]:
    page.goto(url)
    chart = page.evaluate(GANTT)
    width = chart["width"]
    assert chart["wide"] == 0, "det brede diagram vises på telefonen"
    assert chart["bars"] and chart["milestones"]
    for left, right, size in chart["bars"] + chart["arrows"]:
        assert size > 0 and left >= -0.5 and right <= width + 0.5, (left, right, width)
    for left, right, _ in chart["today"]:  # a vertical line: no width of its own
        assert left >= 0 and right <= width, (left, right, width)
    assert all(size >= 3 for _, _, size in chart["bars"]), "en bjælke er for smal til at ses"
    return chart


def test_gantt_fits_the_phone_with_full_names(phone, served_site, site_pages):
    chart = check_phone_gantt(phone, served_site + "gantt/", site_pages)
    table = site_pages["gantt/"].select("table.gantt-tabel tbody th[scope=row]")
    titles = {" ".join(th.get_text(" ").split()) for th in table}
    assert set(chart["names"]) == titles  # every initiative, its whole name
    root = Path(__file__).resolve().parents[2]
    if any(p.period.is_open for t in load_site_data(root).tiltag.tiltag for p in t.perioder):
        assert chart["arrows"], "løbende tiltag mangler pilen"


@pytest.fixture(scope="module")
def mid_plan_site(tmp_path_factory) -> Iterator[str]:
    """The site built as on a day inside the plan, so the chart draws its 'today' line."""
    import functools
    import http.server
    import threading

    root = Path(__file__).resolve().parents[2]
    periods = [p.period for t in load_site_data(root).tiltag.tiltag for p in t.perioder]
    first = min(p.start for p in periods)
    day = first + (max(p.end or p.start for p in periods) - first) / 2  # mid-plan
    out = tmp_path_factory.mktemp("midt-i-planen") / "site"
    result = build_site(root, out, env_extra={"STRATEGI_DATO": day.isoformat()})
    assert result.returncode == 0, result.stderr[-2000:]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_gantt_today_line_lies_inside_the_phone_screen(phone, mid_plan_site, site_pages):
    chart = check_phone_gantt(phone, mid_plan_site + "gantt/", site_pages)
    rows = len(chart["names"])
    assert len(chart["today"]) == rows + 1, "i dag-linjen mangler i aksen eller en række"
    left, _, _ = chart["today"][0]
    assert 0 < left < chart["width"]


def test_status_counts_are_a_list_on_the_phone(phone, served_site):
    phone.goto(served_site + "status/")
    assert not phone.locator(".status-tabel").is_visible()
    items = phone.locator(".status-spor-liste li")
    assert items.count() >= 2 and items.first.is_visible()
    text = items.last.inner_text()
    assert text.startswith("I alt:") and "tiltag" in text


def test_initiative_filter_hides_cards_on_the_phone(phone, served_site):
    phone.goto(served_site + "tiltag/")
    cards = phone.locator("#tiltag-tabel tbody tr")
    total = cards.count()
    select = phone.locator(".filtre select[name=spor]")
    select.select_option(index=1)
    shown = [row for row in cards.all() if row.is_visible()]
    assert 0 < len(shown) < total
    assert phone.locator(".filtre__antal").inner_text().startswith(f"Viser {len(shown)} af")


def test_wide_screens_keep_the_tables_and_the_wide_gantt(browser_page, served_site):
    browser_page.goto(served_site + "status/")
    assert browser_page.locator(".status-tabel").is_visible()
    assert not browser_page.locator(".status-spor-liste").is_visible()
    assert browser_page.locator(".status-tabel").evaluate("t => getComputedStyle(t).display") \
        == "table"
    browser_page.goto(served_site + "gantt/")
    assert browser_page.locator(".gantt__rulle").is_visible()
    assert not browser_page.locator(".gantt-mobil").is_visible()
    browser_page.goto(served_site + "anbefalinger/")
    assert not browser_page.locator(".matrix__status").first.is_visible()

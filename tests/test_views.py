"""The plan views on small fixture data: ordering, open ends, overdue logic, status counts."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from macros.data.loading import SiteData, load_site_data
from macros.history.record import unavailable
from macros.views import gantt
from macros.views import viewmodels as views
from macros.views.context import BuildContext
from macros.views.rendering import Renderer
from tests.conftest import read_collection, write_collection

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2024, 3, 15)
NO_HISTORY = unavailable("ingen historik i testen")

# TEST DATA: three tracks and seven initiatives, citing where the strategy's approval stands.
TRACKS = """
spor:
  - {id: organisering, titel: Organisering, kilde: {kilde}}
  - {id: oekonomi-og-styring, titel: Økonomi og styring, kilde: {kilde}}
  - {id: kommunikation, titel: Kommunikation, kilde: {kilde}}
"""
FIXTURE = """
tiltag:
  - id: aar
    titel: Hele året
    spor: organisering
    perioder: [{tekst: "2024"}]
    kilde: {kilde}
  - id: uge
    titel: En uge
    spor: organisering
    perioder: [{tekst: uge 2 2024}]
    kilde: {kilde}
  - id: dag
    titel: En dag
    spor: organisering
    milepaele: [{dato: 1. januar 2024, titel: Start}]
    kilde: {kilde}
  - id: loebende
    titel: Løbende arbejde
    spor: oekonomi-og-styring
    perioder: [{tekst: løbende fra 2. halvår 2023}]
    kilde: {kilde}
  - id: forsinket
    titel: Bagud
    spor: oekonomi-og-styring
    perioder: [{tekst: 2. halvår 2023}]
    kilde: {kilde}
  - id: ikke-rapporteret
    titel: Uden status
    spor: oekonomi-og-styring
    perioder: [{tekst: efterår 2023}]
    kilde: {kilde}
  - id: kommende
    titel: Senere
    spor: kommunikation
    perioder: [{tekst: 1. halvår 2025}]
    kilde: {kilde}
"""
# TEST DATA: an invented status round (the only place a status lives).
ROUND = """
dato: 2024-02-01
tiltag:
  - {tiltag: uge, status: afsluttet, tekst: Færdig.}
  - {tiltag: loebende, status: løbende, tekst: Fast opgave.}
  - tiltag: forsinket
    status: forsinket
    tekst: Udskudt et halvt år.
    begrundelse: Ny lovgivning skal implementeres først.
  - {tiltag: kommende, status: planlagt, tekst: Ikke begyndt.}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    root = tmp_path_factory.mktemp("fixture")
    shutil.copytree(ROOT / "data", root / "data")
    approval = load_site_data(root).identity.godkendt.kilde
    cited = f"{{dokument: {approval.dokument}, sted: '{approval.sted}'}}"
    (root / "data" / "spor.yml").write_text(TRACKS.replace("{kilde}", cited), encoding="utf-8")
    write_collection(root, "tiltag",
                     yaml.safe_load(FIXTURE.replace("{kilde}", cited))["tiltag"])
    shutil.rmtree(root / "data" / "statusrunder", ignore_errors=True)
    (root / "data" / "statusrunder").mkdir()
    (root / "data" / "statusrunder" / "2024-02-01.yml").write_text(ROUND, encoding="utf-8")
    write_collection(root, "moeder", [{k: v for k, v in m.items() if k != "tiltag"}
                                      for m in read_collection(root, "moeder")])
    return load_site_data(root)


def test_timeline_orders_mixed_precision_by_resolved_start(site):
    items = [i for i in views.timeline_items(site, TODAY) if i.kind in ("Tiltag", "Milepæl")]
    titles = [i.title for i in items]
    # 2. halvår 2023 (1 Jul) < løbende fra 2. halvår 2023 (1 Jul, open end sorts last) <
    # efterår 2023 (1 Sep) < 1 Jan 2024 (day, then year by end) < uge 2 < 1. halvår 2025
    assert titles == ["Bagud", "Løbende arbejde", "Uden status", "En dag: Start", "Hele året",
                      "En uge", "Senere"]


def test_timeline_says_past_ongoing_and_upcoming_in_words(site):
    states = {i.title: i.state for i in views.timeline_items(site, TODAY)}
    assert states["Bagud"] == "overstået"
    assert states["Løbende arbejde"] == "i gang nu"
    assert states["Hele året"] == "i gang nu"
    assert states["Senere"] == "kommende"


def test_timeline_groups_by_half_year_of_start(site):
    items = [i for i in views.timeline_items(site, TODAY) if i.kind == "Tiltag"]
    groups = dict(views.group_by_half_year(items))
    assert [i.title for i in groups["2. halvår 2023"]] == ["Bagud", "Løbende arbejde",
                                                            "Uden status"]
    assert [i.title for i in groups["1. halvår 2025"]] == ["Senere"]


def test_resolved_label_next_to_written_form(site):
    item = next(i for i in views.timeline_items(site, TODAY) if i.title == "Bagud")
    assert (item.written, item.resolved) == ("2. halvår 2023", "juli–december 2023")
    open_item = next(i for i in views.timeline_items(site, TODAY) if i.title == "Løbende arbejde")
    assert open_item.resolved == "fra juli 2023 og frem"


@pytest.mark.parametrize(
    ("initiative", "today", "overdue"),
    [
        ("forsinket", TODAY, True),         # ended Dec 2023, reported late
        ("ikke-rapporteret", TODAY, True),  # ended Nov 2023, nothing reported
        ("uge", TODAY, False),              # finished
        ("loebende", TODAY, False),         # open-ended never overdue
        ("aar", TODAY, False),              # still running
        ("aar", dt.date(2025, 1, 1), True),
        ("kommende", TODAY, False),
    ],
)
def test_overdue_means_planned_end_passed_and_not_finished(site, initiative, today, overdue):
    assert views.is_overdue(site, site.initiative(initiative), today) is overdue


def test_status_counts_per_track_include_unreported(site):
    rows = {r.track.id: r for r in views.status_rows(site)}
    assert rows["oekonomi-og-styring"].counts == {
        "løbende": 1, "forsinket": 1, views.NO_STATUS: 1}
    assert rows["organisering"].counts == {"afsluttet": 1, views.NO_STATUS: 2}
    assert views.last_status_report(site) == dt.date(2024, 2, 1)


def test_gantt_draws_open_ended_to_the_edge_and_flags_fuzzy(site):
    chart = gantt.build_chart(site, TODAY, NO_HISTORY)
    bars = {r.initiative.id: r.bars[0] for r in chart.rows if r.initiative and r.bars}
    assert bars["loebende"].open_ended and bars["loebende"].x + bars["loebende"].width == \
        pytest.approx(chart.width - 10)
    assert bars["forsinket"].fuzzy and not bars["uge"].fuzzy
    assert chart.today_x is not None and bars["aar"].x < chart.today_x


def test_phone_gantt_places_bars_in_percent_of_the_axis(site):
    phone = gantt.phone_chart(gantt.build_chart(site, TODAY, NO_HISTORY))
    bars = {r.row.initiative.id: r.bars for r in phone.rows if r.row.initiative}
    # Axis: July 2023 (quarter of the first period) to December 2025, 30 months.
    assert [(t.x, t.label) for t in phone.ticks] == [
        (0.0, "jul."), (20.0, "2024"), (40.0, "jul."), (60.0, "2025"), (80.0, "jul.")]
    assert (bars["aar"][0].left, bars["aar"][0].width) == (20.0, 40.0)
    day = bars["dag"][0]  # a one-day milestone keeps a visible width
    assert (day.left, day.width, day.bar.milestone) == (20.0, gantt.PHONE_MIN_WIDTH, True)
    open_end = bars["loebende"][0]
    assert open_end.bar.open_ended and open_end.left + open_end.width == 100.0
    assert phone.today == pytest.approx((8 + 14 / 31) / 30 * 100, abs=0.01)
    assert all(b.left >= 0 and b.left + b.width <= 100 for bs in bars.values() for b in bs)


@pytest.mark.parametrize(("today", "shown"), [
    (dt.date(2023, 7, 1), True), (dt.date(2025, 12, 31), True),
    (dt.date(2023, 6, 30), False), (dt.date(2026, 1, 1), False)])
def test_phone_gantt_draws_today_only_inside_the_plan(site, today, shown):
    chart = gantt.build_chart(site, today, NO_HISTORY)
    assert (gantt.phone_chart(chart).today is not None) is shown


def test_initiative_page_shows_status_log_and_required_reason(site):
    from macros.views.pages import generated_pages

    build = BuildContext(site, TODAY)
    page = next(p for p in generated_pages(build) if p.src_uri == "tiltag/forsinket.md")
    shown, _ = build.stash.release(page.markdown)  # the page as it is after Markdown
    assert "Ny lovgivning skal implementeres først." in shown
    assert "1. februar 2024" in shown and "Udskudt et halvt år." in shown
    assert page.edit_path == "data/tiltag/forsinket.yml"  # its own file


def test_status_page_lists_overdue_with_planned_end(site):
    initiatives = list(site.tiltag.tiltag)
    html = Renderer(BuildContext(site, TODAY), "status/").render(
        "status_list.html", initiatives=initiatives,
        overdue=views.overdue(site, initiatives, TODAY))
    assert "planlagt slut 31. december 2023" in html
    assert 'href="../tiltag/forsinket/"' in html


def test_initiatives_are_grouped_by_track_in_plan_order(site):
    from macros.views.viewmodels import by_track

    tracks = [s.id for s in site.spor.spor]
    chosen = [t for t in reversed(site.tiltag.tiltag) if t.spor != tracks[0]]
    groups = by_track(site, chosen)
    assert [track.id for track, _ in groups] == [s for s in tracks[1:]
                                                 if any(t.spor == s for t in chosen)]
    assert sum(len(rows) for _, rows in groups) == len(chosen)


@pytest.mark.parametrize(("target", "page_url", "link"), [
    ("tiltag/x/", "plan/", "../tiltag/x/"),
    ("tiltag/x/", "tiltag/y/", "../x/"),
    ("tiltag/", "tiltag/x/", "../"),
    ("plan/#spor-1", "plan/", "./#spor-1"),
    ("#a", "plan/", "#a"),
    ("", "", ""),
    ("plan/", "", "plan/"),
    ("", "tiltag/x/", ""),
    ("data/tiltag.csv", "nyheder/2023/09/12/x/", "../../../../../data/tiltag.csv"),
    ("plan/", "404.html", "plan/"),
    ("a/../plan/", "tiltag/x/", "../../plan/"),
])
def test_links_between_pages_work_under_any_sub_path(target, page_url, link):
    from macros.views.rendering import relative_url

    assert relative_url(target, page_url) == link

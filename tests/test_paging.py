"""Overview pages stay small as the plan grows: large views split into numbered pages, every
initiative reachable on exactly one page, and pagers that stay small however many pages there
are."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.data.loading import SiteData, load_site_data
from macros.views import paging
from macros.views import viewmodels as views
from macros.views.context import BuildContext
from macros.views.pages import generated_pages
from macros.views.rendering import Renderer
from tests.conftest import read_collection, write_collection

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2024, 3, 15)
COUNT = 130
@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    root = tmp_path_factory.mktemp("stor")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.rmtree(root / "data" / "statusrunder", ignore_errors=True)  # on the copy's own
    copied = load_site_data(root)
    tracks = [s.id for s in copied.spor.spor]
    cited = copied.identity.godkendt.kilde.model_dump(exclude_none=True)
    initiatives = [  # TEST DATA: a plan of COUNT invented initiatives in the copy's tracks
        {"id": f"tiltag-{n}", "titel": f"Tiltag nummer {n}", "spor": tracks[n % len(tracks)],
         "perioder": [{"tekst": f"{n % 4 + 1}. kvartal {2023 + n % 3}"}], "kilde": cited}
        for n in range(COUNT)
    ]
    write_collection(root, "tiltag", initiatives)
    write_collection(root, "moeder", [{k: v for k, v in m.items() if k != "tiltag"}
                                      for m in read_collection(root, "moeder")])
    return load_site_data(root)


@pytest.mark.parametrize("key", ["plan", "tiltag", "gantt", "status"])
def test_every_initiative_is_on_exactly_one_page_of_each_view(big_site, key):
    view = paging.build_views(big_site, BuildContext(big_site, TODAY).history)[key]
    count = paging.page_count(view, big_site, TODAY)
    assert count > 1
    seen: list[str] = []
    for number in range(1, count + 1):
        url = view.base_url if number == 1 else f"{view.base_url}side-{number}/"
        html = paging.render_page(view, Renderer(BuildContext(big_site, TODAY), url), number)
        assert f"Side {number} af {count}" in html
        seen += re.findall(r'href="[./]*(?:tiltag/)?(tiltag-\d+)/"', html)
    assert sorted(set(seen)) == sorted(t.id for t in big_site.tiltag.tiltag)


def test_generated_pages_exist_for_pages_two_and_up(big_site):
    pages = {p.src_uri: p for p in generated_pages(BuildContext(big_site, TODAY))}
    sources = set(pages)
    # Later pages repeat the initiative pages' content, so search leaves them out.
    assert "search:\n  exclude: true" in pages["plan/side-2.md"].markdown
    plan = paging.build_views(big_site, BuildContext(big_site, TODAY).history)["plan"]
    count = paging.page_count(plan, big_site, TODAY)
    assert {f"plan/side-{n}.md" for n in range(2, count + 1)} <= sources
    assert f"plan/side-{count + 1}.md" not in sources
    assert "spor/organisering/side-2.md" not in sources  # 44 per track fit on one page


def test_pager_links_every_page_and_marks_the_current_one(big_site):
    view = paging.build_views(big_site, BuildContext(big_site, TODAY).history)["gantt"]
    html = paging.render_page(view, Renderer(BuildContext(big_site, TODAY), "gantt/side-2/"), 2)
    assert 'href="../" ' in html or 'href="../">' in html
    assert '<a href="./" aria-current="page">' in html
    assert 'href="../side-3/"' in html


def test_the_two_pagers_of_a_page_have_their_own_danish_labels(big_site):
    build = BuildContext(big_site, TODAY)
    view = paging.build_views(big_site, build.history)["aendringer"]
    pager = paging.Pager(view.base_url, 2, 3, (), view.title)
    renderer = Renderer(build, "aendringer/side-2/")
    html = paging.render_page(paging.build_views(big_site, build.history)["plan"],
                              Renderer(build, "plan/side-2/"), 2)
    labels = re.findall(r'<nav class="sidevalg" aria-label="([^"]+)"', html)
    assert labels == ["Sider i Tids- og procesplan, øverst", "Sider i Tids- og procesplan, nederst"]
    assert 'aria-label="Sider i Ændringer' in renderer.render("pager.html", pager=pager)


def test_the_pagers_of_built_pages_have_labels_of_their_own(site_pages):
    paged = 0
    for url, soup in site_pages.items():
        pagers = [nav["aria-label"] for nav in soup.select("nav.sidevalg")]
        others = [nav.get("aria-label") for nav in soup.find_all("nav")
                  if "sidevalg" not in (nav.get("class") or [])]
        assert len(pagers) == len(set(pagers)) and not set(pagers) & set(others), (url, pagers)
        paged += bool(pagers)
        for nav in soup.select("nav.sidevalg"):
            assert nav["aria-label"].startswith("Sider i "), url
            assert not re.search(r"aa|ae|oe|/", nav["aria-label"].removeprefix("Sider i ")), url
    assert paged, "no paged overview in the build"


@pytest.mark.parametrize(("number", "count", "shown"), [
    (1, 5, [1, 2, 3, 4, 5]),
    (1, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
    (1, 300, [1, 2, 3, None, 300]),
    (150, 300, [1, None, 148, 149, 150, 151, 152, None, 300]),
    (299, 300, [1, None, 297, 298, 299, 300]),
    (4, 300, [1, 2, 3, 4, 5, 6, None, 300]),
])
def test_long_pagers_link_first_last_and_neighbours(number, count, shown):
    assert paging.shown_page_numbers(number, count) == shown


def test_a_pager_does_not_grow_with_the_number_of_pages(big_site):
    view = paging.build_views(big_site, BuildContext(big_site, TODAY).history)["plan"]
    renderer = Renderer(BuildContext(big_site, TODAY), "plan/side-50/")
    few = [big_site.tiltag.tiltag[:1]] * 60
    many = [big_site.tiltag.tiltag[:1]] * 600
    html_few = renderer.render("pager.html", pager=paging.pager_for(view, few, 50))
    html_many = renderer.render("pager.html", pager=paging.pager_for(view, many, 50))
    assert len(html_many) - len(html_few) < 20  # only "af 600" is longer
    assert 'rel="prev"' in html_many and 'rel="next"' in html_many
    assert 'href="../side-51/"' in html_many and 'href="../side-600/"' in html_many


def test_small_plans_show_everything_on_one_page_without_pager():
    site = load_site_data(ROOT)
    for key, view in paging.build_views(site, BuildContext(site, TODAY).history).items():
        html = paging.render_page(view, Renderer(BuildContext(site, TODAY), view.base_url), 1)
        assert "Side 1 af" not in html, key


def test_meeting_links_point_at_the_page_the_meeting_is_on(big_site):
    meeting = big_site.moeder.moeder[-1].id
    assert views.meeting_url(meeting, big_site) == f"beslutninger/#{meeting}"


@pytest.mark.parametrize(
    ("weights", "size", "expected"),
    [([1, 1, 1, 1, 1], 2, [[1, 1], [1, 1], [1]]),
     ([3, 1, 1, 3], 4, [[3, 1], [1, 3]]),
     ([9, 1], 4, [[9], [1]]),  # an item heavier than a page still gets its own page
     ([], 4, [[]])],
)
def test_pages_are_filled_by_weight(weights, size, expected):
    assert [list(c) for c in paging.chunked(weights, size, lambda w: w)] == expected


@pytest.fixture(scope="module")
def answering_site(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    """TESTDATA: 130 fictional initiatives, each answering three of the recommendations, and
    more tracks than the status page lists one by one."""
    root = tmp_path_factory.mktemp("anbefalet")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.rmtree(root / "data" / "statusrunder", ignore_errors=True)  # about other initiatives
    site = load_site_data(ROOT)
    # Cited where the strategy's approval stands: a place any strategy's sources have.
    cite = site.identity.godkendt.kilde.model_dump(exclude_none=True)
    recommendations = [a.id for a in site.anbefalinger.anbefalinger]
    if not recommendations:  # TESTDATA: a strategy without recommendations gets invented ones
        recommendations = [f"testanbefaling-{n}" for n in range(30)]
        (root / "data" / "anbefalinger.yml").write_text(yaml.safe_dump({"anbefalinger": [
            {"id": r, "afsender": "Testdata", "titel": f"Testanbefaling {r.rsplit('-', 1)[1]}",
             "kilde": cite} for r in recommendations]}, allow_unicode=True), encoding="utf-8")
    spor = root / "data" / "spor.yml"
    tracks = [f"testspor-{n}" for n in range(views.STATUS_TRACK_ROWS + 1)]
    flow = yaml.safe_dump(cite, default_flow_style=True, allow_unicode=True).strip()
    spor.write_text(spor.read_text(encoding="utf-8").replace("spor:\n", "spor:\n" + "".join(
        f"  - id: {t}\n    titel: Testspor {t[9:]}\n    kilde: {flow}\n" for t in tracks), 1),
        encoding="utf-8")
    initiatives = [
        {"id": f"tiltag-{n}", "titel": f"Tiltag nummer {n}", "spor": tracks[n % len(tracks)],
         "perioder": [{"tekst": f"{n % 4 + 1}. kvartal {2023 + n % 3}"}],
         "anbefalinger": [recommendations[(n + k) % len(recommendations)] for k in range(3)],
         "kilde": cite}
        for n in range(COUNT)
    ]
    write_collection(root, "tiltag", initiatives)
    write_collection(root, "moeder", [{k: v for k, v in m.items() if k != "tiltag"}
                                      for m in read_collection(root, "moeder")])
    return load_site_data(root)


def test_every_recommendation_is_on_one_page_and_links_find_it(answering_site):
    build = BuildContext(answering_site, TODAY)
    view = paging.build_views(answering_site, build.history)["anbefalinger"]
    count = paging.page_count(view, answering_site, TODAY)
    assert count > 1
    found: dict[str, str] = {}
    for number in range(1, count + 1):
        url = paging.page_url(view.base_url, number)
        html = paging.render_page(view, Renderer(build, url), number)
        assert f"Side {number} af {count}" in html
        for rec in re.findall(r'<tr id="([^"]+)"', html):
            assert rec not in found, rec
            found[rec] = url
    assert set(found) == {a.id for a in answering_site.anbefalinger.anbefalinger}
    for rec, url in found.items():
        assert views.recommendation_url(rec, answering_site) == f"{url}#{rec}"


def test_a_page_of_recommendations_lists_at_most_its_weight(answering_site):
    rows = views.recommendation_rows(answering_site)
    for chunk in paging.chunked(rows, views.RECOMMENDATIONS_PAGE_WEIGHT,
                                views.recommendation_weight):
        assert len(chunk) == 1 or sum(map(views.recommendation_weight, chunk)) \
            <= views.RECOMMENDATIONS_PAGE_WEIGHT


def test_many_tracks_are_counted_at_their_heading_not_in_one_table(answering_site):
    from macros.views.macro_table import MACROS

    build = BuildContext(answering_site, TODAY)
    html, _ = build.stash.release(MACROS["statusoverblik"](Renderer(build, "status/")))
    tracks = len(answering_site.spor.spor)
    assert f"Planen har {tracks} udviklingsspor" in html
    assert html.count('<th scope="row">') == 1  # the totals only
    assert f"I alt: {COUNT} tiltag" in html
    view = paging.build_views(answering_site, build.history)["status"]
    seen: set[str] = set()
    for number in range(1, paging.page_count(view, answering_site, TODAY) + 1):
        page = paging.render_page(view, Renderer(build, paging.page_url("status/", number)),
                                  number)
        headings = re.findall(r'<h3 id="status-([^"]+)"[^>]*>', page)
        counts = re.findall(r'<p class="spor-status">Sporet har (\d+) tiltag', page)
        assert len(counts) == len(headings)
        seen |= set(headings)
    assert seen == {t.spor for t in answering_site.tiltag.tiltag}


def test_a_large_plans_status_page_and_recommendation_pages_are_built(rounds_site):
    """On the copy with fictional tracks and links (tests/fictional_scale.py): the status page
    shows the totals, and each recommendation is on one page of the matrix, where an
    initiative's link to it points."""
    from bs4 import BeautifulSoup

    status = BeautifulSoup((rounds_site / "status/index.html").read_text("utf-8"), "html.parser")
    tracks = len(load_site_data(rounds_site.parent / "projekt").spor.spor)
    assert f"Planen har {tracks} udviklingsspor" in status.get_text(" ")
    assert status.select("p.spor-status")
    pages = sorted((rounds_site / "anbefalinger").glob("**/index.html"))
    assert len(pages) > 1
    rows: dict[str, str] = {}
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert soup.select("nav.sidevalg"), path
        for row in soup.select("table.matrix tr[id]"):
            assert row["id"] not in rows
            rows[row["id"]] = path.parent.relative_to(rounds_site).as_posix()
    initiative = next((rounds_site / "tiltag").glob("*/index.html"))
    soup = BeautifulSoup(initiative.read_text("utf-8"), "html.parser")
    links = [a["href"] for a in soup.select('a[href*="anbefalinger/"][href*="#"]')]
    assert len(links) == len(rows)
    for href in links:
        target = (initiative.parent / href.split("#")[0]).resolve()
        assert rows[href.split("#")[1]] == target.relative_to(rounds_site.resolve()).as_posix()

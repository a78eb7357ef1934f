"""The strategy's data on its built pages, read as a citizen or employee would: every initiative
has its page with its source and is on every overview, the plan quotes timing as written, every
meeting shows its source and its date the Danish way, the glossary lists every term; and on a
phone, tables are cards whose cells carry their column's label, the Gantt chart is drawn whole.
What is expected comes from the strategy's data (data/)."""

from __future__ import annotations

import pytest

from macros.data.periods import format_date_da
from macros.views.rendering import relative_url
from macros.views.viewmodels import NO_STATUS, meeting_url

pytestmark = pytest.mark.content  # checks content can fail: strategi test

OVERVIEWS = ["tidslinje/", "gantt/", "status/", "plan/", "tiltag/"]  # `strategi new` writes them


def squash(text: str) -> str:
    return " ".join(text.split())


def text_of(site_pages, url: str) -> str:
    article = site_pages[url].find("article") or site_pages[url]
    return squash(article.get_text())


def links_of(site_pages, url: str) -> set[str]:
    return {a["href"] for a in site_pages[url].select("article a[href]")}


def test_every_initiative_has_its_own_page_with_source(site_pages, site_data):
    reported = {line.tiltag for r in site_data.statusrunder for line in r.tiltag}
    problems = []
    for initiative in site_data.tiltag.tiltag:
        url = f"tiltag/{initiative.id}/"
        if url not in site_pages:
            problems.append(f"{url} mangler")
            continue
        if site_pages[url].find("h1").get_text(strip=True) != initiative.titel:
            problems.append(f"{url}: overskriften er ikke {initiative.titel!r}")
        body = text_of(site_pages, url)
        source = f"kilder/{initiative.kilde.dokument}/"
        if "Kilde:" not in body or not any(source in href for href in links_of(site_pages, url)):
            problems.append(f"{url}: kilden ({source}) er ikke angivet")
        if initiative.id not in reported and NO_STATUS not in body.lower():
            problems.append(f"{url}: siger ikke «{NO_STATUS}»")
    assert site_data.tiltag.tiltag and not problems, "\n".join(problems)


@pytest.mark.parametrize("url", OVERVIEWS)
def test_every_initiative_appears_on_the_overview_pages(site_pages, site_data, url):
    links = links_of(site_pages, url)
    missing = [t.id for t in site_data.tiltag.tiltag
               if relative_url(f"tiltag/{t.id}/", url) not in links]
    assert not missing, f"{url} mangler {missing}"


def test_plan_page_quotes_timing_exactly_as_written(site_pages, site_data):
    body = text_of(site_pages, "plan/")
    for t in site_data.tiltag.tiltag:
        if t.tidspunkt:
            assert " ".join(t.tidspunkt.split()) in body, t.id


def test_every_meeting_shows_its_source_and_its_date_the_danish_way(site_pages, site_data):
    for meeting in site_data.moeder.moeder:
        page, _, anchor = meeting_url(meeting.id, site_data).partition("#")
        section = site_pages[page].find(id=anchor)
        assert section is not None, meeting.id
        assert "Kilde:" in section.get_text(" "), meeting.id
        if meeting.dato:
            body = text_of(site_pages, page)
            assert format_date_da(meeting.dato) in body, meeting.id
            assert meeting.dato.isoformat() not in body, meeting.id


def test_glossary_page_lists_every_term(site_pages, site_data):
    body = text_of(site_pages, "ordliste/")
    for term in site_data.ordliste.termer:
        assert term.term in body


def test_every_data_cell_is_labelled_with_its_column_header(site_pages, site_data):
    checked = 0
    problems = []
    for url, soup in site_pages.items():
        for table in soup.select("article table"):
            headers = [squash(th.get_text(" ")) for th in table.select("thead tr")[0].find_all(
                ["th", "td"])]
            for row in table.select("tbody tr"):
                for header, cell in zip(headers, row.find_all(["th", "td"]), strict=False):
                    if cell.name != "td" or int(cell.get("colspan", 1)) > 1:
                        continue
                    checked += 1
                    if cell.get("data-label") != header:
                        problems.append(f"{url}: {cell.get('data-label')!r} under {header!r}")
    assert checked >= len(site_data.tiltag.tiltag)  # at least the plan's rows
    assert not problems, "\n".join(problems[:20])


def test_phone_gantt_has_every_initiative_with_full_name_and_bars(site_pages):
    page = site_pages["gantt/"]
    phone = page.select_one("figure.gantt .gantt-mobil")
    assert phone is not None and phone.get("role") == "img" and phone.get("aria-label")
    names = [squash(p.get_text(" ")) for p in phone.select(".gantt-mobil__navn")]
    titles = [squash(th.get_text(" ")) for th in page.select(".gantt-tabel th[scope=row]")]
    assert names == list(dict.fromkeys(titles))  # each initiative once, in the table's order
    assert not any(name.endswith("…") for name in names)
    bars = phone.select("rect.gantt__bjaelke")
    plan_rows = "tr:not(.gantt-tabel__oprindelig):not(.gantt-tabel__forventet)"
    dated_rows = page.select(f".gantt-tabel tbody {plan_rows} td[data-label=Hvad]")
    assert len(bars) == len(dated_rows)
    for bar in bars:
        left, width = float(bar["x"].rstrip("%")), float(bar["width"].rstrip("%"))
        assert left >= 0 and left + width <= 100.001 and width > 0


def test_status_counts_per_track_are_also_a_list(site_pages):
    page = site_pages["status/"]
    items = [squash(li.get_text(" ")) for li in page.select("ul.status-spor-liste li")]
    rows = page.select("table.status-tabel tbody tr")
    assert len(items) == len(rows) + 1 and items[-1].startswith("I alt:")
    for item, row in zip(items, rows, strict=False):
        total = squash(row.find_all("td")[-1].get_text())
        assert f": {total} tiltag" in item


def test_tables_are_simple_tables_that_scope_alone_describes(site_pages):
    """Every table of the site is simple: each header cell says its scope, no cell names its
    headers (headers="…", which checkers read differently), and a row's header comes first in
    its row, so the scope of the headers reaches every cell – also on a phone, where the rows
    are drawn as cards."""
    tables = 0
    for url, soup in site_pages.items():
        for table in soup.select("article table"):
            tables += 1
            assert not table.select("[headers]"), url
            for th in table.select("thead th"):
                assert th.get("scope") == "col", (url, th)
            for row in table.select("tbody tr"):
                headers = row.find_all("th", recursive=False)
                assert all(th.get("scope") == "row" for th in headers), (url, row)
                if headers:
                    assert row.find(["th", "td"], recursive=False) is headers[0], (url, row)
    assert tables > 0


def test_the_plan_table_is_one_table_per_track(site_pages):
    """The Gantt page's table: one table per track, the track as its caption, so no header
    spans several levels."""
    page = site_pages["gantt/"]
    captions = [squash(c.get_text(" ")) for c in page.select("table.gantt-tabel > caption")]
    tracks = [squash(h.get_text(" ")) for h in page.select("figure.gantt .gantt-mobil__spor")]
    assert captions and captions == tracks
    for table in page.select("table.gantt-tabel"):
        assert len(table.find_all("tbody")) == 1 and not table.select("[colspan='5']")


def test_attachment_tables_lead_each_row_with_its_title(site_pages):
    """An attachment's title, quoted from the case file, is its row's header and comes first."""
    for soup in site_pages.values():
        for row in soup.select("table.bilag-tabel tbody tr"):
            first = row.find(["th", "td"])
            assert first.name == "th" and first.get("scope") == "row"
            assert first.has_attr("data-citat")


def test_dated_lists_are_not_numbered(site_pages):
    """A change or status list shows dates; numbers counting down beside them ("2. 1. december
    2026") read as part of the date."""
    lists = 0
    for url, soup in site_pages.items():
        assert not soup.select("ol[reversed], ol.aendringer, ol.statuslog"), url
        for item in soup.select("ul.aendringer > li, ul.statuslog > li"):
            assert item.find(["time", "strong"]), url
            lists += 1
    assert lists > 0

"""On a phone, tables are cards whose cells carry their column's label: every data cell of
every table on the built site has a data-label equal to its column header (templates and
Markdown alike), and the phone Gantt chart has every initiative, its full name and its bars."""

from __future__ import annotations

import markdown
import pytest

from macros.views.tablelabels import TableLabelsExtension

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_data_cell_is_labelled_with_its_column_header(site_pages):
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
    assert checked > 200
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(("source", "labels"), [
    ("| Fil | Indhold |\n| --- | --- |\n| a | b |\n| c | d |\n",
     [["Fil", "Indhold"], ["Fil", "Indhold"]]),
    ("| `id` felt | *Betydning* og <b>mere</b> |\n| --- | --- |\n| a | b |\n",
     [["id felt", "Betydning og mere"]]),
    ("| Kun én |\n| --- |\n| a |\n", [["Kun én"]]),
])
def test_markdown_tables_get_their_column_labels(source, labels):
    from bs4 import BeautifulSoup

    html = markdown.markdown(source, extensions=["tables", TableLabelsExtension()])
    table = BeautifulSoup(html, "html.parser")
    rows = table.select("tbody tr")
    assert [[td.get("data-label") for td in row.find_all("td")] for row in rows] == labels
    assert [th.get("scope") for th in table.select("thead th")] == ["col"] * len(labels[0])


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
    assert tables > 20, tables


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
    rows = [row for soup in site_pages.values()
            for row in soup.select("table.bilag-tabel tbody tr")]
    assert rows
    for row in rows:
        first = row.find(["th", "td"])
        assert first.name == "th" and first.get("scope") == "row" and first.has_attr("data-citat")


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

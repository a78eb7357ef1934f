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
    rows = BeautifulSoup(html, "html.parser").select("tbody tr")
    assert [[td.get("data-label") for td in row.find_all("td")] for row in rows] == labels


def test_phone_gantt_has_every_initiative_with_full_name_and_bars(site_pages):
    page = site_pages["gantt/"]
    phone = page.select_one("figure.gantt .gantt-mobil")
    assert phone is not None and phone.get("role") == "img" and phone.get("aria-label")
    names = [squash(p.get_text(" ")) for p in phone.select(".gantt-mobil__navn")]
    titles = [squash(th.get_text(" ")) for th in page.select(".gantt-tabel th[scope=row]")]
    assert names == list(dict.fromkeys(titles))  # each initiative once, in the table's order
    assert not any(name.endswith("…") for name in names)
    bars = phone.select("rect.gantt__bjaelke")
    dated_rows = page.select(".gantt-tabel tbody tr:not(.gantt-tabel__spor) td[data-label=Hvad]")
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


def _headers(td) -> list[str]:
    value = td.get("headers") or []  # BeautifulSoup splits this attribute into a list
    return value.split() if isinstance(value, str) else list(value)


def _header_ids(table) -> dict[str, str]:
    return {th["id"]: th.get("scope", "") for th in table.find_all("th") if th.get("id")}


def test_attachment_and_gantt_cells_name_their_row_and_column_headers(site_pages):
    """On a phone these tables are drawn as cards; each cell still names its headers."""
    checked = 0
    for url, soup in site_pages.items():
        for table in soup.select("table.bilag-tabel, table.gantt-tabel"):
            ids = _header_ids(table)
            for td in table.select("tbody td"):
                named = _headers(td)
                assert named and all(n in ids for n in named), (url, td)
                scopes = {ids[n] for n in named}
                assert {"col", "row"} <= scopes, (url, td, scopes)
                checked += 1
    assert checked > 50, checked


def test_each_gantt_track_heads_only_its_own_rows(site_pages):
    for url, soup in site_pages.items():
        for table in soup.select("table.gantt-tabel"):
            groups = table.find_all("tbody")
            assert len(groups) > 1, url
            for body in groups:
                heads = body.select('th[scope="rowgroup"]')
                assert len(heads) == 1 and body.find("tr").find("th") == heads[0], url
                for td in body.select("td"):
                    assert heads[0]["id"] in _headers(td), url


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

"""On a phone, tables are cards whose cells carry their column's label: Markdown tables get
their column labels (table-driven). That every cell of the built site is labelled, and the
phone Gantt chart drawn whole, is checked by macros/kvalitet/test_data_on_pages.py."""

from __future__ import annotations

import markdown
import pytest

from macros.views.tablelabels import TableLabelsExtension


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

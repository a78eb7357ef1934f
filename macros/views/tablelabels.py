"""Column labels on the cells of tables written in Markdown, for the phone layout.

A Python-Markdown extension (named in mkdocs.yml): every data cell of a Markdown table gets a
`data-label` with the text of its column header, the attribute the views' templates write on
their own tables, so site.css can show each cell's label when tables become cards on narrow
screens; every column header gets scope="col", as on the templates' tables, so each table is a
simple table that scope alone describes. Imports only `markdown`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# Python-Markdown's placeholders for stashed raw HTML and escaped characters (\x02...\x03).
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")


def header_labels(table: etree.Element) -> list[str]:
    """The text of each column header in the table's first header row."""
    row = table.find("thead/tr")
    if row is None:
        return []
    return [" ".join(_PLACEHOLDER.sub("", "".join(cell.itertext())).split()) for cell in row]


class CellLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            labels = header_labels(table)
            for header in table.iterfind("thead/tr/th"):
                header.attrib.setdefault("scope", "col")
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row, strict=False):
                    if cell.tag == "td" and label and "data-label" not in cell.attrib:
                        cell.set("data-label", label)


class TableLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (priority 20), so header text is final.
        md.treeprocessors.register(CellLabels(md), "tabel_etiketter", 15)


def makeExtension(**kwargs: Any) -> TableLabelsExtension:
    return TableLabelsExtension(**kwargs)

"""Parsing a case document's text into citable passages with stable anchors (the structures
are in macros/data/sourcetext.py).

A source text (data/kildetekster/<kilde-id>.txt) is read as the case system printed it: a title
line, maybe a case number line, sections under the headings that data/kilder.yml lists for it
('overskrifter'), and in them paragraphs, list items, the numbered points of an indstilling, the
points of a decision ("Ad 1"), the attachments, and the rows of a tab-separated table. Every
passage gets an anchor (its id on the source's page) and a Danish label that data cites in
`kilde.sted`, e.g. "Baggrund, afsnit 2", "Indstilling punkt 1", "Organisering, række 2".
Anchors depend only on the text and the heading list, so they stay put while the sources do.
Only the standard library; no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from macros.data.sourcetext import (
    TABLE_COLUMNS,
    Passage,
    Section,
    SourceText,
    label_key,
    normalize,
    slug,
)

__all__ = ["TABLE_COLUMNS", "Passage", "Section", "SourceText", "label_key", "normalize",
           "parse_source", "slug"]

# A paragraph the PDF or the scanner broke over a blank line continues when its last line does not
# end a sentence (these characters do).
_ENDS_PARAGRAPH = tuple(".!?:;)”\"")
_ITEM = re.compile(r"^-\s+(.*)$")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
_DECISION = re.compile(r"^Ad\.?\s*(\d+)\s*:?\s*(.*)$")
_ATTACHMENT = re.compile(r"^(\d+)\s*-\s*(Åben|Lukket)\s+(.*?)\s*\((\d+/\d{2})\)\s*\((\w)\)$")
_ATTACHMENT_NEXT = re.compile(r"^(\d{5,})\s*(.*)$")
_CASE_NUMBER = re.compile(r"^(\d{2}/\d+)\b")
_URL = re.compile(r"^https?://\S+$")


def _blocks(lines: Sequence[str], start: int, end: int) -> list[list[int]]:
    """Runs of non-blank lines (0-based indexes) between start and end."""
    out: list[list[int]] = []
    current: list[int] = []
    for i in range(start, end):
        if lines[i].strip():
            current.append(i)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def parse_source(source_id: str, text: str, headings: Iterable[str]) -> SourceText:
    lines = text.split("\n")
    problems: list[tuple[int, str]] = []
    wanted = [normalize(h) for h in headings]
    heading_at: dict[int, str] = {}
    for h in wanted:
        found = [i for i, line in enumerate(lines) if normalize(line) == h and i not in heading_at]
        if found:
            heading_at[found[0]] = h
        else:
            problems.append((1, f'overskriften "{h}" står ikke som en linje i kildeteksten'))
    non_blank = [i for i, line in enumerate(lines) if line.strip()]
    title = case_number = None
    body_start = 0
    if non_blank:
        i = non_blank[0]
        title = Passage("titel", "Titel", "titel", [i + 1], normalize(lines[i]))
        body_start = i + 1
        if len(non_blank) > 1 and _CASE_NUMBER.match(lines[non_blank[1]].strip()):
            j = non_blank[1]
            case_number = Passage("sagsnummer", "Sagsnummer", "sagsnummer", [j + 1],
                                  normalize(lines[j]))
            body_start = j + 1
    starts = sorted(i for i in heading_at if i >= body_start)
    bounds = [(body_start, None), *((i, heading_at[i]) for i in starts)]
    sections: list[Section] = []
    used: set[str] = {"titel", "sagsnummer"}
    for n, (begin, heading) in enumerate(bounds):
        end = bounds[n + 1][0] if n + 1 < len(bounds) else len(lines)
        if heading is None:
            label, anchor, first = "Indledning", _unique("indledning", used), begin
            head = None
        else:
            label = heading.rstrip(":")
            anchor = _unique(slug(label), used)
            head = Passage(anchor, label, "overskrift", [begin + 1], heading, anchor)
            first = begin + 1
        section = Section(anchor, label, head, used=used)
        tables = _fill(section, lines, first, end, used)
        if head is not None or section.passages:
            sections.append(section)
        sections.extend(tables)
    return SourceText(source_id, lines, title, case_number, sections, problems)


def _unique(anchor: str, used: set[str]) -> str:
    out, n = anchor, 2
    while out in used:
        out, n = f"{anchor}-{n}", n + 1
    used.add(out)
    return out


def _fill(section: Section, lines: Sequence[str], start: int, end: int,
          used: set[str]) -> list[Section]:
    """Fill the section's passages; a table in it becomes a section of its own, returned."""
    table_at = next((i for i in range(start, end) if "\t" in lines[i]
                     and not _ATTACHMENT.match(" ".join(lines[i].split()))), None)
    kind = section.label.split()[0].casefold() if section.heading else ""
    if kind == "bilag":
        _attachments(section, lines, start, end)
        return []
    _prose(section, lines, start, end if table_at is None else table_at, kind)
    return [] if table_at is None else [_table(lines, table_at, end, used)]


def _add(section: Section, kind: str, label: str, anchor: str, indexes: list[int], text: str,
         number: int | None = None) -> Passage:
    passage = Passage(_unique(anchor, section.used), label, kind, [i + 1 for i in indexes],
                      normalize(text), section.anchor, number)
    section.passages.append(passage)
    return passage


def _prose(section: Section, lines: Sequence[str], start: int, end: int, kind: str) -> None:
    blocks = _blocks(lines, start, end)
    paragraphs = items = 0
    open_point: Passage | None = None
    pending: list[int] = []  # a paragraph broken over a blank line, waiting for its end
    held_links: list[list[int]] = []
    prefix = f"{section.anchor}-"

    def flush() -> None:
        nonlocal paragraphs, pending
        if pending:
            paragraphs += 1
            _add(section, "afsnit", f"{section.label}, afsnit {paragraphs}",
                 f"{prefix}{paragraphs}", pending, " ".join(lines[i] for i in pending))
            pending = []
        for block in held_links:
            paragraphs += 1
            _add(section, "links", f"{section.label}, afsnit {paragraphs}",
                 f"{prefix}{paragraphs}", block, " ".join(lines[i] for i in block))
        held_links.clear()

    for block in blocks:
        stripped = [lines[i].strip() for i in block]
        if all(_URL.match(s) for s in stripped):
            held_links.append(block)  # page-footer links the scan put inside a paragraph
            continue
        if kind == "fraværende":
            flush()
            for i in block:
                items += 1
                _add(section, "fravaerende", f"{section.label}, punkt {items}", f"{prefix}p{items}",
                     [i], lines[i])
            continue
        rest: list[int] = []
        for i, s in zip(block, stripped, strict=True):
            point = (_NUMBERED.match(s) if kind == "indstilling" else
                     _DECISION.match(s) if kind == "beslutning" else None)
            item = _ITEM.match(s)
            if (point or item) and rest:
                pending.extend(rest)
                rest = []
            if point:
                flush()
                number = int(point.group(1))
                what = "indstilling" if kind == "indstilling" else "beslutning"
                label = f"{'Indstilling' if what == 'indstilling' else 'Beslutning'} punkt {number}"
                open_point = _add(section, what, label, f"{what}-punkt-{number}", [i],
                                  point.group(2), number)
            elif item:
                flush()
                open_point = None
                items += 1
                _add(section, "punkt", f"{section.label}, punkt {items}", f"{prefix}p{items}", [i],
                     item.group(1))
            elif open_point is not None and not rest:
                open_point.lines.append(i + 1)
                open_point.text = normalize(f"{open_point.text} {s}")
            else:
                open_point = None
                rest.append(i)
        if rest:
            pending.extend(rest)
            if lines[rest[-1]].rstrip().endswith(_ENDS_PARAGRAPH):
                flush()
    flush()


def _attachments(section: Section, lines: Sequence[str], start: int, end: int) -> None:
    current: Passage | None = None
    for i in range(start, end):
        s = " ".join(lines[i].split())
        if not s:
            continue
        entry = _ATTACHMENT.match(s)
        if entry:
            number = int(entry.group(1))
            current = _add(section, "bilag", f"Bilag {number}", f"bilag-{number}", [i], s, number)
            current.fields = {"titel": entry.group(3), "journalnr": entry.group(4),
                              "adgang": entry.group(2)}
            continue
        follow = _ATTACHMENT_NEXT.match(s)
        if current is not None and follow and "dokumentnr" not in current.fields:
            current.fields["dokumentnr"] = follow.group(1)
            if follow.group(2):
                current.fields["titel"] = normalize(f"{current.fields['titel']} {follow.group(2)}")
            current.lines.append(i + 1)
            current.text = normalize(f"{current.text} {s}")


def _table(lines: Sequence[str], start: int, end: int, used: set[str]) -> Section:
    """Rows of a tab-separated table extracted from a PDF (see the README of the sources)."""
    width = max(len(lines[i].split("\t")) for i in range(start, end) if "\t" in lines[i])
    rows: list[tuple[list[int], list[list[str]]]] = []
    for i in range(start, end):
        if "\t" not in lines[i] or not lines[i].replace("\t", "").strip("- "):
            continue
        cells = [c.strip() for c in lines[i].split("\t")]
        cells += [""] * (width - len(cells))
        if rows and not cells[0] and not cells[1]:
            rows[-1][0].append(i)
            rows[-1][1].append(cells)  # a cell wrapped onto the next line
        else:
            rows.append(([i], [cells]))
    table = Section(_unique("tabellen", used), "Tabellen", None, used=used)
    if not rows:
        return table
    header_lines, header_cells = rows[0]
    header = [normalize(" ".join(c[k] for c in header_cells)) for k in range(width)]
    table_head = _add(table, "tabelhoved", "Tabellens overskrifter", "tabellens-overskrifter",
                      header_lines, " ".join(header))
    table_head.cells = header_cells
    track, number = "", 0
    for indexes, cells in rows[1:]:
        first = cells[0]
        shifted = bool(first[0]) and not first[-1]  # a row continuing the track, moved one left
        if first[0] and not shifted:
            track, number = first[0], 0
        number += 1
        columns = tuple(normalize(" ".join(c[k] for c in cells))
                        for k in (range(0, width - 1) if shifted else range(1, width)))
        text = " ".join(" ".join(c) for c in cells)
        label = f"{track}, række {number}"
        row = _add(table, "raekke", label, f"{slug(track, 30)}-raekke-{number}", indexes, text,
                   number)
        row.cells, row.columns, row.track = cells, columns, track
    return table

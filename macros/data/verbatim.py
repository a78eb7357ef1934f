"""Fields the site presents as the source's own words, compared with the source.

What counts as written in a source: an initiative's beskrivelse, tidspunkt, ansvarlig and
bemaerkning (the cells of its row in the plan's table), a meeting's case number, the points of
its indstilling and beslutning and its attachments' titles and numbers, a phase's
periode_som_skrevet, a quoted recommendation, a track's and an analysis track's title, and a
source's own title and case number. Texts are compared with white space collapsed, nothing else.

A table row is checked column by column: each field must stand in one cell, the fields in the
plan's column order (Tiltag, Iværksættelse af tiltag, Centralt eller decentralt niveau), and
together they must give each cell whole (a cell split over several fields matches part by part;
the word "centralt"/"decentralt" may be left to 'niveau'). So a changed word, a dropped sentence
and two swapped columns are all caught. A mismatch names the nearest passage in the source.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from macros.data import model
from macros.data.problems import Problem
from macros.data.sources import TABLE_COLUMNS, Passage, Section, SourceText, normalize
from macros.data.yamlsource import Loc, Locatable, problem_at

ROW_FIELDS = ("beskrivelse", "tidspunkt", "ansvarlig", "bemaerkning")
_COLUMN_OF = {"beskrivelse": 0, "tidspunkt": 1, "ansvarlig": 2}
_EXACT = "kun mellemrum og linjeskift må afvige"


def nearest(text: str, candidates: Iterable[str]) -> str:
    """The stretch of the candidates most like text (difflib), about as long as text."""
    needle = normalize(text)
    width = len(needle.split())
    candidates = [c for c in candidates if c]
    whole = [(difflib.SequenceMatcher(None, needle, c, autojunk=False).ratio(), c)
             for c in candidates]
    if whole and max(whole)[0] >= 0.6:  # a cell or passage changed as a whole: show all of it
        return max(whole)[1]
    best, best_score = "", -1.0
    for candidate in candidates:
        words = candidate.split()
        for size in {max(1, width - 2), width, width + 2}:
            for start in range(max(1, len(words) - size + 1)):
                window = " ".join(words[start:start + size])
                matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
                if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                    continue
                score = matcher.ratio()
                if score > best_score:
                    best, best_score = window, score
    return best


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class _Checker:
    doc: Locatable
    problems: list[Problem]

    def add(self, loc: Loc, message: str) -> None:
        self.problems.append(problem_at(self.doc, loc, message))

    def mismatch(self, loc: Loc, value: str, where: str, candidates: Iterable[str]) -> None:
        self.add(loc, f"teksten gengiver ikke kilden ord for ord: «{_short(normalize(value))}» "
                      f"står ikke i {where} – nærmeste tekst i kilden: "
                      f"«{_short(nearest(value, candidates), 240)}». Ret teksten, så den er præcis "
                      f"som i kilden ({_EXACT})")


def _cited(source: SourceText, ref: model.Kildehenvisning) -> list[Passage | Section]:
    places = source.resolve_places(ref.sted or "") or []
    return [e for anchor, _ in places if (e := source.element(anchor)) is not None]


def _where(source_id: str, cited: list[Passage | Section]) -> str:
    labels = " og ".join(f"«{c.label}»" for c in cited) or "dokumentet"
    return f"kilden {source_id}, {labels}"


def _all_texts(source: SourceText) -> list[str]:
    out = [p.text for p in source.passages if p.kind != "raekke"]
    for p in source.passages:
        out.extend(p.columns)
    return out


def check_verbatim(loaded: dict[str, Any], docs: dict[str, Locatable],
                   texts: dict[str, SourceText]) -> list[Problem]:
    problems: list[Problem] = []
    for i, t in enumerate(loaded["tiltag"].tiltag):
        source = texts.get(t.kilde.dokument)
        if source:
            _initiative(_Checker(docs["tiltag"], problems), ("tiltag", i), t, source)
    for i, m in enumerate(loaded["moeder"].moeder):
        source = texts.get(m.kilde.dokument)
        if source:
            _meeting(_Checker(docs["moeder"], problems), ("moeder", i), m, source)
    for name, collection, attr, only in (("faser", "faser", "periode_som_skrevet", ""),
                                         ("anbefalinger", "anbefalinger", "tekst", "citat")):
        checker = _Checker(docs[name], problems)
        for i, item in enumerate(getattr(loaded[name], collection)):
            value = getattr(item, attr)
            source = texts.get(item.kilde.dokument)
            if not value or not source or (only and not getattr(item, only)):
                continue
            cited = _cited(source, item.kilde)
            if not _found(value, cited, source):
                checker.mismatch((collection, i, attr), value, _where(source.source_id, cited),
                                 [c.text for c in cited] or [source.text])
    _tracks(_Checker(docs["spor"], problems), loaded["spor"], texts)
    _sources(_Checker(docs["kilder"], problems), loaded["kilder"], texts)
    return problems


def _found(value: str, cited: list[Passage | Section], source: SourceText) -> bool:
    """In a cited passage; when the place itself is unknown (reported apart), anywhere."""
    texts = [c.text for c in cited] if cited else [*_all_texts(source), source.text]
    return any(normalize(value) in text for text in texts)


def _initiative(check: _Checker, loc: Loc, t: model.Tiltag, source: SourceText) -> None:
    cited = _cited(source, t.kilde)
    rows = [c for c in cited if isinstance(c, Passage) and c.kind == "raekke"]
    if rows:
        _row(check, loc, t, rows[0], source)
        return
    for name in ROW_FIELDS:
        value = getattr(t, name)
        if value and not _found(value, cited, source):
            check.mismatch((*loc, name), value, _where(source.source_id, cited),
                           [c.text for c in cited] or _all_texts(source))


def _occurrences(value: str, column: str) -> list[tuple[int, int]]:
    out, start = [], column.find(value)
    while start >= 0 and value:
        out.append((start, start + len(value)))
        start = column.find(value, start + 1)
    return out


def _row(check: _Checker, loc: Loc, t: model.Tiltag, row: Passage, source: SourceText) -> None:
    columns = row.columns
    taken: dict[int, list[tuple[int, int, str]]] = {k: [] for k in range(len(columns))}
    chosen: dict[str, int] = {}
    where = _where(source.source_id, [row])
    lost = False
    for name in ROW_FIELDS:
        raw = getattr(t, name)
        if not raw:
            continue
        value = normalize(raw)
        found = [(k, a, b) for k, column in enumerate(columns) for a, b in
                 _occurrences(value, column)
                 if not any(a < y and x < b for x, y, _ in taken[k])]
        if not found:
            check.mismatch((*loc, name), raw, where, columns)
            lost = True
            continue
        fitting = [f for f in found if _in_order(name, f[0], chosen)]
        k, a, b = (fitting or found)[0]
        if not fitting:
            expected = TABLE_COLUMNS[_COLUMN_OF[name]] if name in _COLUMN_OF else ""
            check.add((*loc, name), f"teksten står i planens kolonne «{TABLE_COLUMNS[k]}», men "
                                    f"hører til kolonnen «{expected}» – er to felter byttet om? "
                                    f"Se {where}: «{_short(columns[_COLUMN_OF[name]])}»")
        chosen[name] = k
        taken[k].append((a, b, name))
    for k, column in enumerate(columns):
        rest = column
        for a, b, _ in sorted(taken[k], reverse=True):
            rest = rest[:a] + " " + rest[b:]
        words = rest.split()
        if t.niveau and words and words[0].casefold() == t.niveau:
            words = words[1:]  # "Decentralt De tre berørte aftaleområder": niveau + ansvarlig
        if not words or (lost and not taken[k]):
            continue  # a column whose field is changed: that field's mismatch says it all
        missing = " ".join(words)
        if taken[k]:
            name = max(taken[k])[2] if column.rstrip().endswith(missing) else min(taken[k])[2]
            check.add((*loc, name), f"teksten gengiver kun en del af cellen i kolonnen "
                                    f"«{TABLE_COLUMNS[k]}»: «{_short(missing)}» mangler ({where}: "
                                    f"«{_short(column)}») – skriv hele cellen, eller del den i "
                                    "flere felter")
        else:
            name = next(n for n, c in _COLUMN_OF.items() if c == k)
            check.add((*loc, name), f"kolonnen «{TABLE_COLUMNS[k]}» i {where} er ikke gengivet: "
                                    f"«{_short(column)}» – skriv den i feltet '{name}' (eller i "
                                    "'bemaerkning'), præcis som i kilden")


def _in_order(name: str, column: int, chosen: dict[str, int]) -> bool:
    if name == "bemaerkning":
        return True
    order = ("beskrivelse", "tidspunkt", "ansvarlig")
    for other, k in chosen.items():
        if other not in order or other == name:
            continue
        before = order.index(other) < order.index(name)
        strict = {other, name} != {"tidspunkt", "ansvarlig"}
        if before and (k > column or (strict and k == column)):
            return False
        if not before and (k < column or (strict and k == column)):
            return False
    return True


def _meeting(check: _Checker, loc: Loc, m: model.Moede, source: SourceText) -> None:
    sid = source.source_id
    if m.sag and source.case_number and m.sag != source.case_number.text.split()[0]:
        check.add((*loc, "sag"), f'sagsnummeret "{m.sag}" er ikke kildens '
                                 f'(«{source.case_number.text}» i kilden {sid})')
    for part in ("indstilling", "beslutning"):
        points = source.by_kind(part)
        for j, point in enumerate(getattr(m, part)):
            passage = points.get(point.nr)
            here = (*loc, part, j)
            if passage is None:
                check.add((*here, "nr"), f"kilden {sid} har intet {part}spunkt {point.nr} – ret "
                                         "nummeret, eller skriv punktet under det rigtige møde")
                continue
            written = normalize(f"{point.tekst} {point.bemaerkning or ''}")
            if written == passage.text:
                continue
            on_text = not passage.text.startswith(normalize(point.tekst))
            name = "tekst" if on_text or not point.bemaerkning else "bemaerkning"
            value = point.tekst if name == "tekst" else point.bemaerkning or ""
            check.mismatch((*here, name), value, _where(sid, [passage]), [passage.text])
    attachments = source.by_kind("bilag")
    for j, b in enumerate(m.bilag):
        passage = attachments.get(b.nr)
        if passage is None:
            check.add((*loc, "bilag", j, "nr"), f"kilden {sid} har intet bilag {b.nr}")
            continue
        for name in ("titel", "journalnr", "dokumentnr"):
            value, want = getattr(b, name), passage.fields.get(name)
            if value is not None and normalize(value) != want:
                check.add((*loc, "bilag", j, name),
                          f"«{_short(normalize(value))}» er ikke som i kilden: {sid}, "
                          f"«{passage.label}» har «{want}» – skriv det præcis som i kilden")


def _tracks(check: _Checker, spor: model.SporFil, texts: dict[str, SourceText]) -> None:
    for collection, items in (("spor", spor.spor), ("analyseforloeb", spor.analyseforloeb)):
        for i, item in enumerate(items):
            source = texts.get(item.kilde.dokument)
            if source is None:
                continue
            cited = [c for c in _cited(source, item.kilde) if isinstance(c, Passage)
                     and c.kind in ("raekke", "punkt")]
            if not cited:
                continue
            passage = cited[0]
            want = passage.track if passage.kind == "raekke" else passage.text
            if normalize(item.titel) != want:
                check.add((collection, i, "titel"),
                          f"«{_short(normalize(item.titel))}» er ikke som i kilden: "
                          f"{_where(source.source_id, [passage])} har «{_short(want)}»")


def _sources(check: _Checker, kilder: model.KildeFil, texts: dict[str, SourceText]) -> None:
    for i, k in enumerate(kilder.kilder):
        source = texts.get(k.id)
        if source is None:
            continue
        if source.title and normalize(k.titel) != source.title.text:
            check.add(("kilder", i, "titel"), f"titlen er ikke som i kilden: «{source.title.text}»")
        if k.sag and source.case_number and k.sag != source.case_number.text.split()[0]:
            check.add(("kilder", i, "sag"), f"sagsnummeret er ikke som i kilden: "
                                            f"«{source.case_number.text}»")

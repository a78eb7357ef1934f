"""A case document's text as citable passages: the data structures and how a cited place
(`kilde.sted`) is resolved to a passage's anchor. macros/data/sources.py builds them from the
text. Only the standard library; no MkDocs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

_PLACES_SPLIT = re.compile(r",\s+|\s+og\s+")
TABLE_COLUMNS = ("Tiltag", "Iværksættelse af tiltag", "Centralt eller decentralt niveau")

def normalize(text: str) -> str:
    """Whitespace collapsed: the form in which data and sources are compared."""
    return " ".join(text.split())


def slug(text: str, limit: int = 40) -> str:
    """An anchor from a heading: ASCII, words joined by '-', cut at a word within limit."""
    lowered = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    out = ""
    for word in re.findall(r"[a-z0-9]+", lowered):
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or "afsnit"


def label_key(text: str) -> str:
    """How a cited place is matched to a passage label: case, spaces and a final ':' ignored."""
    return normalize(text).rstrip(":.").casefold()


@dataclass
class Passage:
    anchor: str
    label: str
    kind: str  # titel, sagsnummer, overskrift, afsnit, punkt, indstilling, beslutning, bilag,
    #            fravaerende, links, tabelhoved, raekke
    lines: list[int]  # 1-based line numbers in the text file
    text: str  # normalized
    section: str = ""  # anchor of the section it is in
    number: int | None = None
    cells: list[list[str]] = field(default_factory=list)  # table rows: the raw columns per line
    columns: tuple[str, ...] = ()  # table rows: Tiltag, Iværksættelse, Niveau (shift undone)
    track: str = ""  # table rows: the development track
    fields: dict[str, str] = field(default_factory=dict)  # attachments: titel, journalnr, …


@dataclass
class Section:
    anchor: str
    label: str
    heading: Passage | None
    passages: list[Passage] = field(default_factory=list)
    used: set[str] = field(default_factory=set, repr=False)  # anchors taken in the document

    @property
    def text(self) -> str:
        parts = [self.heading.text] if self.heading else []
        return normalize(" ".join([*parts, *(p.text for p in self.passages)]))


@dataclass
class SourceText:
    source_id: str
    lines: list[str]
    title: Passage | None
    case_number: Passage | None
    sections: list[Section]
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, Danish message)

    @property
    def passages(self) -> list[Passage]:
        out = [p for p in (self.title, self.case_number) if p]
        for s in self.sections:
            out.extend([s.heading] if s.heading else [])
            out.extend(s.passages)
        return out

    @property
    def text(self) -> str:
        return normalize("\n".join(self.lines))

    @functools.cached_property
    def _labels(self) -> dict[str, tuple[str, str]]:
        return self.labels()

    def labels(self) -> dict[str, tuple[str, str]]:
        """label key -> (anchor, label): every place a citation may name.

        Besides each passage's own label and anchor: a heading's text before its first ': ' or
        without a final parenthesis ("Marts – september 2023", "Del 3"), "Beslutning" for the
        decision's heading, and a table track's name or "Sporet <name>" for its first row."""
        out: dict[str, tuple[str, str]] = {}

        def add(name: str, anchor: str, label: str) -> None:
            out.setdefault(label_key(name), (anchor, label))

        for p in self.passages:
            add(p.label, p.anchor, p.label)
        for s in self.sections:
            add(s.label, s.anchor, s.label)
        for s in self.sections:
            for name in _short_names(s.label):
                add(name, s.anchor, s.label)
                for p in s.passages:
                    if p.label.startswith(f"{s.label},"):
                        add(name + p.label[len(s.label):], p.anchor, p.label)
        for track, first in self.tracks().items():
            add(track, first.anchor, first.label)
            add(f"Sporet {track}", first.anchor, first.label)
        for p in self.passages:
            add(p.anchor, p.anchor, p.label)
        for s in self.sections:
            add(s.anchor, s.anchor, s.label)
        return out

    def tracks(self) -> dict[str, Passage]:
        """Each track of the table and its first row."""
        out: dict[str, Passage] = {}
        for p in self.passages:
            if p.kind == "raekke" and p.track not in out:
                out[p.track] = p
        return out

    def resolve(self, place: str) -> tuple[str, str] | None:
        """(anchor, label) of a cited place, or None."""
        return self._labels.get(label_key(place))

    def resolve_places(self, place: str) -> list[tuple[str, str]] | None:
        """The passages a `sted` names, as (anchor, label): one place, or several joined by
        ', ' or ' og ' ("Indstilling punkt 2 og Bilag 1"); None when a part names no passage."""
        whole = self.resolve(place)
        if whole:
            return [whole]
        for cut in _PLACES_SPLIT.finditer(place):
            head = self.resolve(place[: cut.start()])
            rest = self.resolve_places(place[cut.end():]) if head else None
            if head and rest:
                return [head, *rest]
        return None

    def raw(self, passage: Passage) -> str:
        """The passage's lines as the source prints them, white space collapsed."""
        return normalize(" ".join(self.lines[n - 1] for n in passage.lines))

    def element(self, anchor: str) -> Passage | Section | None:
        for s in self.sections:
            if s.anchor == anchor:
                return s
        return next((p for p in self.passages if p.anchor == anchor), None)

    def by_kind(self, kind: str) -> dict[int, Passage]:
        return {p.number: p for p in self.passages if p.kind == kind and p.number is not None}


def _short_names(label: str) -> list[str]:
    names = []
    if ": " in label:
        names.append(label.split(": ")[0])
    bare = re.sub(r"\s*\([^)]*\)$", "", label)
    if bare != label:
        names.append(bare)
    if label.startswith("Beslutning "):
        names.append("Beslutning")
    return names

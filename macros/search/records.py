"""Pagefind records from the documents Material's search parser makes of the site's pages.

Each page, shaped by documents.py, becomes one small HTML record for
Pagefind: the page's title as <h1>, each section as <h2 id=anchor> (Pagefind's sub-results),
every word followed by its twins (analysis.py), every date or period by its tokens (dates.py).
Glossary entries are records of their own (`/ordliste/#<id>`). A page can rank lower as a whole
(`weight` < 1, front matter `soeg_vaegt`): every element of its record carries Pagefind's weight
times that factor.
Pure functions, no MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from macros.runtime import cancel
from macros.search import analysis, dates
from macros.search.documents import plain_text
from macros.search.pruning import page_key
from macros.search.synonyms import Synonyms, folds_simply

# Pagefind's own weights for headings and text; a page's factor scales them all.
TITLE_WEIGHT, SECTION_WEIGHT, TEXT_WEIGHT = 7.0, 6.0, 1.0
# Glossary entries and initiative pages are where a term or an initiative is explained; the
# overview pages only mention them.
GLOSSARY_WEIGHT = 1.0
INITIATIVE_PAGE = re.compile(r"^tiltag/[^/#]+/$")
INITIATIVE_WEIGHT = 1.2
_TAG_OR_TEXT = re.compile(r"(<[^>]+>)")


@dataclass(frozen=True)
class Record:
    url: str  # relative to the site root, "tiltag/x/" or "ordliste/#vpu"
    html: str


def vocabulary(docs: Sequence[dict[str, Any]], groups: Sequence[Synonyms]) -> analysis.Vocabulary:
    texts = [plain_text(d["title"]) + " " + plain_text(d["text"]) for d in docs]
    return analysis.Vocabulary([*texts, *(" ".join(g.spellings) for g in groups)])


def records(docs: Sequence[dict[str, Any]], groups: Sequence[Synonyms],
            weights: Mapping[str, float] | None = None) -> list[Record]:
    """One record per page (and per glossary entry), in the documents' order."""
    weights = weights or {}
    words = vocabulary(docs, groups)
    by_page: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        by_page.setdefault(page_key(doc["location"]), []).append(doc)
    out = []
    for key, members in by_page.items():
        cancel.checkpoint()
        factor = weights.get(key.split("#")[0], 1.0)
        if "#" in key:
            factor *= GLOSSARY_WEIGHT
        elif INITIATIVE_PAGE.match(key):
            factor *= INITIATIVE_WEIGHT
        out.append(Record(key, record_html(key, members, groups, words, factor)))
    return out


def record_html(key: str, members: list[dict[str, Any]], groups: Sequence[Synonyms],
                words: analysis.Vocabulary, factor: float = 1.0) -> str:
    main = next((d for d in members if d["location"] == key), None)
    title = plain_text(main["title"] if main else members[0]["title"])
    parts = [f'<h1 data-pagefind-weight="{_w(TITLE_WEIGHT, factor)}">'
             f'{_annotated(html.escape(title), groups, words)}</h1>']
    for doc in members:
        anchor = doc["location"].partition("#")[2] if "#" not in key else ""
        if anchor:
            parts.append(f'<h2 id="{html.escape(anchor)}" '
                         f'data-pagefind-weight="{_w(SECTION_WEIGHT, factor)}">'
                         f'{_annotated(doc["title"], groups, words)}</h2>')
        parts.append(f'<div data-pagefind-weight="{_w(TEXT_WEIGHT, factor)}">'
                     f'{_annotated(doc["text"], groups, words)}</div>')
    return ('<!doctype html><html lang="da"><head><meta charset="utf-8">'
            f'<meta data-pagefind-meta="url[content]" content="{html.escape(key or "./")}">'
            f'<meta data-pagefind-meta="title[content]" content="{html.escape(title)}"></head>'
            f'<body data-pagefind-body>{"".join(parts)}</body></html>')


def _w(weight: float, factor: float) -> str:
    return f"{min(10.0, weight * factor):.2f}"


def _annotated(markup: str, groups: Sequence[Synonyms], words: analysis.Vocabulary) -> str:
    """The HTML with twins after each word of its text, glossary synonyms after each mention
    of an entry and date tokens after each date or period (tags left as they are)."""
    out = []
    for piece in _TAG_OR_TEXT.split(markup):
        if not piece or piece.startswith("<"):
            out.append(piece)
            continue
        text = html.unescape(piece)
        text = dates.with_twins(_with_synonyms(text, groups))
        out.append(html.escape(analysis.with_twins(text, words), quote=False))
    return "".join(out)


def _with_synonyms(text: str, groups: Sequence[Synonyms]) -> str:
    lowered, simple = text.lower(), folds_simply(text)
    for group in groups:
        if not group.mentioned_in(text, lowered if simple else None):
            continue

        def add(match: re.Match[str], group: Synonyms = group) -> str:
            said = {w.lower() for w in analysis.words(match.group(0))}
            other = [w for w in group.words() if w.lower() not in said]
            return match.group(0) + (" " + analysis.twin_words(other) if other else "")
        text = group.pattern().sub(add, text)
    return text

"""Material's search documents shaped for the Pagefind records (records.py).

Material's parser splits each page into its sections (dicts with location, title, HTML text).
Here they lose what has a page of its own (pruning.py), and the glossary's entries become
documents of their own (`ordliste/#<id>`), taking their text from the glossary page's document,
so a search for a term lists the entry, not the whole glossary. Pure functions, no MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence
from typing import Any

from macros.search.pruning import GLOSSARY_PAGE, drop_repeated_sections, summary_only
from macros.search.synonyms import Synonyms

_TAG = re.compile(r"<[^>]+>")


def plain_text(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup))


def page_docs(index_docs: list[dict[str, Any]], groups: Sequence[Synonyms],
              summary_pages: Collection[str] = (),
              track_ids: Collection[str] = ()) -> list[dict[str, Any]]:
    """Material's documents without what has a page of its own, and with one document per
    glossary entry."""
    docs = [dict(doc) for doc in summary_only(index_docs, summary_pages, track_ids)]
    pages = [i for i, d in enumerate(docs) if d["location"] == GLOSSARY_PAGE]
    if pages:
        ordered = sorted(groups, key=lambda g: g.term.lower())  # the page's order
        entries = glossary_docs(ordered)
        split_glossary_page(docs[pages[0]], entries, ordered)
        docs.extend(entries)
    return drop_repeated_sections(docs)


def glossary_docs(groups: Sequence[Synonyms]) -> list[dict[str, Any]]:
    """One search result per glossary entry, titled "TMU – Teknik- og Miljøudvalget"."""
    docs = []
    for group in groups:
        title = f"{group.term} – {group.full_form}" if group.full_form else group.term
        docs.append({
            "location": f"{GLOSSARY_PAGE}#{group.id}",
            "title": html.escape(title, quote=False),
            "text": f"<p>{html.escape(group.explanation, quote=False)}</p>",
        })
    return docs


def split_glossary_page(page: dict[str, Any], entries: list[dict[str, Any]],
                        groups: Sequence[Synonyms]) -> None:
    """Move each entry's text from the glossary page's document to the entry's own document.

    Material indexes the whole glossary as one text; with an entry per result that text would
    be downloaded twice. The page keeps its introduction; each entry gets its explanation and
    source line as shown on the page. Left unchanged if an explanation is not found in order.
    """
    text = page["text"]
    cuts: list[tuple[int, int]] = []  # (start of the entry's term, start of its explanation)
    position = 0
    for group in groups:
        found = text.find(html.escape(group.explanation, quote=False), position)
        start = text.rfind(group.term, position, found) if found >= 0 else -1
        if start < 0:
            return
        cuts.append((start, found))
        position = found
    ends = [start for start, _ in cuts[1:]] + [len(text)]
    for entry, (_, explanation), end in zip(entries, cuts, ends, strict=True):
        entry["text"] = f"<p>{text[explanation:end].strip()}</p>"
    page["text"] = text[: cuts[0][0]].rstrip() if cuts else text

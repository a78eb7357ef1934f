"""What the search index leaves out: copies of what has a page of its own. Pagefind fetches
the index in parts, so what is left out here is bytes saved on searches, and one duplicate result
less in the list.

Pure functions on Material's index documents (dicts with location, title, text); no MkDocs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from typing import Any

GLOSSARY_PAGE = "ordliste/"
_FIRST_PARAGRAPH = re.compile(r"\s*<p>.*?</p>", re.S)


def drop_repeated_sections(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep one copy of sections shown identically on several pages (meeting cards on the
    decisions, process and political pages): the copy on the page that shows fewest of them,
    where the card sits in its story (the process page for the dialogue meeting), not in the
    complete list. The other copies would be downloaded again and shown as duplicate results."""
    pages: dict[tuple[str, str], list[str]] = {}
    for doc in docs:
        if "#" in doc["location"]:
            pages.setdefault((doc["title"], doc["text"]), []).append(page_key(doc["location"]))
    repeated = {key: found for key, found in pages.items() if len(set(found)) > 1}
    weight = Counter(page for found in repeated.values() for page in set(found))
    home = {key: min(found, key=lambda page: (weight[page], found.index(page)))
            for key, found in repeated.items()}
    kept = []
    for doc in docs:
        key = (doc["title"], doc["text"])
        if "#" in doc["location"] and key in home and page_key(doc["location"]) != home[key]:
            continue
        kept.append(doc)
    return kept


def page_key(location: str) -> str:
    return location if location.startswith(GLOSSARY_PAGE + "#") else location.split("#")[0]


def summary_only(docs: list[dict[str, Any]], pages: Collection[str],
                 track_ids: Collection[str] = ()) -> list[dict[str, Any]]:
    """The documents without the sections of `pages`, which keep their first paragraph, and
    without sections that list a track's initiatives outside the track's own page (the plan's
    `#spor-<id>` tables: each initiative and each track has its own page)."""
    track_anchors = {f"spor-{track}" for track in track_ids}
    kept = []
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if anchor in track_anchors:
            continue
        if page in pages:
            if anchor:
                continue
            first = _FIRST_PARAGRAPH.match(doc["text"])
            doc = {**doc, "text": first.group(0) if first else ""}
        kept.append(doc)
    return kept


# Elements whose tags Material's search parser drops while keeping their text (it keeps only
# p, code, pre, li, ol, ul, sub and sup, and reads a heading's permalink to leave it out), and
# which never hold a heading, so the parser's sections come out the same without them.
_DROPPED_MARKUP = re.compile(
    r"</?(?:span|abbr|strong|em|b|i|small|time|mark|q|cite|dfn|bdi|data"
    r"|dl|dt|dd|table|caption|colgroup|col|thead|tbody|tfoot|tr|th|td)(?:\s[^>]*)?>"
    r"|<a\s(?![^>]*\bheaderlink\b)[^>]*>(.*?)</a>",
    re.S,
)


def parser_input(content: str) -> str:
    """A page's HTML as Material's search parser needs it: without the markup it drops.

    Its parser walks every tag in Python; on an initiative page the status labels, periods,
    glossary tooltips, links and fact lists are three quarters of them. The index comes out
    the same, apart from where runs of white space fall (rendering.spaced_cells keeps
    neighbouring cells' words apart). Markup that tells the parser to leave something out
    (`data-search-exclude`) keeps the page as it is."""
    if "data-search-" in content:
        return content
    return _DROPPED_MARKUP.sub(lambda match: match.group(1) or "", content)

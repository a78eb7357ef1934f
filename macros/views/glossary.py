"""Glossary tooltips: wrap every glossary term in rendered HTML in an <abbr> with its meaning.

Works on finished HTML, so pages written by hand and pages generated from data are treated
alike. Text inside links, headings, code, existing <abbr>, scripts and SVG is left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from macros.data.model import Term

SKIP = {"a", "abbr", "code", "pre", "script", "style", "svg", "title", "h1", "h2", "h3", "h4",
        "h5", "h6", "button", "label", "option", "textarea", "select", "dt"}


def tooltip(term: Term) -> str:
    text = f"{term.fuld_form}: {term.forklaring}" if term.fuld_form else term.forklaring
    return " ".join(text.split())


def _trie_regex(words: list[str]) -> str:
    """One regex for all words, sharing their common beginnings ("Voksen- og P(lejeudvalget|
    lejeudvalget)"): Python's regex engine then tries a few letters at each position instead
    of every word. Longer words win, as in a longest-first alternation."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def build_pattern(terms: list[Term]) -> tuple[re.Pattern[str], dict[str, str]]:
    titles: dict[str, str] = {}
    for term in terms:
        for form in (term.term, *term.varianter):
            titles.setdefault(form, tooltip(term))
    first_letters = "".join(sorted({form[0] for form in titles}))
    # Word boundaries that understand æøå and hyphenated compounds ("MED-systemet"); the
    # lookahead on first letters skips most positions before anything else is tried.
    pattern = re.compile(
        rf"(?=[{re.escape(first_letters)}])(?<![\w-])(" + _trie_regex(list(titles)) + r")(?![\w])"
    )
    return pattern, titles


# Where a term may not be wrapped: inside a SKIP element, a tag, a comment, a script or a style.
# Terms are rare next to markup, so the text is searched for terms first and the context of
# each found term is looked up, instead of walking every tag of the page in Python.
# Tag names in lower or upper case, not mixed: re.IGNORECASE made this scan twice as slow.
_SKIP_TAG = re.compile(
    r"<(/?)(" + "|".join(sorted(SKIP | {tag.upper() for tag in SKIP}, key=len, reverse=True))
    + r")(?=[\s/>])[^>]*>")
_RAW_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)


class Annotator:
    """`annotate` for the glossary of the build, remembering the HTML it has annotated. A
    process that builds again (`mkdocs serve` after each change) annotates the same blocks of
    unchanged pages again and again: at 1 000 initiatives a quarter of a second per build. What
    it remembers is forgotten when the glossary changes."""

    LIMIT = 50_000  # blocks remembered, at a few kilobytes each

    def __init__(self) -> None:
        self._glossary: tuple[str, tuple[tuple[str, str], ...]] | None = None
        self._done: dict[str, str] = {}

    def for_terms(self, terms: list[Term]) -> Callable[[str], str]:
        pattern, titles = build_pattern(terms)
        glossary = (pattern.pattern, tuple(titles.items()))
        if glossary != self._glossary:
            self._glossary, self._done = glossary, {}
        done = self._done

        def finish(html: str) -> str:
            annotated = done.get(html)
            if annotated is None:
                annotated = annotate(html, pattern=pattern, titles=titles)
                if len(done) < self.LIMIT:
                    done[html] = annotated
            return annotated

        return finish


def annotate(content: str, pattern: re.Pattern[str], titles: dict[str, str]) -> str:
    terms = list(pattern.finditer(content))
    if not terms:
        return content
    raw = [(m.start(), m.end()) for m in _RAW_TEXT.finditer(content)]
    events = [(m.start(), m.group(1) == "/", m.group().endswith("/>"), m.group(2).lower())
              for m in _SKIP_TAG.finditer(content)
              if not any(start <= m.start() < end for start, end in raw)]
    open_count: dict[str, int] = dict.fromkeys(SKIP, 0)
    out: list[str] = []
    pos = event = 0
    for term in terms:
        at = term.start()
        while event < len(events) and events[event][0] < at:
            _, closing, self_closing, tag = events[event]
            if closing:
                open_count[tag] = max(0, open_count[tag] - 1)
            elif not self_closing:
                open_count[tag] += 1
            event += 1
        if (any(open_count.values()) or content.rfind("<", 0, at) > content.rfind(">", 0, at)
                or any(start < at < end for start, end in raw)):
            continue
        word = term.group(1)
        title = html.escape(titles[word], quote=True)
        out.append(content[pos:at])
        out.append(f'<abbr title="{title}">{word}</abbr>')
        pos = term.end()
    out.append(content[pos:])
    return "".join(out)

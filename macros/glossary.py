"""Glossary tooltips: wrap every glossary term in rendered HTML in an <abbr> with its meaning.

Works on finished HTML, so pages written by hand and pages generated from data are treated
alike. Text inside links, headings, code, existing <abbr>, scripts and SVG is left alone.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from macros.model import Term

SKIP = {"a", "abbr", "code", "pre", "script", "style", "svg", "title", "h1", "h2", "h3", "h4",
        "h5", "h6", "button", "label", "option", "textarea", "select", "dt"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


def tooltip(term: Term) -> str:
    text = f"{term.fuld_form}: {term.forklaring}" if term.fuld_form else term.forklaring
    return " ".join(text.split())


def build_pattern(terms: list[Term]) -> tuple[re.Pattern[str], dict[str, str]]:
    titles: dict[str, str] = {}
    for term in terms:
        for form in (term.term, *term.varianter):
            titles.setdefault(form, tooltip(term))
    alternatives = sorted(titles, key=len, reverse=True)
    # Word boundaries that understand æøå and hyphenated compounds ("MED-systemet").
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w])"
    )
    return pattern, titles


class _Annotator(HTMLParser):
    def __init__(self, pattern: re.Pattern[str], titles: dict[str, str]) -> None:
        super().__init__(convert_charrefs=False)
        self.pattern = pattern
        self.titles = titles
        self.out: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag in SKIP:
            self.skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        if tag in VOID:
            return
        while self.stack:
            top = self.stack.pop()
            if top in SKIP:
                self.skip_depth -= 1
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data.strip():
            self.out.append(data)
            return
        self.out.append(self.pattern.sub(self._wrap, data))

    def _wrap(self, match: re.Match[str]) -> str:
        word = match.group(1)
        title = html.escape(self.titles[word], quote=True)
        return f'<abbr title="{title}">{word}</abbr>'

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def annotate(content: str, pattern: re.Pattern[str], titles: dict[str, str]) -> str:
    annotator = _Annotator(pattern, titles)
    annotator.feed(content)
    annotator.close()
    return "".join(annotator.out)

"""Glossary tooltips: wrap every glossary term in rendered HTML in an <abbr> with its meaning.

Works on finished HTML, so pages written by hand and pages generated from data are treated
alike. Text inside links, headings, code, existing <abbr>, scripts and SVG is left alone.
"""

from __future__ import annotations

import html
import re

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


# One token of HTML, as html.parser.HTMLParser (convert_charrefs=False) splits it: comments,
# declarations, processing instructions, end tags, start tags (quoted '>' allowed), entity and
# character references, a lone '<' or '&', and runs of text. A regex scan is several times
# faster than HTMLParser on large pages and gives the same output for the HTML MkDocs writes.
_TOKEN = re.compile(
    r"""(?P<comment><!--.*?-->)"""
    r"""|(?P<decl><![^>]*>|<\?[^>]*>)"""
    r"""|</\s*(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*)\s*>"""
    r"""|(?P<start><(?P<name>[a-zA-Z][^\t\n\r\f />\x00]*)(?:[^>"']|"[^"]*"|'[^']*')*>)"""
    r"""|&(?P<charref>\#(?:[0-9]+|[xX][0-9a-fA-F]+));?"""
    r"""|&(?P<entity>[a-zA-Z][-.a-zA-Z0-9]*);?"""
    r"""|(?P<text>[^<&]+|[<&])""",
    re.S,
)
_RAW_TEXT = ("script", "style")  # HTMLParser's CDATA elements: content up to the end tag is text


def annotate(content: str, pattern: re.Pattern[str], titles: dict[str, str]) -> str:
    def wrap(match: re.Match[str]) -> str:
        word = match.group(1)
        title = html.escape(titles[word], quote=True)
        return f'<abbr title="{title}">{word}</abbr>'

    out: list[str] = []
    stack: list[str] = []
    skip_depth = 0
    pos, length = 0, len(content)
    while pos < length:
        token = _TOKEN.match(content, pos)
        assert token is not None  # the last alternative matches any character
        pos = token.end()
        kind = token.lastgroup
        if kind == "text":
            data = token.group()
            out.append(data if skip_depth or not data.strip() else pattern.sub(wrap, data))
        elif kind == "start":
            text = token.group("start")
            out.append(text)
            tag = token.group("name").lower()
            if text.endswith("/>") or tag in VOID:
                continue
            stack.append(tag)
            if tag in SKIP:
                skip_depth += 1
            if tag in _RAW_TEXT:
                close = re.compile(rf"</{tag}\s*>", re.I).search(content, pos)
                end = close.start() if close else length
                out.append(content[pos:end])
                pos = end
        elif kind == "end":
            tag = token.group("end").lower()
            out.append(f"</{tag}>")
            if tag in VOID:
                continue
            while stack:
                top = stack.pop()
                if top in SKIP:
                    skip_depth -= 1
                if top == tag:
                    break
        elif kind == "charref":
            out.append(f"&{token.group('charref')};")
        elif kind == "entity":
            out.append(f"&{token.group('entity')};")
        else:
            out.append(token.group())
    return "".join(out)

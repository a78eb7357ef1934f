"""What raw HTML editors may write in docs/ and data/: everything but what runs code or pulls
in other documents.

Markdown pages may use HTML for layout (a <span>, an <abbr>, a table, an inline SVG drawing)
and data texts are escaped when shown, but neither may carry what would run script in a
reader's browser or change where the page leads, were it ever published unescaped:

- elements that run code or embed other documents: <script>, <iframe>, <frame>, <frameset>,
  <object>, <embed>, <applet>; <base> and <meta>, which redirect links or the page;
- <style> elements and style="" attributes, which the site's Content-Security-Policy blocks
  anyway (they would silently do nothing);
- event handler attributes (onerror=, onclick=, …), in an HTML tag or in a Markdown attribute
  list `{ onclick=… }`;
- `javascript:` and `vbscript:` URLs: in any attribute, a Markdown link or image, a reference
  definition, an attribute list, or as a whole data value; HTML character references and the
  blanks browsers ignore in a URL (`&#106;ava script:`) do not hide them.

The word "script" in prose, a `<` in text, or `JavaScript: …` in a sentence is not HTML and
passes. Pure functions: the data loading (macros/data/loading.py) runs them on every YAML
string, the editors' Markdown checks and the build (the plugin) on every page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

FORBIDDEN_ELEMENTS = {
    "script": "indholdet må ikke indeholde kode, der kører i læserens browser",
    "iframe": "indhold fra andre sider kan ikke indlejres – link til det i stedet, "
              "fx [titel](https://…)",
    "frame": "indhold fra andre sider kan ikke indlejres – link til det i stedet",
    "frameset": "indhold fra andre sider kan ikke indlejres – link til det i stedet",
    "object": "indhold fra andre sider kan ikke indlejres – link til det i stedet",
    "embed": "indhold fra andre sider kan ikke indlejres – link til det i stedet",
    "applet": "indholdet må ikke indeholde kode, der kører i læserens browser",
    "base": "det ændrer, hvor alle sidens links fører hen",
    "meta": "det kan sende læseren videre til en anden side",
    "style": "siden tillader ikke indlejret CSS (Content-Security-Policy), så det virker ikke "
             "– brug en klasse fra sidens stylesheet",
}
SCRIPT_SCHEMES = ("javascript", "vbscript")

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_ATTR_LIST = re.compile(r"(?<!\{)\{(?![{%]):?([^{}\n]*=[^{}\n]*)\}")  # not Jinja's {{ }} or {% %}
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_URL_BLANKS = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these inside a URL's scheme
_SCHEME = re.compile(rf"^({'|'.join(SCRIPT_SCHEMES)}):", re.I)
_WHOLE_VALUE_URL = re.compile(rf"^\s*({'|'.join(SCRIPT_SCHEMES)}):\S", re.I)
# Everything above needs a tag (<), a Markdown link or reference definition (]) or an
# attribute list ({); a text with none of them is checked only as a whole data value.


@dataclass(frozen=True)
class Finding:
    offset: int  # where in the text the editor must look
    message: str  # Danish, for `file:line: field: message`


def _script_scheme(value: str) -> str | None:
    """The script scheme a URL would run as in a browser, or None."""
    match = _SCHEME.match(_URL_BLANKS.sub("", html.unescape(value.strip("\"'"))))
    return match.group(1).lower() if match else None


def _url_message(scheme: str) -> str:
    return (f'et link til "{scheme}:" er ikke tilladt – det kører kode i læserens browser; et '
            "link skal gå til en adresse (https://…), en e-mail (mailto:…) eller en side (.md)")


def _attribute_findings(attributes: str, start: int) -> Iterator[Finding]:
    for match in _ATTRIBUTE.finditer(attributes):
        name, value = match.group(1).lower(), match.group(2) or ""
        where = start + match.start()
        if name.startswith("on") and len(name) > 2:
            yield Finding(where, f'attributten "{match.group(1)}" er ikke tilladt – hændelser '
                                 "(on…=) kører kode i læserens browser; fjern attributten")
        elif name == "style":
            yield Finding(where, 'attributten "style" virker ikke – siden tillader ikke '
                                 "indlejret CSS (Content-Security-Policy); fjern den, eller brug "
                                 "en klasse fra sidens stylesheet")
        elif value and (scheme := _script_scheme(value)):
            yield Finding(where, _url_message(scheme))


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def find_unsafe_html(text: str, *, data_value: bool = False) -> list[Finding]:
    """Every construct in `text` that the site refuses, in text order. Markdown link targets,
    reference definitions and attribute lists are looked at in data too: data texts end up in
    generated Markdown pages. A `data_value` is also refused when it is itself a script URL."""
    if "<" not in text and "]" not in text and "{" not in text:  # plain text: most data
        match = _WHOLE_VALUE_URL.match(html.unescape(text)) if data_value else None
        return [Finding(0, _url_message(match.group(1).lower()))] if match else []
    scan = _COMMENT.sub(_blank, text)  # a comment's content is not shown or run
    found: list[Finding] = []
    for tag in _TAG.finditer(scan):
        closing, name, attributes = tag.group(1), tag.group(2), tag.group(3)
        if ":" in name:  # <javascript:…> is an autolink, not an element
            if scheme := _script_scheme(name + attributes):
                found.append(Finding(tag.start(), _url_message(scheme)))
            continue
        element = name.lower()
        if element in FORBIDDEN_ELEMENTS:
            if not closing:
                hint = "" if data_value else \
                    " (skal ordet vises som tekst, så sæt det i `backticks`)"
                found.append(Finding(tag.start(), f"HTML-elementet <{element}> er ikke tilladt "
                                                  f"– {FORBIDDEN_ELEMENTS[element]}{hint}"))
            continue
        found.extend(_attribute_findings(attributes, tag.start(3)))
    for block in _ATTR_LIST.finditer(scan):
        found.extend(_attribute_findings(block.group(1), block.start(1)))
    for pattern in (_LINK_TARGET, _REFERENCE):
        for link in pattern.finditer(scan):
            if scheme := _script_scheme(link.group(1)):
                found.append(Finding(link.start(1), _url_message(scheme)))
    if data_value and (match := _WHOLE_VALUE_URL.match(html.unescape(text))):
        found.append(Finding(0, _url_message(match.group(1).lower())))
    # One finding per message and line: `[x](<javascript:…>)` is a link and an autolink.
    unique: dict[tuple[str, int], Finding] = {}
    for finding in sorted(found, key=lambda f: f.offset):
        unique.setdefault((finding.message, text.count("\n", 0, finding.offset)), finding)
    return list(unique.values())

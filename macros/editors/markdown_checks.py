"""Checks of one Markdown page in docs/, reported as `Problem`s with the page's line numbers.

Pure functions of the page text and what the site knows (page paths, macro names, glossary
terms): front matter, internal links, raw HTML the site refuses, Jinja in pages with
`render_macros: true`, abbreviations missing from the glossary, and the prose used for LIX.
No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field, replace
from typing import Any

import jinja2
from jinja2 import nodes
from pymdownx.slugs import slugify

from macros.data.problems import Problem, did_you_mean, one_of
from macros.data.unsafe_html import find_unsafe_html
from macros.data.yamlsource import parse_yaml_text

# Front matter keys MkDocs, Material (incl. its blog plugin) and mkdocs-macros understand.
FRONT_MATTER_KEYS = (
    "title", "description", "render_macros", "hide", "template", "date", "categories",
    "authors", "slug", "draft", "tags", "status", "icon", "search", "subtitle", "readtime",
    "pin", "links", "comments", "nav_title",
    "videresend_til_was",  # overrides/main.html: the /was page forwards to the WAS statement
    "soeg_kun_sammendrag",  # macros/adapter/search.py: only the page's summary is searchable
    "soeg_vaegt",  # macros/adapter/search.py: the page ranks higher (>1) or lower (<1) in search
)  # fmt: skip
# Names mkdocs-macros and Jinja provide in every page besides the project's own macros.
BUILTIN_NAMES = frozenset({
    "config", "page", "navigation", "files", "environment", "plugin", "git", "extra",
    "macros_info", "now", "fix_url", "context", "pretty", "relpath", "range", "dict", "lipsum",
    "cycler", "joiner", "namespace", "True", "False", "None", "true", "false", "none",
})  # fmt: skip
GENERATED_DIRS = ("tiltag/", "spor/", "kilder/")  # one page per initiative, track, source
ROMAN = re.compile(r"^[IVXLCDM]+$")
ABBREVIATION = re.compile(r"(?<![\w-])([A-ZÆØÅ]{2,6})(?![\w])")
_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_HTML_TAG = re.compile(r"<[^>\n]+>")
_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]"  # [text] with at most one level of nested brackets
    r"\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)"  # (target "optional title")
)
_REF_LINK = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$", re.M)
_BLOCK_END = re.compile(r"</(p|li|td|th|h[1-6]|dd|dt|div|blockquote)>", re.I)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_ATTR_ID = re.compile(r"\{:?[^}\n]*?#([\w-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.I)
_SLUG = slugify(case="lower")  # as mkdocs.yml's toc: slugify


@dataclass
class Page:
    """One Markdown page split into front matter and body, with the body's first line number."""

    path: str  # 'docs/plan.md'
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)  # front matter lines

    @property
    def render_macros(self) -> bool:
        return self.meta.get("render_macros") is True


def read_page(path: str, text: str) -> Page:
    """Split off and validate the front matter (`---` … `---` at the very top)."""
    page = Page(path=path, body=text)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return page
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        page.problems.append(Problem(path, 1, "front matter", "front matter er ikke lukket – "
                                     "tilføj en linje med --- under de sidste felter"))
        return page
    page.body = "\n".join(lines[end + 1:])
    page.body_line = end + 2
    doc = parse_yaml_text("\n".join(lines[1:end]), path)
    page.problems.extend(replace(p, line=p.line + 1) for p in doc.problems)
    if doc.problems:
        return page
    if not isinstance(doc.data, dict):
        page.problems.append(Problem(path, 2, "front matter", "front matter skal være felter "
                                     "på formen 'navn: værdi', fx 'title: Min side'"))
        return page
    page.meta = doc.data
    page.lines = {loc: line + 1 for loc, line in doc.lines.items()}
    for key in doc.data:
        line = doc.lines.get((key,), 1) + 1
        if key not in FRONT_MATTER_KEYS:
            page.warnings.append(Problem(path, line, "front matter", f'ukendt felt "{key}"'
                                         f"{did_you_mean(str(key), FRONT_MATTER_KEYS)} – feltet "
                                         "bruges ikke"))
    for key, ok, want in (("render_macros", lambda v: isinstance(v, bool), "true eller false"),
                          ("title", lambda v: isinstance(v, str) and v.strip(), "en tekst"),
                          ("hide", lambda v: isinstance(v, list), "en liste, fx [toc]"),
                          ("categories", lambda v: isinstance(v, list), "en liste")):
        if key in doc.data and not ok(doc.data[key]):
            page.problems.append(Problem(path, doc.lines.get((key,), 1) + 1, "front matter",
                                         f'"{key}" skal være {want}'))
    return page


def _blank(match: re.Match[str]) -> str:
    """Replace a match with spaces, keeping its newlines, so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(body: str) -> str:
    return _INLINE_CODE.sub(_blank, _FENCE.sub(_blank, body))


def _line(body: str, offset: int, body_line: int) -> int:
    return body_line + body.count("\n", 0, offset)


@dataclass(frozen=True)
class SiteIndex:
    """What a page may point at: docs-relative page paths and files, macro and term names."""

    pages: frozenset[str]  # 'plan.md', 'tiltag/x.md', 'nyheder/posts/y.md'
    files: frozenset[str] = frozenset()  # other files under docs/, e.g. 'assets/logo.svg'
    names: frozenset[str] = frozenset()  # macros and variables for render_macros pages
    terms: frozenset[str] | None = None  # glossary forms; None when data/ could not be read
    generated_known: bool = True  # False when data/ is broken: then the generated pages are unknown
    # every anchor of the pages whose anchors are known without a build: written pages without
    # macros, and the sources' pages; other pages' anchors are left to the build
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)


def anchors(page: Page) -> frozenset[str]:
    """The ids the page's headings get (the toc's slugs, '_1' for a repeated one) and the ids
    written into it ({#id} attribute lists, id="…" in HTML)."""
    body = mask_code(page.body)
    found: set[str] = set()
    seen: dict[str, int] = {}
    for match in _HEADING.finditer(body):
        text = match.group(2)
        if _ATTR_ID.search(text):
            continue  # an explicit id, collected below
        text = _INLINE_LINK.sub(lambda m: m.group(2), text).replace("`", "").replace("*", "")
        slug = _SLUG(re.sub(r"\{[^}]*\}\s*$", "", text).strip(), "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}_{count}")
    found.update(_ATTR_ID.findall(body))
    found.update(_HTML_ID.findall(body))
    return frozenset(found)


def check_links(page: Page, site: SiteIndex) -> tuple[list[Problem], list[Problem]]:
    """Errors for links to pages that do not exist; warnings for other missing files, which a
    plugin may still generate (feeds, calendars)."""
    body = mask_code(page.body)
    if page.render_macros:
        body = _JINJA.sub(_blank, body)
    here = posixpath.dirname(page.path.removeprefix("docs/"))
    targets = [(m.start(3), m.group(3)) for m in _INLINE_LINK.finditer(body)]
    targets += [(m.start(1), m.group(1)) for m in _REF_LINK.finditer(body)]
    out: list[Problem] = []
    warnings: list[Problem] = []
    for offset, target in sorted(targets):
        path = target.split("#", 1)[0].split("?", 1)[0]
        anchor = target.partition("#")[2]
        line = _line(body, offset, page.body_line)
        if not path and anchor:
            out.extend(_missing_anchor(page, line, page.path.removeprefix("docs/"), target,
                                       anchor, site))
        if path.startswith("/") and not path.startswith("//"):
            out.append(Problem(page.path, line, "link", f'"{path}" er et absolut link, som ikke '
                               "virker, når siden ligger i en undermappe – link til sidens "
                               ".md-fil relativt til denne side, fx \"plan.md\""))
            continue
        if not path or re.match(r"^[a-z][a-z0-9+.-]*:", path, re.I) or path.startswith("//"):
            continue  # web address, mailto: – not ours to check
        resolved = posixpath.normpath(posixpath.join(here, path))
        if path.endswith(".md"):
            if resolved in site.pages:
                out.extend(_missing_anchor(page, line, resolved, target, anchor, site))
                continue
            if not site.generated_known and resolved.startswith(GENERATED_DIRS):
                continue
            choices = {posixpath.relpath(p, here or "."): p for p in site.pages}
            hint = did_you_mean(path, choices)
            out.append(Problem(page.path, line, "link", f'siden "{path}" findes ikke{hint}'))
        elif path.endswith("/") or "." not in posixpath.basename(path):
            guess = resolved.rstrip("/") + ".md"
            better = posixpath.relpath(guess, here or ".") if guess in site.pages else None
            hint = f' – skriv "{better}"' if better else " – link til sidens .md-fil"
            out.append(Problem(page.path, line, "link",
                               f'"{path}" er et link til en adresse, ikke en side{hint}'))
        elif resolved not in site.files:
            # the build refuses it too (MkDocs' validation.links.not_found), even for a file a
            # plugin writes after the build: link to those with <a href>, as the pages do
            out.append(Problem(page.path, line, "link", f'filen "{path}" findes ikke i docs/ – '
                               "ret stien, eller læg filen i docs/"))
    return out, warnings


def _missing_anchor(page: Page, line: int, target_page: str, target: str, anchor: str,
                    site: SiteIndex) -> list[Problem]:
    known = site.anchors.get(target_page)
    if not anchor or known is None or anchor in known:
        return []
    return [Problem(page.path, line, "link", f'"{target}": siden har intet afsnit med ankeret '
                    f'"#{anchor}"{did_you_mean(anchor, sorted(known))} – link til en overskrift, '
                    "der findes, eller uden #")]


def check_raw_html(page: Page, text: str) -> list[Problem]:
    """HTML the site refuses (macros/data/unsafe_html.py: <script>, <iframe>, on…= handlers,
    javascript: links …), with the line to fix. `text` is the whole file, front matter included
    (Material writes title and description into the page head as they stand). Code, fenced or
    inline, is shown as text, so it may quote anything."""
    front = "\n".join(text.split("\n")[: page.body_line - 1])
    scan = f"{front}\n{mask_code(page.body)}" if front else mask_code(page.body)
    return [Problem(page.path, scan.count("\n", 0, finding.offset) + 1, "html", finding.message)
            for finding in find_unsafe_html(scan)]


# ![alt](src "title") and <img …> in a page's text.
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?[^)\s>]+")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
IMAGE_HINT = ("skriv, hvad billedet viser, så en skærmlæser kan læse det op, fx "
              "![Diagram over tidsplanen](diagram.png)")


def check_images(page: Page) -> list[Problem]:
    """Every image in a page says what it shows (its alternative text), WCAG 1.1.1. Markdown
    writes an image without one as alt="", which reads as decoration, so the check is here:
    a screen reader would skip a picture the page meant to show."""
    body = mask_code(page.body)
    problems = []
    for match in _MARKDOWN_IMAGE.finditer(body):
        if not match.group(1).strip():
            problems.append(Problem(page.path, _line(body, match.start(), page.body_line),
                                    "billede",
                                    f"billedet har ingen alternativ tekst – {IMAGE_HINT}"))
    for match in _IMG_TAG.finditer(body):
        alt = _ALT.search(match.group(0))
        if alt is None or not "".join(part or "" for part in alt.groups()).strip():
            problems.append(Problem(page.path, _line(body, match.start(), page.body_line),
                                    "billede", f"<img> uden alternativ tekst (alt=\"…\") – "
                                    f"{IMAGE_HINT}"))
    return problems


def check_macros(page: Page, site: SiteIndex) -> list[Problem]:
    """In a page with render_macros: true, Jinja must parse and use only known names."""
    if not page.render_macros:
        return []
    try:
        tree = jinja2.Environment().parse(page.body)
    except jinja2.TemplateSyntaxError as error:
        line = page.body_line + (error.lineno or 1) - 1
        message = f"Jinja-fejl: {error.message}"
        if "comment" in (error.message or ""):
            message = ("{# starter en Jinja-kommentar i en side med render_macros: true – skriv "
                       "{{ '{#' }} for at vise tegnene, eller fjern render_macros")
        elif "end of print statement" in (error.message or "") or "unexpected" in message:
            message += " – tjek at hver {{ har en }} og hver {% har en %}"
        return [Problem(page.path, line, "makro", message)]
    from jinja2 import meta

    unknown = meta.find_undeclared_variables(tree) - site.names - BUILTIN_NAMES - set(page.meta)
    out = []
    reported: set[str] = set()
    choices = sorted(site.names)
    for name in tree.find_all(nodes.Name):
        if name.name in unknown and name.ctx == "load" and name.name not in reported:
            reported.add(name.name)
            out.append(Problem(page.path, page.body_line + name.lineno - 1, "makro",
                               f'ukendt makro eller variabel "{name.name}"'
                               f"{did_you_mean(name.name, choices)} – kendte navne: "
                               f"{', '.join(choices)}"))
    return out


def prose(page: Page) -> str:
    """The page's running text: code, Jinja, HTML tags and link targets removed, lines kept."""
    body = mask_code(page.body)
    body = _JINJA.sub(_blank, body)
    body = _BLOCK_END.sub(lambda m: "." + " " * (len(m.group(0)) - 1), body)
    body = _HTML_TAG.sub(_blank, body)
    body = _INLINE_LINK.sub(lambda m: m.group(2) + " " * (len(m.group(0)) - len(m.group(2))),
                            body)
    body = re.sub(r"\{[:#.][^}\n]*\}|https?://\S+", _blank, body)
    out = []
    for line in body.split("\n"):
        stripped = line.strip()
        if re.match(r"^(#{1,6}\s|[-*+]\s|\d+[.)]\s|!!!|\?\?\?|\|)", stripped):
            line = re.sub(r"^\s*(#{1,6}|[-*+]|\d+[.)]|!!!\+?|\?\?\?\+?)\s", "", line)
            line = line.replace("|", ". ")
            if line.strip() and not line.rstrip().endswith((".", "!", "?", ":")):
                line = line.rstrip() + "."
        out.append(line)
    return "\n".join(out)


def check_abbreviations(page: Page, site: SiteIndex) -> list[Problem]:
    """Words in capitals (2–6 letters) that the glossary does not explain: warnings."""
    if site.terms is None:
        return []
    text = prose(page)
    out = []
    seen: set[str] = set()
    for match in ABBREVIATION.finditer(text):
        word = match.group(1)
        if word in site.terms or word in seen or ROMAN.match(word) or len(set(word)) == 1:
            continue
        seen.add(word)
        out.append(Problem(page.path, _line(text, match.start(), page.body_line), "forkortelse",
                           f'ukendt forkortelse "{word}" – tilføj den til data/ordliste.yml, '
                           "så læserne får den forklaret"))
    return out


def check_post(page: Page, categories_allowed: list[str]) -> list[Problem]:
    """A news post needs a date and only categories the blog allows."""
    out = []
    date = page.meta.get("date")
    if not isinstance(date, dt.date | dict):
        out.append(Problem(page.path, 1, "front matter", "en nyhed skal have 'date:' med "
                           "datoen skrevet ÅÅÅÅ-MM-DD, fx 'date: 2024-03-12'"))
    categories = page.meta.get("categories") or []
    if categories_allowed and isinstance(categories, list):
        for index, name in enumerate(categories):
            if name not in categories_allowed:
                line = page.lines.get(("categories", index), 1)
                out.append(Problem(page.path, line, "front matter",
                                   f'ukendt kategori "{name}"'
                                   f"{did_you_mean(str(name), categories_allowed)} – "
                                   f"{one_of(categories_allowed)}"))
    return out

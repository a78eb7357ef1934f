"""LIX of a built page: what a reader reads there, generated sentences included.

The prose is the text of the page's <article> (Material's content area: no header, navigation
or footer), less what the site does not write itself or is not running text: quotations from
the case files (<blockquote>, <q> and any element with the attribute data-citat), tables,
code, figures drawn as SVG, scripts, hidden elements and heading anchors (¶). Each block
(paragraph, list item, heading, term, caption …) is one or more sentences: one that does not
end with . ! ? or : ends where the block ends, as a reader would take a heading or a list item.

Only a page with at least MIN_WORDS words of such prose gets a meaningful figure; `measured`
leaves the others out. Pure Python (html.parser), no MkDocs: used by the check command and
the tests of the built site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from macros.editors.lix import Lix, lix

MIN_WORDS = 100
QUOTE_ATTRIBUTE = "data-citat"
_SKIPPED_TAGS = frozenset({"blockquote", "q", "table", "pre", "code", "kbd", "samp", "script",
                           "style", "svg", "template", "noscript", "button", "nav", "form"})
_SKIPPED_CLASSES = frozenset({"headerlink", "md-source-file", "md-content__button"})
_BLOCK_TAGS = frozenset({"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div",
                         "section", "figcaption", "caption", "summary", "details", "ul", "ol",
                         "dl", "figure", "header", "footer", "aside", "br", "hr", "article"})
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col",
                        "area", "base", "embed", "track"})
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'»«”)\]]*$")


class _ProseParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped) of each open element
        self.in_article = 0
        self.block: list[str] = []
        self.blocks: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.block)).strip()
        self.block = []
        if text:
            self.blocks.append(text if _ENDS_SENTENCE.search(text) else text + ".")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if tag in _BLOCK_TAGS and not self.skipping:
            self._flush()
        if tag in _VOID_TAGS:
            return
        classes = set((values.get("class") or "").split())
        skipped = (tag in _SKIPPED_TAGS or QUOTE_ATTRIBUTE in values or "hidden" in values
                   or values.get("aria-hidden") == "true" or bool(classes & _SKIPPED_CLASSES))
        self.stack.append((tag, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS and not self.skipping:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack:
                open_tag, _ = self.stack.pop()
                if open_tag == tag:
                    break
        if tag in _BLOCK_TAGS and not self.skipping:
            self._flush()
        if tag == "article":
            self.in_article -= 1

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skipping:
            self.block.append(data)


def reader_blocks(html: str) -> list[str]:
    """The prose a reader reads in the page's article, block by block (see module doc)."""
    parser = _ProseParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks


def reader_prose(html: str) -> str:
    """The prose as one text, a block to a line."""
    return "\n".join(reader_blocks(html))


def page_lix(html: str) -> Lix:
    """LIX of the page's prose. Each block is counted on its own, so a block always ends its
    last sentence (a date heading "1. maj 2026" before "i Nyheder" is two sentences)."""
    counts = [lix(block) for block in reader_blocks(html)]
    return Lix(words=sum(c.words for c in counts), sentences=sum(c.sentences for c in counts),
               long_words=sum(c.long_words for c in counts))


@dataclass(frozen=True)
class PageLix:
    url: str  # relative to the site root: "" for the front page, "plan/" …
    lix: Lix

    @property
    def measured(self) -> bool:
        """Enough prose for the figure to mean something (MIN_WORDS words)."""
        return self.lix.words >= MIN_WORDS


def site_lix(site_dir: Path) -> list[PageLix]:
    """LIX of every page of a built site (each folder's index.html, the editor left out), in
    URL order."""
    out = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel == "admin" or rel.startswith("admin/"):
            continue
        url = "" if rel == "." else rel + "/"
        out.append(PageLix(url, page_lix(path.read_text(encoding="utf-8"))))
    return out


def lix_table(pages: list[PageLix], limit: float) -> str:
    """The measured pages as a table of text, hardest first."""
    rows = sorted((p for p in pages if p.measured), key=lambda p: -p.lix.score)
    lines = [f"{'LIX':>5}  {'ord':>5}  side"]
    for page in rows:
        flag = "  over grænsen" if page.lix.score > limit else ""
        lines.append(f"{page.lix.score:5.1f}  {page.lix.words:5d}  /{page.url}{flag}")
    return "\n".join(lines)


def built_after_sources(root: Path, site_dir: Path) -> bool:
    """A build in site_dir exists and is newer than every file in docs/ and data/ (so its
    pages show what the sources say now)."""
    marker = site_dir / "index.html"
    if not marker.is_file():
        return False
    built = marker.stat().st_mtime
    return all(p.stat().st_mtime <= built for folder in ("docs", "data")
               for p in (root / folder).rglob("*") if p.is_file())


def source_of(root: Path, url: str) -> str:
    """The Markdown file a page is made from, or the page's address for a page made from data."""
    stem = url.rstrip("/") or "index"
    for rel in (f"docs/{stem}.md", f"docs/{stem}/index.md"):
        if (root / rel).is_file():
            return rel
    return f"/{url}"

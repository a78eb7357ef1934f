"""The benchmark's baseline: a bare Material site with the same pages and text as ours.

`write_baseline(site, project, dest)` makes a plain MkDocs project in dest from our built site:
one plain Markdown page for every HTML page we publish, at the same address, holding the text of
the page's article – headings, paragraphs, lists, tables and links – converted to Markdown. Paged
overviews, generated initiative pages and the news posts therefore count as pages in the baseline
too, with the same text, as the issue's "same number of plain Markdown pages of the same text"
asks. mkdocs.yml keeps the theme settings (language, fonts, palette, features), the Markdown
extensions and the search plugin of ours, but has no macros, hooks, custom_dir, extra CSS/JS or
data. Charts, scripts and inline SVG are left out: they are not text.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

SKIPPED = {"svg", "script", "style", "template", "noscript", "img", "button", "form",
           "input", "select", "textarea"}
SKIPPED_CLASSES = {"headerlink", "md-content__button", "md-source-file"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {"p", "li", "dt", "dd", "pre", "caption", "figcaption", "summary", "blockquote",
          "div", "section", "nav", "details", "dl", "ul", "ol", "figure", "aside", "header",
          "footer"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area"}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
SPACE = re.compile(r"\s+")


class Tagged:
    """A YAML value with a custom tag (!ENV, !!python/...), carried through unchanged."""

    def __init__(self, tag: str, node: yaml.Node, loader: yaml.SafeLoader) -> None:
        self.tag = tag
        if isinstance(node, yaml.ScalarNode):
            self.value: Any = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            self.value = loader.construct_sequence(node, deep=True)
        else:
            self.value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    return Tagged(node.tag, node, loader)


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct)
_Dumper.add_representer(Tagged, _represent)


def markdown_href(href: str) -> str:
    """A link of our site as a link between the baseline's Markdown files.

    Every baseline page is `<address>/index.md`, so a link to a page address (`../x/`) becomes a
    link to that file (`../x/index.md`); other links are kept.
    """
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", href):
        return href
    path, hashmark, fragment = href.partition("#")
    path = path.split("?")[0]
    if path in ("", "."):
        path = "./"
    if path.endswith("/"):
        path += "index.md"
    elif path.endswith("index.html"):
        path = path[: -len("index.html")] + "index.md"
    return path + hashmark + fragment


def _text(value: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", value)


class ArticleToMarkdown(HTMLParser):
    """The text of a page's `<article>` as Markdown blocks (lists flattened, tables kept)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.inline: list[str] = []
        self.prefix = ""
        self.in_article = 0
        self.skipping = 0
        self.links: list[str] = []
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.list_kinds: list[str] = []

    def _flush(self) -> None:
        text = SPACE.sub(" ", "".join(self.inline)).strip()
        if text:
            self.blocks.append(self.prefix + text)
        self.inline = []
        self.prefix = ""

    def _emit(self, value: str) -> None:
        (self.cell if self.cell is not None else self.inline).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article += 1
            return
        if not self.in_article:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.skipping or tag in SKIPPED or classes & SKIPPED_CLASSES:
            if tag not in VOID:
                self.skipping += 1
            return
        if tag == "a":
            self.links.append(markdown_href(dict(attrs).get("href") or ""))
            self._emit("[")
        elif tag == "br":
            self._emit(" ")
        elif tag == "table":
            self._flush()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = []
        elif self.cell is not None:
            if tag in HEADINGS or tag in BLOCKS:
                self._emit(" ")
        elif tag in HEADINGS:
            self._flush()
            self.prefix = "#" * HEADINGS[tag] + " "
        elif tag in ("ul", "ol"):
            self._flush()
            self.list_kinds.append(tag)
        elif tag == "li":
            self._flush()
            self.prefix = "1. " if self.list_kinds and self.list_kinds[-1] == "ol" else "- "
        elif tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._flush()
            self.in_article = max(0, self.in_article - 1)
            return
        if not self.in_article:
            return
        if self.skipping:
            self.skipping -= 1
            return
        if tag == "a" and self.links:
            self._emit(f"]({self.links.pop()})")
        elif tag in ("td", "th") and self.cell is not None and self.rows is not None:
            self.rows[-1].append(SPACE.sub(" ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._table(self.rows)
            self.rows = None
        elif self.cell is not None:
            return
        elif tag in ("ul", "ol"):
            self._flush()
            if self.list_kinds:
                self.list_kinds.pop()
        elif tag in HEADINGS or tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skipping:
            self._emit(_text(data))

    def _table(self, rows: list[list[str]]) -> None:
        rows = [r for r in rows if r]
        if not rows:
            return
        width = max(len(r) for r in rows)
        padded = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in padded[1:]]
        self.blocks.append("\n".join(lines))


def page_markdown(html: str) -> str:
    start, end = html.find("<article"), html.rfind("</article>")
    parser = ArticleToMarkdown()
    parser.feed(html[start:end + len("</article>")] if start >= 0 and end > start else "")
    parser.close()
    return "\n\n".join(parser.blocks) + "\n"


def _nav_file(entry: str) -> str:
    """Our nav's Markdown file as the baseline's file at the same address."""
    if entry == "index.md" or entry.endswith("/index.md"):
        return entry
    return entry.removesuffix(".md") + "/index.md"


def _baseline_nav(nav: Any, docs: Path) -> Any:
    """Our nav, pointing at the baseline's files (entries without a page are dropped)."""
    if isinstance(nav, list):
        return [e for e in (_baseline_nav(item, docs) for item in nav) if e not in (None, [], {})]
    if isinstance(nav, dict):
        out = {k: _baseline_nav(v, docs) for k, v in nav.items()}
        return {k: v for k, v in out.items() if v not in (None, [], {})}
    if isinstance(nav, str):
        if "://" in nav:
            return nav
        file = _nav_file(nav)
        return file if (docs / file).is_file() else None
    return None


def baseline_config(config: dict[str, Any], docs: Path) -> dict[str, Any]:
    theme = {k: v for k, v in config.get("theme", {}).items() if k != "custom_dir"}
    search = [p for p in config.get("plugins", [])
              if p == "search" or (isinstance(p, dict) and "search" in p)]
    out: dict[str, Any] = {key: config[key] for key in
                           ("site_name", "site_description", "site_author", "site_url",
                            "copyright", "markdown_extensions") if key in config}
    out.update(theme=theme, plugins=search or ["search"], strict=True,
               extra={"generator": False},
               # Links to files only our site writes (CSV, feeds) dangle here; report, don't fail.
               validation={"omitted_files": "info", "absolute_links": "info",
                           "unrecognized_links": "info", "anchors": "info",
                           "not_found": "info"})
    if "nav" in config:
        out["nav"] = _baseline_nav(config["nav"], docs)
    return out


def write_baseline(site: Path, project: Path, dest: Path) -> int:
    """Write the bare-Material project from our built site; returns its number of pages."""
    docs = dest / "docs"
    shutil.copytree(project / "docs" / "assets", docs / "assets")
    pages = 0
    for html in site.rglob("index.html"):
        address = html.parent.relative_to(site)
        if address.parts[:1] in (("assets",), ("search",)):
            continue
        target = docs / address / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_markdown(html.read_text(encoding="utf-8")), encoding="utf-8")
        pages += 1
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    out = baseline_config(config, docs)
    (dest / "mkdocs.yml").write_text(
        yaml.dump(out, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pages

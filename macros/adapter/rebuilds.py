"""Which pages a `strategi preview` rebuild builds again: only those a change touches.

`strategi preview` serves with `mkdocs serve --dirty`, so MkDocs builds a page again only when
its file says it was modified. MkDocs judges that by the Markdown file's time, which knows
nothing of data/: here each page instead gets a key of everything it is made from, and is built
again when its key differs from the last build's:
- a page the engine generates: its Markdown with the views' held HTML put in (an initiative's
  page changes when that initiative, or what the page shows of others, changes);
- a page of docs/: its text and all of data/ (its macros may show any of it);
- the news (Material's blog plugin): always, for its lists show the posts' text;
- every page, when what all pages show changes: mkdocs.yml, the navigation's titles, the theme's
  and the views' templates, the glossary and the site's identity (every page's header and
  footer, tooltips), the history (git) and the date.

A page that is not built keeps what the last build found on it (title, front matter, table of
contents, anchors), so the pages that are built show its title in their navigation and their
links to its anchors are checked; its search records are carried over (`search_docs`). A page
that is gone is deleted from the served folder (the folder is not emptied between rebuilds).
The first build after start builds everything. `mkdocs build` is never dirty: it always builds
every page.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.runtime.contentcache import digest
from macros.runtime.engine_files import theme_dir
from macros.views.context import BuildContext

log = logging.getLogger("mkdocs.plugins.strategi")
OURS = "strategi"  # File.generated_by of the engine's pages: the plugin's entry point name
_PLACEHOLDER = re.compile(r"<!--strategi-html:(\d+)-->")
_TITLE = re.compile(r"^(?:title:\s*(.+)|#\s+(.+))$", re.M)
# The warning MkDocs logs for every dirty build, about what this module takes care of.
DIRTY_WARNING = "A 'dirty' build is being performed"
VIEW_TEMPLATES = Path(__file__).resolve().parent.parent / "views" / "templates"


class QuietDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class _Found:
    """What the build that last built a page found on it."""
    title: str | None
    meta: dict[str, Any]
    toc: Any
    anchors: set[str] | None
    dest: str


def _tree_stamp(folders: Iterable[Path]) -> str:
    parts = []
    for folder in folders:
        for top, _dirs, names in os.walk(folder):
            for name in sorted(names):
                stat = os.stat(os.path.join(top, name))
                parts.append(f"{top}/{name}:{stat.st_mtime_ns}:{stat.st_size}")
    return digest(*sorted(parts))


def _nav_titles(nav: Navigation, sources: dict[str, str]) -> str:
    """The navigation's entries as every page shows them: a title from mkdocs.yml, else the
    page's own (its front matter's or first heading's, from its text)."""
    entries = []
    for page in nav.pages:
        own = _TITLE.search(sources.get(page.file.src_uri, ""))
        title = page.__dict__.get("title") or (own and (own.group(1) or own.group(2)))
        entries.append((page.url, str(title)))
    return json.dumps(entries, ensure_ascii=False)


class Rebuilds:
    """The last build's keys and findings, kept across `mkdocs serve --dirty` rebuilds (on the
    plugin instance, which MkDocs keeps)."""

    def __init__(self) -> None:
        self._everything = ""
        self._keys: dict[str, str] = {}
        self._found: dict[str, _Found] = {}
        self._search_docs: dict[str, list[dict[str, Any]]] = {}
        self._built: set[str] = set()
        self._files: Files | None = None
        self._pending: tuple[str, dict[str, str]] = ("", {})
        self._skipped_urls: list[str] = []
        self._page_order: list[str] = []

    def mark(self, files: Files, nav: Navigation, config: MkDocsConfig,
             build: BuildContext) -> None:
        """Tell each page of this build whether MkDocs should build it again."""
        root = Path(config.config_file_path).parent
        pages = files.documentation_pages()
        sources = {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8")
                   for f in pages if f.generated_by is None and f.abs_src_path}
        blocks = build.stash.held()
        themes = [Path(d) for d in config.theme.dirs if Path(d) == theme_dir()
                  or Path(d).resolve() == Path(config.theme.custom_dir or "-").resolve()]
        everything = digest(
            Path(config.config_file_path).read_bytes(), _nav_titles(nav, sources),
            _tree_stamp([*themes, VIEW_TEMPLATES]),
            build.site.ordliste.model_dump_json(), json.dumps(build.site.identity, default=str),
            # Computed once per git commit (history/load.py, lru_cache): the same object.
            str(id(build.history)) if build.history.available else build.history.note,
            build.today.isoformat())
        data = _tree_stamp([root / "data"])
        blog = self._blog_dir(config)
        keys: dict[str, str] = {}
        again_count = 0
        for file in pages:
            if blog and (file.src_uri.startswith(blog) or file.generated_by == "material/blog"):
                key = ""  # always built
            elif file.generated_by == OURS:
                key = digest(_PLACEHOLDER.sub(lambda m: blocks.get(m.group(1), m.group(0)),
                                              file.content_string))
            else:
                key = digest(sources.get(file.src_uri, file.src_uri), data)
            keys[file.src_uri] = key
            again = (everything != self._everything or not key
                     or self._keys.get(file.src_uri) != key
                     or file.src_uri not in self._found)
            file.is_modified = (lambda again=again: again)  # type: ignore[method-assign]
            again_count += again
        if self._found:
            log.info("Forhåndsvisning: %d af %d sider bygges igen", again_count, len(keys))
        self._pending = (everything, keys)
        self._files = files

    @staticmethod
    def _blog_dir(config: MkDocsConfig) -> str:
        blog = config.plugins.get("material/blog")
        if blog is None or not blog.config.get("enabled", True):
            return ""
        return str(blog.config["blog_dir"]).strip("/") + "/"

    def restore(self) -> list[Page]:
        """Give each page this build does not build what the last build found on it; the
        pages."""
        skipped = self._skipped_pages()
        self._skipped_urls = [page.url for page in skipped]
        assert self._files is not None
        self._page_order = [f.page.url for f in self._files.documentation_pages() if f.page]
        for page in skipped:
            found = self._found[page.file.src_uri]
            page.title = found.title  # type: ignore[misc]
            page.meta = found.meta
            page.toc = found.toc
            page.present_anchor_ids = found.anchors
        return skipped

    def _skipped_pages(self) -> list[Page]:
        if self._files is None:
            return []
        return [f.page for f in self._files.documentation_pages()
                if f.page is not None and not f.is_modified()]

    def search_docs(self, docs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """The search index's documents: those of the pages this build built (all Material's
        search plugin wrote, see `forget_materials_merge`) and the skipped pages' from the build
        that last built them."""
        by_page: dict[str, list[dict[str, Any]]] = {}
        for doc in docs:
            by_page.setdefault(str(doc["location"]).split("#")[0], []).append(doc)
        for url in self._skipped_urls:
            if url in self._search_docs:
                by_page.setdefault(url, self._search_docs[url])
        self._search_docs = by_page
        # In the order of the pages, as a full build's index has them (the records' numbers,
        # and so the bundle's files, follow it).
        order = {url: number for number, url in enumerate(self._page_order)}
        pages = sorted(by_page, key=lambda url: order.get(url, len(order)))
        return [doc for url in pages for doc in by_page[url]]

    def finish(self) -> None:
        """After a build that succeeded: remember what its pages are made from and what was
        found on them, and delete the served pages that are gone."""
        if self._files is None:
            return
        self._everything, self._keys = self._pending
        built = set()
        for file in self._files.documentation_pages():
            page = file.page
            built.add(file.abs_dest_path)
            if page is None or not file.is_modified():
                continue
            self._found[file.src_uri] = _Found(page.title, page.meta, page.toc,
                                               page.present_anchor_ids, file.abs_dest_path)
        for gone in self._built - built:
            Path(gone).unlink(missing_ok=True)
        self._found = {src: f for src, f in self._found.items() if f.dest in built}
        self._built = built
        self._files = None


def forget_materials_merge(config: MkDocsConfig) -> None:
    """Material's search plugin, serving with --dirty, adds the last build's entries to the
    index but replaces only the first built page's (it expects one page per rebuild): left to
    it, a page built again would be found twice. `Rebuilds.search_docs` merges instead."""
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None

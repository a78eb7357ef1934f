"""The site's search index, from what Material's search plugin parsed (macros/search).

Material's search plugin writes search/search_index.json at the end of the build; `write_index`
turns it into Pagefind records with the Danish analysis (macros/search/records.py) and a
Pagefind bundle in site/pagefind/, and removes the file: nobody downloads it. A page with
`soeg_vaegt: 0.5` in its front matter ranks lower as a whole (sources, archives); a page with
`soeg_kun_sammendrag: true` is indexed with its opening summary only. Before that plugin reads
a page, `lean_for_parser` hands it the page without the markup it drops anyway
(macros/search/pruning.parser_input), and `restore` gives the page its HTML back after. A build
whose pages tell the search what an earlier build's did copies that build's bundle from
.cache/soeg/ (pagefind_index.write_cached_bundle).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.data.loading import SiteData
from macros.runtime.contentcache import ContentCache
from macros.search.analysis import short_words
from macros.search.documents import page_docs
from macros.search.pagefind_index import write_cached_bundle
from macros.search.pruning import parser_input
from macros.search.synonyms import synonyms_from_terms

log = logging.getLogger("mkdocs.plugins.strategi.soeg")
INDEX = "search/search_index.json"  # Material's, read and then removed
SUMMARY_ONLY_KEY = "soeg_kun_sammendrag"
WEIGHT_KEY = "soeg_vaegt"


def glossary_short_words(site: SiteData) -> str:
    """The glossary's short names, which the search dialog searches though they have fewer
    than three letters (overrides/partials/search.html, soegning.js)."""
    names = [s for group in synonyms_from_terms(site.ordliste.termer) for s in group.spellings]
    return " ".join(short_words(names))


class SearchPages:
    """What one build's pages tell the search: summary-only pages, weights, and the full HTML
    of the page Material's search plugin is reading."""

    def __init__(self) -> None:
        self.summary_pages: set[str] = set()
        self.weights: dict[str, float] = {}
        self.full_content: dict[str, str] = {}

    def note(self, page: Page) -> None:
        if page.meta.get(SUMMARY_ONLY_KEY):
            self.summary_pages.add(page.url)
        if WEIGHT_KEY in page.meta:
            self.weights[page.url] = float(page.meta[WEIGHT_KEY])

    def lean_for_parser(self, page: Page) -> None:
        if page.content is None or "data-search-" in page.content:
            return
        self.full_content[page.url] = page.content
        # A page left out of search is not read, but Material still scans it for attributes.
        excluded = (page.meta.get("search") or {}).get("exclude")
        page.content = "" if excluded else parser_input(page.content)

    def restore(self, page: Page) -> None:
        if page.url in self.full_content:
            page.content = self.full_content.pop(page.url)

    def read_docs(self, config: MkDocsConfig) -> list[dict[str, Any]] | None:
        """The documents Material's search plugin wrote for this build's pages; None, with a
        warning, when it wrote none."""
        path = Path(config.site_dir) / INDEX
        if not path.exists():
            log.warning("Søgeindekset findes ikke (%s); søgningen kan ikke bygges.", path)
            return None
        return list(json.loads(path.read_text(encoding="utf-8"))["docs"])

    def write_index(self, config: MkDocsConfig, site: SiteData,
                    docs: list[dict[str, Any]] | None = None) -> None:
        """The Pagefind bundle of `docs` (by default: read_docs), in place of Material's
        index. A `strategi preview` rebuild passes its pages' documents with those of the pages
        it did not build (rebuilds.py)."""
        if docs is None:
            docs = self.read_docs(config)
            if docs is None:
                return
        groups = synonyms_from_terms(site.ordliste.termer)
        track_ids = [track.id for track in site.spor.spor]
        records = page_docs(docs, groups, self.summary_pages, track_ids)
        cache = ContentCache(Path(config.config_file_path).parent, "soeg", keep=2)
        write_cached_bundle(records, groups, self.weights, Path(config.site_dir), cache)
        (Path(config.site_dir) / INDEX).unlink(missing_ok=True)

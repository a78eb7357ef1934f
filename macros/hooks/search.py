"""MkDocs hook: rewrite Material's search index with Danish expansions (see macros/search).

Runs in on_post_build after Material's search plugin has written search/search_index.json.
Before that plugin reads a page, on_page_context hands it the page without the markup it drops
anyway (macros/search_pruning.parser_input), and gives the page its HTML back after.
Pages with `soeg_kun_sammendrag: true` in their front matter are indexed with their opening
summary only (see macros/search/expansion.py).
Set STRATEGI_SOEG_UDVIDELSE=0 to keep Material's index
untouched (used by the benchmark).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.data.loading import load_site_data
from macros.search.expansion import expand_index, synonyms_from_terms
from macros.search.pruning import parser_input

log = logging.getLogger("mkdocs.plugins.strategi.soeg")
ENV_SWITCH = "STRATEGI_SOEG_UDVIDELSE"
SUMMARY_ONLY_KEY = "soeg_kun_sammendrag"
# URLs of this build's summary-only pages; cleared per build, since `mkdocs serve` rebuilds.
_summary_pages: set[str] = set()
# The full HTML of the page Material's search plugin is reading.
_full_content: dict[str, str] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _summary_pages.clear()


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    if page.meta.get(SUMMARY_ONLY_KEY):
        _summary_pages.add(page.url)
    return markdown


@event_priority(10)  # before Material's search plugin (priority 0) reads the page
def _search_reads_lean_content(context: dict[str, Any], page: Page, config: MkDocsConfig,
                               nav: Navigation) -> None:
    if page.content is None or "data-search-" in page.content:
        return
    _full_content[page.url] = page.content
    # A page left out of search is not read, but Material still scans it for attributes.
    excluded = (page.meta.get("search") or {}).get("exclude")
    page.content = "" if excluded else parser_input(page.content)


@event_priority(-10)  # after it, before the theme renders the page
def _page_gets_its_content_back(context: dict[str, Any], page: Page, config: MkDocsConfig,
                                nav: Navigation) -> None:
    if page.url in _full_content:
        page.content = _full_content.pop(page.url)


on_page_context = CombinedEvent(_search_reads_lean_content, _page_gets_its_content_back)


@event_priority(-100)  # after Material's search plugin (priority 0) wrote the index
def on_post_build(config: MkDocsConfig) -> None:
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        log.warning("Søgeindekset findes ikke (%s); søgningen er ikke udvidet.", path)
        return
    site = load_site_data(Path(config.config_file_path).parent)
    index = json.loads(path.read_text(encoding="utf-8"))
    expanded = expand_index(index, synonyms_from_terms(site.ordliste.termer), _summary_pages,
                            [track.id for track in site.spor.spor])
    text = json.dumps(expanded, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")

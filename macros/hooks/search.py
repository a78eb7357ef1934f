"""MkDocs hook: the site's search index, from what Material's search plugin parsed (macros/search).

Runs in on_post_build after Material's search plugin has written search/search_index.json.
With the default engine (`extra.soegemotor: pagefind` in mkdocs.yml, env STRATEGI_SOEGEMOTOR)
that file becomes Pagefind records with the Danish analysis (macros/search/records.py) and a
Pagefind bundle in site/pagefind/; the file itself is removed, nobody downloads it. With
`lunr` Material's own search stays, with the hidden word forms of macros/search/expansion.py.
A page with `soeg_vaegt: 0.5` in its front matter ranks lower as a whole (sources, archives).
Before that plugin reads a page, on_page_context hands it the page without the markup it drops
anyway (macros/search_pruning.parser_input), and gives the page its HTML back after.
Pages with `soeg_kun_sammendrag: true` in their front matter are indexed with their opening
summary only (see macros/search/expansion.py).
With the lunr engine, STRATEGI_SOEG_UDVIDELSE=0 keeps Material's index untouched.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.data.loading import load_site_data
from macros.search.analysis import short_words
from macros.search.expansion import expand_index, synonyms_from_terms
from macros.search.pagefind_index import write_bundle
from macros.search.pruning import parser_input
from macros.search.records import page_docs, records

log = logging.getLogger("mkdocs.plugins.strategi.soeg")
ENV_SWITCH = "STRATEGI_SOEG_UDVIDELSE"
SUMMARY_ONLY_KEY = "soeg_kun_sammendrag"
WEIGHT_KEY = "soeg_vaegt"
# URLs of this build's summary-only pages and page weights; cleared per build, since
# `mkdocs serve` rebuilds.
_summary_pages: set[str] = set()
_page_weights: dict[str, float] = {}
# The full HTML of the page Material's search plugin is reading.
_full_content: dict[str, str] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _summary_pages.clear()
    _page_weights.clear()


def on_env(env: Environment, config: MkDocsConfig, **_: object) -> Environment:
    """The glossary's short names, which the search dialog searches though they have fewer
    than three letters (overrides/partials/search.html, soegning.js)."""
    site = load_site_data(Path(config.config_file_path).parent)
    names = [s for group in synonyms_from_terms(site.ordliste.termer) for s in group.spellings]
    env.globals["soeg_korte_ord"] = " ".join(short_words(names))
    return env


def engine(config: MkDocsConfig) -> str:
    return str(config.extra.get("soegemotor") or "pagefind")


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    if page.meta.get(SUMMARY_ONLY_KEY):
        _summary_pages.add(page.url)
    if WEIGHT_KEY in page.meta:
        _page_weights[page.url] = float(page.meta[WEIGHT_KEY])
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
    lunr = engine(config) != "pagefind"
    if lunr and os.environ.get(ENV_SWITCH, "1") == "0":
        return
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        log.warning("Søgeindekset findes ikke (%s); søgningen er ikke udvidet.", path)
        return
    site = load_site_data(Path(config.config_file_path).parent)
    index = json.loads(path.read_text(encoding="utf-8"))
    groups = synonyms_from_terms(site.ordliste.termer)
    track_ids = [track.id for track in site.spor.spor]
    if not lunr:
        docs = page_docs(index["docs"], groups, _summary_pages, track_ids)
        write_bundle(records(docs, groups, _page_weights), Path(config.site_dir))
        path.unlink()
        return
    expanded = expand_index(index, groups, _summary_pages, track_ids)
    text = json.dumps(expanded, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")

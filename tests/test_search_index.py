"""The search index of the built site: what a visitor's search box can find, and what it is
spared downloading (see macros/search/records.py and pruning.py). Read from Pagefind's
fragments, which are what the browser downloads for each result."""

from __future__ import annotations

import re
from collections import Counter

import pytest

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content


@pytest.fixture(scope="module")
def fragments(search_fragments: dict[str, dict]) -> dict[str, dict]:
    return search_fragments


def test_only_the_pagefind_index_is_published(built_site):
    assert not (built_site / "search" / "search_index.json").exists()
    assert (built_site / "pagefind" / "pagefind.js").exists()
    assert not list((built_site / "pagefind").glob("pagefind-ui.*"))


def test_words_in_neighbouring_table_cells_are_searchable_apart(fragments):
    # "Udviklingsspor" (a term) and "Administrativ" (its value) must be two words, or a search
    # for "administrativ" misses the initiative's facts.
    content = fragments["tiltag/vagtplanlaegning/"]["content"]
    assert re.search(r"Udviklingsspor( ⁂\S+)* Administrativ", content)
    assert "UdviklingssporAdministrativ" not in content


@pytest.mark.parametrize("page", ["gantt/", "tidslinje/", "status/", "tiltag/"])
def test_overview_pages_are_found_by_their_summary_only(fragments, page):
    fragment = fragments[page]
    assert fragment["anchors"] == []
    assert fragment["word_count"] < 120


def test_each_meeting_card_is_one_search_result(fragments):
    titles = Counter(a["text"] for f in fragments.values() for a in f["anchors"]
                     if a["id"].endswith("-titel"))
    assert titles and max(titles.values()) == 1


def test_glossary_entries_are_results_of_their_own(fragments):
    assert fragments["ordliste/#vpu"]["meta"]["title"] == "VPU – Voksen- og Plejeudvalget"


def test_titles_shown_in_results_carry_no_twins(fragments):
    assert not [u for u, f in fragments.items() if "⁂" in f["meta"]["title"]]


def test_no_page_is_left_with_a_placeholder_for_its_views(site_pages):
    # The views' HTML is held out of Markdown and put back after it (macros/views/htmlstash.py).
    leftovers = [url for url, soup in site_pages.items() if "strategi-html:" in str(soup)]
    assert leftovers == []


def _sections(content: str) -> list[tuple[str | None, str, str]]:
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(content)
    parser.close()
    return [(s.id, " ".join("".join(s.title).split()), " ".join("".join(s.text).split()))
            for s in parser.data]


@pytest.mark.parametrize("content", [
    '<h1>Titel</h1><p class="sammendrag">Status: <span class="status">løbende</span>.</p>',
    '<h2 id="fakta">Fakta<a class="headerlink" href="#fakta" title="Link">&para;</a></h2>'
    '<dl><dt>Spor</dt> <dd><a href="../../spor/x/">Administrativ</a></dd></dl>',
    '<ol><li><strong>8. juli 2025</strong> – <abbr title="Områdeudvalg: &quot;x&quot; &gt; y">'
    "OMU</abbr> <em>godkendte</em></li></ol>",
    '<p>Før <span data-search-exclude>skjult</span> efter</p>',
    '<h2 id="a-b">A <span class="x">b</span><a class="headerlink" href="#a-b">&para;</a></h2>'
    '<p><a href="#a-b"><span>link</span></a> <time datetime="2025">2025</time></p>',
    '<table><thead><tr><th>Spor</th> <th>Tiltag</th></tr></thead><tbody><tr><td>Admin</td> '
    '<td><a href="x/">Ny <abbr title="t">MED</abbr>-aftale</a></td></tr></tbody></table>'
    '<h3 id="efter">Efter<a class="headerlink" href="#efter">&para;</a></h3><p>Mere</p>',
])
def test_search_finds_the_same_text_when_its_parser_skips_inline_markup(content):
    # Material's search parser is handed pages without the inline markup it drops
    # (macros/search_pruning.parser_input): what a search finds must not change.
    from macros.search.pruning import parser_input

    assert _sections(parser_input(content)) == _sections(content)
    if "data-search-exclude" not in content:
        assert parser_input(content).count("<") < content.count("<")

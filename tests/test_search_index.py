"""The search index of the built site: what a visitor's search box can find, and what it is
spared downloading (see macros/search/expansion.py)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def search_docs(built_site: Path) -> list[dict[str, str]]:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["docs"]


def test_words_in_neighbouring_table_cells_are_searchable_apart(search_docs):
    # "Udviklingsspor" (a term) and "Administrativ" (its value) must be two words, or a search
    # for "administrativ" misses the initiative's facts.
    facts = next(d["text"] for d in search_docs
                 if d["location"] == "tiltag/vagtplanlaegning/#fakta")
    assert "Udviklingsspor Administrativ" in facts
    assert "UdviklingssporAdministrativ" not in facts


@pytest.mark.parametrize("page", ["gantt/", "tidslinje/", "status/", "tiltag/"])
def test_overview_pages_are_found_by_their_summary_only(search_docs, page):
    docs = [d for d in search_docs if d["location"].split("#")[0] == page]
    assert [d["location"] for d in docs] == [page]
    assert docs[0]["text"].startswith("<p>") and docs[0]["text"].count("<p>") == 1


def test_each_meeting_card_is_one_search_result(search_docs):
    titles = Counter(d["title"] for d in search_docs if "#" in d["location"]
                     and d["location"].split("#")[1].endswith("-titel"))
    assert titles and max(titles.values()) == 1


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

"""This strategy's search (Norddjurs, Socialområdet): an initiative's facts are searchable word
by word, its glossary entry VPU is a result of its own, in the index and in the real search box.
That any strategy's search answers is checked by the engine (macros/kvalitet/test_search.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from macros.kvalitet.search_driver import Query, open_search, search

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content


def test_words_in_neighbouring_table_cells_are_searchable_apart(search_fragments):
    # "Udviklingsspor" (a term) and "Administrativ" (its value) must be two words, or a search
    # for "administrativ" misses the initiative's facts.
    content = search_fragments["tiltag/vagtplanlaegning/"]["content"]
    assert re.search(r"Udviklingsspor( ⁂\S+)* Administrativ", content)
    assert "UdviklingssporAdministrativ" not in content


@pytest.mark.parametrize("page", ["gantt/", "tidslinje/", "status/", "tiltag/"])
def test_overview_pages_are_found_by_their_summary_only(search_fragments, page):
    fragment = search_fragments[page]
    assert fragment["anchors"] == []
    assert fragment["word_count"] < 120


def test_glossary_entries_are_results_of_their_own(search_fragments):
    assert search_fragments["ordliste/#vpu"]["meta"]["title"] == "VPU – Voksen- og Plejeudvalget"


@pytest.fixture(scope="module")
def search_page(browser: Any, served_site: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    open_search(page, served_site)
    yield page
    context.close()


@pytest.mark.browser
def test_glossary_entry_is_its_own_result(search_page: Any, served_site: str) -> None:
    outcome = search(search_page, served_site, Query("Plejeudvalget", "ordliste/#vpu"))
    titles = search_page.locator(".md-search-result__article :is(h1, h2)").all_inner_texts()
    assert any("VPU – Voksen- og Plejeudvalget" in t for t in titles), titles
    assert outcome.rank() is not None

"""The site's search answers: what its index holds (read from Pagefind's fragments, which are
what the browser downloads for each result) and, typed into the real search box in Chromium,
queries taken from the site's own data find their pages (search_driver.py)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from macros.kvalitet.search_driver import Query, search, summary_pages

pytestmark = pytest.mark.content  # checks content can fail: strategi test

SEED = 34
INITIATIVE_QUERIES = 5  # initiatives drawn (fixed seed) whose title is typed


def test_only_the_pagefind_index_is_published(built_site):
    assert not (built_site / "search" / "search_index.json").exists()
    assert (built_site / "pagefind" / "pagefind.js").exists()
    assert not list((built_site / "pagefind").glob("pagefind-ui.*"))


def test_overview_pages_are_found_by_their_summary_only(search_fragments, strategy_root,
                                                        site_data):
    # The pages marked so, and each track's page (its template is).
    pages = summary_pages(strategy_root / "docs") | {f"spor/{s.id}/" for s in site_data.spor.spor}
    for page in sorted(pages):
        fragment = search_fragments[page]
        assert fragment["anchors"] == [], page
        assert fragment["word_count"] < 120, page


def test_each_meeting_card_is_one_search_result(search_fragments):
    titles = Counter(a["text"] for f in search_fragments.values() for a in f["anchors"]
                     if a["id"].endswith("-titel"))
    assert titles and max(titles.values()) == 1


def test_glossary_entries_are_results_of_their_own(search_fragments, site_data):
    for term in site_data.ordliste.termer:
        title = term.term + (f" – {term.fuld_form}" if term.fuld_form else "")
        assert search_fragments[f"ordliste/#{term.id}"]["meta"]["title"] == title


def test_titles_shown_in_results_carry_no_twins(search_fragments):
    assert not [u for u, f in search_fragments.items() if "⁂" in f["meta"]["title"]]



@pytest.mark.browser
def test_glossary_entry_is_its_own_result(search_page, served_site, site_data):
    term = next(t for t in site_data.ordliste.termer if t.fuld_form)
    outcome = search(search_page, served_site, Query(term.term, f"ordliste/#{term.id}"))
    titles = search_page.locator(".md-search-result__article :is(h1, h2)").all_inner_texts()
    assert any(f"{term.term} – {term.fuld_form}" in t for t in titles), titles
    assert outcome.rank() is not None


@pytest.mark.browser
def test_initiative_titles_find_their_pages(search_page, served_site, site_data):
    initiatives = site_data.tiltag.tiltag
    chosen = random.Random(SEED).sample(initiatives, min(INITIATIVE_QUERIES, len(initiatives)))
    missed = []
    for t in chosen:
        outcome = search(search_page, served_site, Query(t.titel, f"tiltag/{t.id}/"))
        if not outcome.hit():
            missed.append(f"{t.titel!r} -> {[links[0] for links in outcome.pages[:3]]}")
    assert not missed, "Søgningen fandt ikke tiltagets side blandt de første tre:\n" + "\n".join(
        missed)

"""A user types Danish queries into the site's search box and finds the right page.

Queries generated from the site's own text (query_generator.py, fixed seed) are typed key by
key into the real search box of the built site in Chromium and must be answered at least as
often as the target of issue 20, and the site's dates and periods typed as people type them
(date_queries.py, fixed seed) as often as the target of issue 35; the result count is
announced; short words are searched only when they are the glossary's short names. This
strategy's hand-written queries (tests/indhold/search_queries.yml) are in
tests/indhold/test_search.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from macros.data.loading import load_site_data
from macros.data.periods import MONTHS_DA
from macros.kvalitet.search_driver import Query, open_search, search

from .date_queries import DATE_KINDS, generate_dates
from .query_generator import generate

pytestmark = pytest.mark.browser
# The glossary's short names (one or two letters) of the strategy built, typed in lower case.
SHORT_NAMES = [t.term.lower() for t in load_site_data(Path(__file__).resolve().parents[2])
               .ordliste.termer if len(t.term) < 3][:2]
GENERATED_PER_KIND = 50  # 200 queries, as scripts/search_benchmark.py measures them
GENERATED_TARGET = 0.95
DATES_PER_KIND = 4  # of each of the eight kinds of date_queries.DATE_KINDS (32 queries)
DATES_TARGET = 0.95
# What dates are sent as (macros/search/dates.py), never shown: "20231026", "202310",
# "20232024", "oktober26", "uge40", "kvartal1", "halvar1".
TOKEN = re.compile(r"\b(?:(?:19|20)\d\d(?:(?:0[1-9]|1[0-2])(?:[0-3]\d)?|(?:19|20)\d\d)"
                   r"|(?:" + "|".join(MONTHS_DA) + r")\d\d|uge\d\d|kvartal\d|halvar\d)\b")



def test_generated_queries_find_a_page_with_their_word(search_page: Any, served_site: str,
                                                       built_site: Any) -> None:
    queries = generate(built_site, GENERATED_PER_KIND)
    missed = []
    for query in queries:
        outcome = search(search_page, served_site, Query(query.text, ""))
        if not query.hit(outcome.pages):
            missed.append(f"{query.kind}: {query.text!r} (fra {query.source!r}) -> "
                          f"{[links[0] for links in outcome.pages[:3]]}")
    rate = 1 - len(missed) / len(queries)
    assert rate >= GENERATED_TARGET, f"{rate:.0%} af {len(queries)} fundet:\n" + "\n".join(missed)


def test_generated_date_queries_find_a_page_with_their_date(search_page: Any, served_site: str,
                                                            built_site: Any) -> None:
    queries = generate_dates(built_site, DATES_PER_KIND)
    missed, shown_tokens = [], []
    for query in queries:
        outcome = search(search_page, served_site, Query(query.text, ""))
        if not query.hit(outcome.pages):
            missed.append(f"{query.kind}: {query.text!r} ({len(query.relevant)} sider) -> "
                          f"{[links[0] for links in outcome.pages[:3]]}")
        # The tokens the query is sent as ("20231026", "uge40") only help matching: the
        # results show the page's own words.
        shown = search_page.locator("#soeg-resultater").inner_text()
        if "⁂" in shown or TOKEN.search(shown):
            shown_tokens.append(f"{query.text!r}: {shown[:200]!r}")
    rate = 1 - len(missed) / len(queries)
    assert queries and {q.kind for q in queries} <= set(DATE_KINDS)
    assert rate >= DATES_TARGET, f"{rate:.0%} af {len(queries)} fundet:\n" + "\n".join(missed)
    assert not shown_tokens, shown_tokens


def test_result_count_is_announced(search_page: Any, served_site: str) -> None:
    search(search_page, served_site, Query("tilsyn", ""))
    status = search_page.locator("#soeg-status")
    assert status.get_attribute("role") == "status"
    assert "resultat" in status.inner_text()


@pytest.mark.parametrize(("typed", "searched"), [
    ("a", False), ("ar", False), ("arb", True),  # a word is searched from three letters on
    *[(name, True) for name in SHORT_NAMES],  # the glossary's short names are searched
])
def test_short_words_are_searched_only_when_they_are_glossary_names(
        browser: Any, served_site: str, typed: str, searched: bool) -> None:
    # A word of one or two letters is on nearly every page; searching it would fetch an index
    # part at each keystroke. The dialog asks for a third letter instead.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="da-DK")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_search(page, served_site)
    outcome = search(page, served_site, Query(typed, ""))
    status = page.locator("#soeg-status").inner_text()
    index_parts = [url for url in fetched if url.endswith(".pf_index")]
    if searched:
        assert outcome.pages and "resultat" in status, status
    else:
        assert status == "Skriv mindst tre bogstaver" and not outcome.pages
        assert not index_parts, index_parts
    context.close()

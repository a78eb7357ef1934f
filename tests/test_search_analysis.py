"""The Danish analysis of the Pagefind search (macros/search/analysis.py, records.py) and its
query side in the browser (overrides/assets/javascripts/soeg-analyse.js)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.search import analysis
from macros.search.records import record_html, records
from macros.search.synonyms import synonyms_from_terms

ROOT = Path(__file__).resolve().parent.parent
QUERY_SIDE = ROOT / "overrides" / "assets" / "javascripts" / "soeg-analyse.js"
FOLDED = [
    ("Høringen", "horingen"), ("hoeringen", "horingen"), ("horingen", "horingen"),
    ("FÆLLES", "faelles"), ("faelles", "faelles"), ("Skoleområdet", "skoleomradet"),
    ("socialomraadet", "socialomradet"), ("pårørenderåd", "parorenderad"),
    ("paaroerenderaad", "parorenderad"), ("café", "cafe"), ("miljøet", "miljot"),
    ("miljoet", "miljot"), ("miljoeet", "miljoet"), ("Aarhus", "arhus"), ("24/1234", "24/1234"),
]
VOCABULARY = analysis.Vocabulary(
    ["Ledelse og tilsyn, råd for pårørende, planen og planer, området, miljø, strategi, ens"],
    danish=frozenset())


@pytest.mark.parametrize("word, folded", FOLDED)
def test_fold(word: str, folded: str) -> None:
    assert analysis.fold(word) == folded


@pytest.mark.skipif(shutil.which("node") is None, reason="node findes ikke")
def test_the_browser_folds_queries_as_the_index_folds_words() -> None:
    words = [w for w, _ in FOLDED]
    script = (f"const a = require({json.dumps(str(QUERY_SIDE))});"
              f"console.log(JSON.stringify({json.dumps(words)}.map(a.fold)))")
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [analysis.fold(w) for w in words]


@pytest.mark.parametrize("word, twins", [
    ("høringen", ["horingen"]),  # what it folds to typed with ø, with o and with oe
    ("miljøet", ["miljoet", "miljot"]),  # ø before e: miljoeet and miljoet fold apart
    ("borgerne", []),  # nothing to fold, no compound: Pagefind's stemmer does the rest
    ("ledelsestilsynet", ["tilsynet"]),  # linking -s
    ("pårørenderådene", ["parorenderadene", "radene"]),
    ("handleplanen", ["planen"]),
    ("skoleområdet", ["omradet", "skoleomradet"]),
    ("strategiens", []),  # "strategi|ens" is an inflection, not a compound
])
def test_twins(word: str, twins: list[str]) -> None:
    vocabulary = analysis.Vocabulary(
        ["ledelse tilsyn råd pårørende handle plan område skole strategi ens"],
        danish=frozenset())
    assert vocabulary.twins(word) == twins


def test_twins_follow_their_word_and_carry_the_mark() -> None:
    assert analysis.with_twins("Høringen om tilsyn.", VOCABULARY) == (
        "Høringen ⁂horingen om tilsyn.")


def test_the_danish_word_list_is_installed() -> None:
    # ./dev installs Debian's wdanish; without it compounds split only on the site's words.
    assert "tilsynet" in analysis.word_list()


VPU = SimpleNamespace(id="vpu", term="VPU", fuld_form="Ældre- og Plejeudvalget",
                      forklaring="Udvalget for voksne.", varianter=[])


def test_a_mention_of_a_glossary_entry_carries_its_other_names() -> None:
    groups = synonyms_from_terms([VPU])
    page = record_html("plan/", [{"location": "plan/", "title": "Planen",
                                  "text": "<p>VPU godkendte planen.</p>"}], groups, VOCABULARY)
    assert "VPU ⁂aeldre ⁂og ⁂plejeudvalget godkendte" in page


def test_records_give_glossary_entries_their_own_url_and_pages_their_weight() -> None:
    groups = synonyms_from_terms([VPU])
    docs = [{"location": "kilder/a/", "title": "Kilde", "text": "<p>Tekst.</p>"},
            {"location": "kilder/a/#del", "title": "Del", "text": "<p>Mere.</p>"},
            {"location": "ordliste/#vpu", "title": "VPU", "text": "<p>Udvalget.</p>"}]
    found = {r.url: r.html for r in records(docs, groups, {"kilder/a/": 0.5})}
    assert set(found) == {"kilder/a/", "ordliste/#vpu"}
    assert 'data-pagefind-weight="3.50"' in found["kilder/a/"]  # the title's 7, halved
    assert '<h2 id="del"' in found["kilder/a/"]
    assert 'content="ordliste/#vpu"' in found["ordliste/#vpu"]


@pytest.mark.parametrize("spellings, short", [
    (["KB", "Kommunalbestyrelsen"], ["kb"]),
    (["ØU", "Økonomiudvalget"], ["ou"]),  # folded as the browser folds a query
    (["VPU", "IP", "Ældre- og Plejeudvalget"], ["ip"]),  # three letters need no exception
    (["ab c"], []),  # one word only
])
def test_short_glossary_names_are_the_only_short_queries(spellings: list[str],
                                                         short: list[str]) -> None:
    assert analysis.short_words(spellings) == short

"""Table-driven tests of the Danish word forms and index expansion behind the site search."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from macros import danish
from macros.search import expand_index, expansion_tokens, synonyms_from_terms


@pytest.mark.parametrize("word, stem", [
    ("borger", "borg"), ("borgeren", "borg"), ("borgerne", "borg"), ("borgernes", "borg"),
    ("borgere", "borg"), ("familie", "famili"), ("familien", "famili"),
    ("handleplanen", "handleplan"), ("handleplaner", "handleplan"), ("tilbuddet", "tilbud"),
    ("indsats", "indsats"), ("råd", "råd"), ("kommunens", "kommun"),
])
def test_stem(word: str, stem: str) -> None:
    assert danish.stem(word) == stem


@pytest.mark.parametrize("indexed, typed", [
    ("borger", "borgerne"), ("borger", "borgeren"), ("borgeren", "borgernes"),
    ("familie", "familier"), ("familie", "familien"), ("handleplanen", "handleplaner"),
    ("strategi", "strategien"), ("udvalg", "udvalgene"), ("udvalg", "udvalget"),
])
def test_every_typed_form_is_a_prefix_of_a_generated_form(indexed: str, typed: str) -> None:
    assert any(form.startswith(typed) for form in danish.inflections(indexed))


@pytest.mark.parametrize("word, vocabulary, part", [
    ("ledelsestilsyn", {"ledelse", "tilsyn"}, "tilsyn"),
    ("pårørenderåd", {"pårørende", "råd"}, "råd"),
    ("handicaprådet", {"handicap", "rådet"}, "rådet"),
    ("arbejdsmiljøet", {"arbejde", "miljø"}, "miljøet"),
])
def test_compound_parts(word: str, vocabulary: set[str], part: str) -> None:
    assert part in danish.compound_parts(word, vocabulary)


@pytest.mark.parametrize("word, vocabulary", [
    ("behandlingen", {"behandl", "ingen"}),  # "ingen" is a stop word, not a part
    ("tilsyn", {"til", "syn"}),  # too short to split
])
def test_no_false_compound_parts(word: str, vocabulary: set[str]) -> None:
    assert danish.compound_parts(word, vocabulary) == []


@pytest.mark.parametrize("word, ascii_form", [
    ("socialområdet", "socialomraadet"), ("børnemyndighed", "boernemyndighed"),
    ("fælles", "faelles"), ("høring", "hoering"),
])
def test_ascii_spelling(word: str, ascii_form: str) -> None:
    assert danish.ascii_spelling(word) == ascii_form


VPU = SimpleNamespace(id="vpu", term="VPU", fuld_form="Voksen- og Plejeudvalget",
                      forklaring="Det politiske udvalg.", varianter=["Voksen- og plejeudvalget"])
GROUPS = synonyms_from_terms([VPU])


@pytest.mark.parametrize("text, typed", [
    ("Sagen blev behandlet i VPU.", "plejeudvalget"),
    ("Sagen gik til Voksen- og Plejeudvalget.", "vpu"),
    ("Status sendes til (VPU) hvert år.", "voksen"),
    ("Det gælder børnemyndighed.", "boernemyndighed"),
    ("Borgeren er i centrum.", "borgernes"),
])
def test_expansion_tokens_let_the_typed_word_match(text: str, typed: str) -> None:
    tokens = expansion_tokens(text, danish.vocabulary([text]), GROUPS)
    own = danish.words(text)
    assert any(t.startswith(typed) for t in [*tokens, *own])


def test_kb_is_not_found_inside_other_words() -> None:
    kb = SimpleNamespace(id="kb", term="KB", fuld_form="Kommunalbestyrelsen",
                         forklaring="x", varianter=[])
    assert "kommunalbestyrelsen" not in expansion_tokens(
        "Webkbaser og kb.", set(), synonyms_from_terms([kb]))


def test_expand_index_adds_hidden_fields_and_glossary_results_after_the_page() -> None:
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "ordliste/", "title": "Ordliste", "text": "<p>Ord.</p>"},
            {"location": "plan/", "title": "Planen", "text": "<p>VPU godkender borgeren.</p>"},
        ],
    }
    expanded = expand_index(index, GROUPS)
    locations = [d["location"] for d in expanded["docs"]]
    assert locations == ["ordliste/", "ordliste/#vpu", "plan/"]
    assert set(expanded["config"]["fields"]) >= {"former", "titelformer"}
    plan = expanded["docs"][2]
    assert plan["text"] == "<p>VPU godkender borgeren.</p>"  # shown text unchanged
    assert "plejeudvalget" in plan["former"].split()
    assert expanded["docs"][1]["title"] == "VPU – Voksen- og Plejeudvalget"
    assert index["docs"][1].get("former") is None  # input left untouched

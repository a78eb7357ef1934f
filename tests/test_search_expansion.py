"""Table-driven tests of the Danish word forms and index expansion behind the site search."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from macros.search import danish
from macros.search.expansion import (
    GLOSSARY_BOOST,
    INITIATIVE_BOOST,
    REPEATED_BOOST,
    expand_index,
    expansion_tokens,
    synonyms_from_terms,
)
from macros.search.pruning import common_forms


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
    # The tail is a common noun: accepted even if the site never writes it alone.
    ("ledelsestilsyn", set(), "tilsyn"),
    ("vagtplanlægning", set(), "planlægning"),
    ("arbejdsmiljøet", set(), "miljøet"),
])
def test_compound_parts(word: str, vocabulary: set[str], part: str) -> None:
    assert part in danish.compound_parts(word, vocabulary)


@pytest.mark.parametrize("word, head", [
    ("familieområdet", "familie"), ("arbejdsmiljøet", "arbejde"), ("ledelsestilsyn", "ledelse"),
])
def test_compound_heads_that_are_common_nouns(word: str, head: str) -> None:
    assert danish.compound_heads(word, set()) == [head]


def test_socialområdet_has_no_noun_head() -> None:
    assert danish.compound_heads("socialområdet", set()) == []


@pytest.mark.parametrize("word, site, wanted, unwanted", [
    ("ledelse", ["ledelse", "ledelsen"], "ledelsernes", "ledelsets"),
    ("borger", ["borger", "borgeren"], "borgernes", "borgenes"),
    ("plan", ["plan", "planen"], "planets", "planerens"),
    ("maj", ["maj"], "maj", "majernes"),  # not seen inflected: no generated forms
])
def test_generated_forms_fit_the_word(word: str, site: list[str], wanted: str,
                                      unwanted: str) -> None:
    forms = danish.inflections(word, danish.forms_by_stem(site))
    assert any(f.startswith(wanted) for f in forms | {word})
    assert unwanted not in forms


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


def _index(*docs: tuple[str, str, str]) -> dict[str, Any]:
    return {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
            "docs": [{"location": loc, "title": title, "text": text} for loc, title, text in docs]}


def test_text_forms_are_indexed_once_per_page_without_what_the_page_shows() -> None:
    expanded = expand_index(_index(
        ("plan/", "Planen", "<p>Borgeren er i centrum.</p>"),
        ("plan/#a", "A", "<p>Borgeren og borgerne.</p>"),
        ("plan/#b", "B", "<p>Borgeren igen.</p>"),
    ), [])
    page, *sections = expanded["docs"]
    assert all("former" not in s for s in sections)
    hidden = page["former"].split()
    assert [t for t in hidden if t.startswith("borger")] == ["borgernes", "borgernes"]  # x2:
    # the page shows the word in two forms, so it is about borgere and counts double.
    assert "borgeren" not in hidden  # shown on the page: a prefix query finds it already


def test_glossary_page_text_moves_to_its_entries() -> None:
    index = _index(("ordliste/", "Ordliste",
                    "<p>Intro.</p> VPU (Voksen- og Plejeudvalget) Det politiske udvalg. Nævnt i "
                    "sag 1."))
    page, entry = expand_index(index, GROUPS)["docs"]
    assert page["text"] == "<p>Intro.</p>"
    assert entry["text"] == "<p>Det politiske udvalg. Nævnt i sag 1.</p>"
    assert entry["boost"] == GLOSSARY_BOOST


def test_boosts_for_initiative_sections_and_one_copy_of_repeated_cards() -> None:
    card = ("15. november 2022: KB godkender", "<p>Beslutning.</p>")
    expanded = expand_index(_index(
        ("tiltag/chefforum/", "Chefforum", ""), ("tiltag/chefforum/#fakta", "Fakta", "<p>x</p>"),
        ("beslutninger/", "Beslutninger", ""), ("beslutninger/#kb-titel", *card),
        ("beslutninger/#omu-titel", "12. september 2023: OMU", "<p>Godkendt.</p>"),
        ("processen/", "Processen", ""), ("processen/#kb-titel", *card),
        ("politisk-behandling/", "Politisk behandling", ""),
        ("politisk-behandling/#omu-titel", "12. september 2023: OMU", "<p>Godkendt.</p>"),
        ("politisk-behandling/#kommunalbestyrelsen", "Kommunalbestyrelsen", "<p>y</p>"),
    ), [])
    boosts = {d["location"]: d.get("boost", 1.0) for d in expanded["docs"]}
    assert boosts["tiltag/chefforum/"] == 1.0
    assert boosts["tiltag/chefforum/#fakta"] == INITIATIVE_BOOST
    # A meeting card shown on several pages is one result, on the page that shows fewest cards
    # (where it is part of the story), not in the complete list.
    assert boosts["processen/#kb-titel"] == REPEATED_BOOST
    assert "beslutninger/#kb-titel" not in boosts
    assert boosts["politisk-behandling/#kommunalbestyrelsen"] == 1.0


def test_title_synonyms_are_kept_apart_from_title_forms() -> None:
    doc = expand_index(_index(("x/", "VPU godkender", "")), GROUPS)["docs"][0]
    synonyms, forms = doc["titelsynonymer"].split(), doc.get("titelformer", "").split()
    assert any(t.startswith("plejeudvalget") for t in synonyms)
    assert not any(t.startswith("plejeudvalget") for t in forms)
    assert "og" not in synonyms  # a stop word: lunr drops it


def test_overview_pages_keep_their_summary_and_track_tables_stay_on_track_pages() -> None:
    expanded = expand_index(_index(
        ("gantt/", "Planen i tid", "<p>Diagrammet viser tiltagene.</p> Planen i tid: ét tiltag"),
        ("gantt/#planen-som-tabel", "Planen som tabel", "Tiltag Hvad Som skrevet"),
        ("plan/", "Tids- og procesplan", "<p>Planen.</p><p>Mere.</p>"),
        ("plan/#hvad-planen-prioriterer", "Hvad planen prioriterer", "<p>Fokus.</p>"),
        ("plan/#spor-organisering", "Organisering", "Tiltag Iværksættelse"),
        ("spor/organisering/", "Organisering", "<p>Sporet.</p>"),
    ), [], summary_pages={"gantt/"}, track_ids=["organisering"])
    docs = {d["location"]: d["text"] for d in expanded["docs"]}
    assert docs == {"gantt/": "<p>Diagrammet viser tiltagene.</p>",
                    "plan/": "<p>Planen.</p><p>Mere.</p>",
                    "plan/#hvad-planen-prioriterer": "<p>Fokus.</p>",
                    "spor/organisering/": "<p>Sporet.</p>"}


@pytest.mark.parametrize(("word", "not_a_part"), [
    ("planens", "ens"),  # an inflection ending, not the word "ens"
    ("pejlemærkerne", "erne"),
])
def test_inflection_endings_are_not_compound_parts(word: str, not_a_part: str) -> None:
    vocabulary = {word, "plan", "ens", "erne", "pejlemærke"}
    assert not_a_part not in danish.compound_parts(word, vocabulary)


def test_hidden_forms_shared_by_many_pages_are_left_out() -> None:
    # Every initiative page says "tids- og procesplanen"; one also says "handleplanen". A query
    # for "procesplanens" would list all of them in no useful order.
    pages = [["procesplanens", "tiltagets"] for _ in range(30)] + [["handleplanens"]]
    assert common_forms(pages) == {"procesplanens", "tiltagets"}
    assert common_forms(pages[:5]) == set()  # a small site keeps everything


def test_ascii_spellings_for_titles_and_glossary_names_not_for_every_word() -> None:
    doc = expand_index(_index(("x/", "Høringen", "<p>Sagen vedrører høringen og VPU.</p>")),
                       GROUPS)["docs"][0]
    assert "hoeringen" in doc["titelformer"].split()  # the title, typed without ø
    hidden = doc.get("former", "").split()
    assert "vedroerer" not in hidden  # a body word: no ASCII twin
    assert any(t.startswith("plejeudvalget") for t in doc.get("titelsynonymer", "").split()
               + hidden)


def test_a_heading_on_every_initiative_page_gets_no_forms() -> None:
    pages = []
    for i in range(8):
        pages += [(f"tiltag/t{i}/", f"Tiltag nummer {i}", "<p>x</p>"),
                  (f"tiltag/t{i}/#tidsplan", "Tidsplan", f"<p>{i}</p>")]
    docs = expand_index(_index(*pages), [])["docs"]
    assert not any("titelformer" in d for d in docs if d["title"] == "Tidsplan")

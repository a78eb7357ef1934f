"""Table-driven tests of how Material's parsed pages become the search's documents: the
glossary's entries as results of their own, one copy of a repeated card, overview pages by their
summary (macros/search/documents.py, pruning.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from macros.search.documents import page_docs
from macros.search.synonyms import synonyms_from_terms

VPU = SimpleNamespace(id="vpu", term="VPU", fuld_form="Ældre- og Plejeudvalget",
                      forklaring="Det politiske udvalg.", varianter=["Ældre- og plejeudvalget"])
GROUPS = synonyms_from_terms([VPU])


def _docs(*docs: tuple[str, str, str]) -> list[dict[str, Any]]:
    return [{"location": loc, "title": title, "text": text} for loc, title, text in docs]


def test_glossary_entries_follow_the_pages_and_take_their_text_from_the_glossary() -> None:
    given = _docs(("ordliste/", "Ordliste",
                   "<p>Intro.</p> VPU (Ældre- og Plejeudvalget) Det politiske udvalg. Nævnt i "
                   "sag 1."),
                  ("plan/", "Planen", "<p>VPU godkender borgeren.</p>"))
    docs = page_docs(given, GROUPS)
    assert [d["location"] for d in docs] == ["ordliste/", "plan/", "ordliste/#vpu"]
    page, plan, entry = docs
    assert page["text"] == "<p>Intro.</p>"
    assert entry["title"] == "VPU – Ældre- og Plejeudvalget"
    assert entry["text"] == "<p>Det politiske udvalg. Nævnt i sag 1.</p>"
    assert plan["text"] == "<p>VPU godkender borgeren.</p>"  # shown text unchanged
    assert given[0]["text"].startswith("<p>Intro.</p> VPU")  # input left untouched


def test_one_copy_of_a_card_shown_on_several_pages_on_the_page_that_shows_fewest() -> None:
    card = ("14. november 2022: KB godkender", "<p>Beslutning.</p>")
    docs = page_docs(_docs(
        ("beslutninger/", "Beslutninger", ""), ("beslutninger/#kb-titel", *card),
        ("beslutninger/#omu-titel", "11. september 2023: OMU", "<p>Godkendt.</p>"),
        ("processen/", "Processen", ""), ("processen/#kb-titel", *card),
        ("behandling/", "Politisk behandling", ""),
        ("behandling/#omu-titel", "11. september 2023: OMU", "<p>Godkendt.</p>"),
        ("behandling/#kommunalbestyrelsen", "Kommunalbestyrelsen", "<p>y</p>"),
    ), [])
    locations = [d["location"] for d in docs]
    # Where the card is part of the story, not in the complete list.
    assert "processen/#kb-titel" in locations
    assert "beslutninger/#kb-titel" not in locations
    assert "behandling/#kommunalbestyrelsen" in locations


def test_overview_pages_keep_their_summary_and_track_tables_stay_on_track_pages() -> None:
    docs = page_docs(_docs(
        ("gantt/", "Planen i tid", "<p>Diagrammet viser tiltagene.</p> Planen i tid: ét tiltag"),
        ("gantt/#planen-som-tabel", "Planen som tabel", "Tiltag Hvad Som skrevet"),
        ("plan/", "Tids- og procesplan", "<p>Planen.</p><p>Mere.</p>"),
        ("plan/#hvad-planen-prioriterer", "Hvad planen prioriterer", "<p>Fokus.</p>"),
        ("plan/#spor-organisering", "Organisering", "Tiltag Iværksættelse"),
        ("spor/organisering/", "Organisering", "<p>Sporet.</p>"),
    ), [], summary_pages={"gantt/"}, track_ids=["organisering"])
    assert {d["location"]: d["text"] for d in docs} == {
        "gantt/": "<p>Diagrammet viser tiltagene.</p>",
        "plan/": "<p>Planen.</p><p>Mere.</p>",
        "plan/#hvad-planen-prioriterer": "<p>Fokus.</p>",
        "spor/organisering/": "<p>Sporet.</p>"}

"""LIX against hand-counted texts: words, sentences, long words (> 6 letters) and the score."""

from __future__ import annotations

import pytest

from macros.editors.lix import lix

# (id, text, words, sentences, long words) – counted by hand.
CASES = [
    ("two-short-sentences", "Jeg så en hund. Den var stor!", 7, 2, 0),
    ("one-word-sentence-counts", "Ja. Kommunalbestyrelsen godkendte det.", 4, 2, 2),
    ("question-and-exclamation", "Hvad nu? Stop! Videre.", 4, 3, 0),
    ("colon-ends-a-sentence", "Status: planlagt.", 2, 2, 1),
    ("no-final-stop", "Strategien gælder i fem år", 5, 1, 1),
    ("run-of-marks-is-one-end", "Hvorfor?! Derfor...", 2, 2, 1),
    ("ordinal-date-is-not-an-end", "Mødet var den 14. november 2022.", 6, 1, 1),
    ("year-then-capital-is-an-end", "Det skete i 2023. Nu er det slut.", 8, 2, 0),
    ("number-and-iso-date", "Datoen 25.10.2023 og 2023-10-25 står her.", 6, 1, 0),
    ("abbreviations", "Fx. ledere, bl.a. chefer, kl. 10.", 6, 1, 0),
    ("hyphenated-compound", "MED-systemet virker.", 2, 1, 1),
    ("exactly-six-is-short", "Planer skrives altid.", 3, 1, 1),
    ("danish-letters-count", "Økonomiudvalget mødes på rådhuset.", 4, 1, 2),
    ("empty", "", 0, 0, 0),
    ("only-punctuation", "… – !?", 0, 0, 0),
]


@pytest.mark.parametrize(("text", "words", "sentences", "long_words"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_counts(text: str, words: int, sentences: int, long_words: int) -> None:
    result = lix(text)
    assert (result.words, result.sentences, result.long_words) == (words, sentences, long_words)


@pytest.mark.parametrize(("text", "score"), [
    ("Jeg så en hund. Den var stor!", 3.5),  # 7/2 + 0
    ("Ja. Kommunalbestyrelsen godkendte det.", 52.0),  # 4/2 + 100*2/4
    ("Mødet var den 14. november 2022.", 6 + 100 / 6),  # 6/1 + 100*1/6
    ("", 0.0),
])
def test_score(text: str, score: float) -> None:
    assert lix(text).score == pytest.approx(score)


@pytest.mark.parametrize(("text", "level"), [
    ("Jeg så en hund.", "meget let"),  # 4
    ("Kommunalbestyrelsen godkendte forslaget i Ældre- og Plejeudvalget.", "meget svær"),
])
def test_level(text: str, level: str) -> None:
    assert lix(text).level == level

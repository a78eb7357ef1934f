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


# --- LIX of a built page: what a reader reads (macros/editors/page_lix.py) ------------------

def article(body: str) -> str:
    """A page as Material lays it out: chrome around the article."""
    return (f"<html><body><header><p>Sidehoved med menu</p></header><nav>Navigation</nav>"
            f"<article class='md-content__inner'>{body}</article>"
            f"<footer><p>Sidefod</p></footer></body></html>")


# (id, html of the article, the prose read, in blocks)
PROSE_CASES = [
    ("only-the-article", "<p>Vi skriver kort.</p>", ["Vi skriver kort."]),
    ("block-without-stop-ends-a-sentence", "<h2>Status</h2><p>Alt går godt</p>",
     ["Status.", "Alt går godt."]),
    ("inline-elements-join", "<p>Se <a href='x'>planen</a> og <strong>status</strong>.</p>",
     ["Se planen og status."]),
    ("blockquote-left-out", "<p>Udvalget skrev:</p><blockquote><p>Lang tekst.</p></blockquote>",
     ["Udvalget skrev:"]),
    ("q-left-out", "<p>Titlen blev <q>Kommunalbestyrelsesbeslutningen</q>.</p>",
     ["Titlen blev ."]),
    ("data-citat-left-out", "<ul><li><a data-citat href='t'>Ansættelse af fagchefer</a>: "
     "i gang</li></ul>", [": i gang."]),
    ("tables-and-code-left-out",
     "<p>Før.</p><table><tr><td>Celle</td></tr></table><pre><code>kode()</code></pre><p>Efter.</p>",
     ["Før.", "Efter."]),
    ("heading-anchor-and-hidden-left-out",
     "<h2>Mål<a class='headerlink' href='#m'>¶</a></h2><p hidden>Skjult.</p>", ["Mål."]),
    ("void-elements-do-not-open", "<p>Linje et<br>linje to.</p>", ["Linje et.", "linje to."]),
]


@pytest.mark.parametrize(("body", "blocks"), [c[1:] for c in PROSE_CASES],
                         ids=[c[0] for c in PROSE_CASES])
def test_reader_prose(body: str, blocks: list[str]) -> None:
    from macros.editors.page_lix import reader_blocks

    assert reader_blocks(article(body)) == blocks


def test_each_block_ends_its_sentence() -> None:
    """A date heading and a lower-case label after it are two sentences, not one."""
    from macros.editors.page_lix import page_lix

    result = page_lix(article("<p>1. maj 2026</p><p>i Nyheder</p>"))
    assert (result.words, result.sentences) == (5, 2)


def test_a_page_is_measured_from_min_words_of_prose(tmp_path) -> None:
    from macros.editors.page_lix import MIN_WORDS, site_lix

    for rel, words in (("kort", MIN_WORDS - 1), ("lang", MIN_WORDS)):
        (tmp_path / rel).mkdir()
        (tmp_path / rel / "index.html").write_text(article("<p>" + "ord " * words + "</p>"))
    quoted = "<blockquote><p>" + "citat " * 500 + "</p></blockquote>"
    (tmp_path / "index.html").write_text(article(quoted + "<p>Kort.</p>"))
    measured = {p.url: p.measured for p in site_lix(tmp_path)}
    assert measured == {"": False, "kort/": False, "lang/": True}

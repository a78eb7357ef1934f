"""Dates and periods in search (macros/search/dates.py at index time, `dates` in
overrides/assets/javascripts/soeg-analyse.js at query time): however a date or period is
written on a page and however a person types it, the query asks for what the index holds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.search import dates
from macros.search.analysis import TWIN_MARK
from macros.search.records import record_html

QUERY_SIDE = Path(__file__).resolve().parent.parent / "overrides/assets/javascripts/soeg-analyse.js"

# (typed, sent to Pagefind): each form sent as its token, a year with a week or a quarter as a
# word of its own.
TYPED = [
    ("14. marts 2031", "20310314"), ("14 marts 2031", "20310314"), ("14. mar. 2031", "20310314"),
    ("14/3-2031", "20310314"), ("14/3/2031", "20310314"), ("14/3-31", "20310314"),
    ("14.03.2031", "20310314"), ("14-03-2031", "20310314"), ("2031-03-14", "20310314"),
    ("14/3 2031", "20310314"), ("14. marts", "marts14"), ("14/3", "marts14"),
    ("3. sep.", "september03"), ("marts 2031", "203103"), ("Mar. 2031", "203103"),
    ("januar–marts 2031", "203101 203103"), ("dec. - feb. 2031", "203012 203102"),
    ("uge 9", "uge09"), ("uge 9 2031", "uge09 2031"), ("uge 9, 2031", "uge09 2031"),
    ("u9", "uge09"), ("uge09", "uge09"), ("2031-W09", "uge09 2031"),
    ("primo uge 9.", "primo uge09"),
    ("3. kvartal 2031", "kvartal3 2031"), ("3 kvartal 2031", "kvartal3 2031"),
    ("tredje kvartal 2031", "kvartal3 2031"), ("Q3 2031", "kvartal3 2031"),
    ("2031-Q3", "kvartal3 2031"), ("3. kvt. 2031", "kvartal3 2031"), ("3. kvartal", "kvartal3"),
    ("2. halvår 2031", "halvar2 2031"), ("andet halvår 2031", "halvar2 2031"),
    ("1. halvaar 2031", "halvar1 2031"), ("første halvår", "halvar1"),
    ("2031-2032", "20312032"), ("2031–2032", "20312032"), ("2031 - 2032", "20312032"),
    ("2031/32", "20312032"), ("2031-32", "20312032"), ("2031 til 2032", "20312032"),
    ("møde 14/3-2031 i VPU", "møde 20310314 i vpu"),
]
# Not dates or periods: left as typed (lower case), for Pagefind's own handling.
NOT_DATES = ["31/7776", "99754/31", "31/2", "30/2-2031", "2031-12 draft", "kl. 10.30-12.00",
             "Q5 2031", "uge 54", "jul 2031", "2032-2031", "1.234.567 kr."]
# A page's way of writing a date or period, and ways a person types it.
WRITTEN = [
    ("Mødet 14. marts 2031.", ["14/3-2031", "2031-03-14", "14.03.2031", "14. mar. 2031",
                               "14. marts", "14/3", "marts 2031", "mar. 2031", "2031-03"]),
    ("Mødet 14/3-2031.", ["14. marts 2031", "2031-03-14", "14/3", "marts 2031"]),
    ("Filen «notat 14.03.31.pdf».", ["14/3-2031", "14. marts 2031"]),
    ("Primo uge 9. og uge 40 2031", ["uge 9", "uge 9 2031", "2031-W09", "uge 40, 2031", "u40"]),
    ("Planlagt til 3. kvartal 2031.", ["Q3 2031", "tredje kvartal 2031", "3 kvartal", "2031-Q3"]),
    ("Primo 1 kvartal 2031", ["1. kvartal 2031", "Q1 2031", "første kvartal"]),
    ("Opstart 2. halvår 2031", ["andet halvår 2031", "2. halvaar 2031", "2. halvår"]),
    ("Strategien for 2031-2032.", ["2031–2032", "2031 - 2032", "2031/32", "2031-32"]),
    ("Proces 2031 – 2032", ["2031-2032", "2031/2032", "2031 til 2032"]),
    ("Dec. - feb. 2032", ["december 2031", "februar 2032", "dec 2031"]),
    ("september 2031–marts 2032", ["sep. 2031", "marts 2032"]),
]


@pytest.mark.parametrize("typed, sent", TYPED)
def test_a_typed_date_is_sent_as_its_token(typed: str, sent: str) -> None:
    assert dates.query_form(typed) == sent


@pytest.mark.parametrize("typed", NOT_DATES)
def test_what_is_no_date_is_left_as_typed(typed: str) -> None:
    assert dates.query_form(typed) == typed.lower()
    assert dates.with_twins(typed) == typed


@pytest.mark.skipif(shutil.which("node") is None, reason="node findes ikke")
def test_the_browser_rewrites_dates_as_the_index_writes_them() -> None:
    typed = [t for t, _ in TYPED] + NOT_DATES + [t for _, forms in WRITTEN for t in forms]
    script = (f"const a = require({json.dumps(str(QUERY_SIDE))});"
              f"console.log(JSON.stringify({json.dumps(typed)}.map(a.dates)))")
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [dates.query_form(t) for t in typed]


def _words(text: str) -> list[str]:
    """The words Pagefind indexes of a text, or searches for of a query: split at spaces,
    without punctuation or the twins' mark, lower case ("2031-03" -> "203103")."""
    return [w for chunk in text.split() if (w := re.sub(r"[^\w]", "", chunk).lower())]


def _finds(held: list[str], sent: list[str]) -> bool:
    # Pagefind matches each query word as the beginning of an indexed word ("203103" finds
    # "20310314"), and every query word must be found.
    return all(any(h.startswith(w) for h in held) for w in sent)


@pytest.mark.parametrize("written, typed", [(w, t) for w, forms in WRITTEN for t in forms])
def test_every_typed_form_finds_the_written_one(written: str, typed: str) -> None:
    held = _words(dates.with_twins(written))
    sent = _words(dates.query_form(typed))
    assert _finds(held, sent), f"{typed!r} -> {sent}; indekseret: {held}"


def test_a_typed_form_does_not_match_the_tokens_of_another_date() -> None:
    held = _words(dates.with_twins("uge 40 2031, 14. marts 2031, 1. kvartal 2031"))
    for typed in ("uge 4", "4/3-2031", "14/3-2032", "Q2 2031", "14. april", "2031-2032"):
        assert not _finds(held, _words(dates.query_form(typed))), typed


def test_twins_follow_the_phrase_before_its_punctuation() -> None:
    assert dates.with_twins("Primo uge 9. og 14. marts 2031.") == (
        f"Primo uge 9 {TWIN_MARK}uge09. og 14. marts 2031 {TWIN_MARK}20310314 "
        f"{TWIN_MARK}marts14.")


def test_the_search_record_carries_the_date_tokens() -> None:
    page = record_html("plan/", [{"location": "plan/", "title": "Planen",
                                  "text": "<p>Møde <b>14/3-2031</b> og uge 9 2031.</p>"}],
                       [], _vocabulary())
    assert f"14/3-2031 {TWIN_MARK}20310314 {TWIN_MARK}marts14</b>" in page
    assert f"uge 9 2031 {TWIN_MARK}uge09." in page


def _vocabulary():  # type: ignore[no-untyped-def]
    from macros.search.analysis import Vocabulary
    return Vocabulary(["møde uge"], danish=frozenset())


@pytest.mark.skipif(shutil.which("node") is None, reason="node findes ikke")
def test_a_result_can_mark_the_whole_date_its_token_matched() -> None:
    # soegning.js marks the words of the phrase a marked twin ends, found by dateStart.
    texts = ["Mødet den 14. marts 2031.", "primo uge 9.", "i 2031-2032", "Q3 2031:", "sag 31/7776",
             "Høringen"]
    script = (f"const a = require({json.dumps(str(QUERY_SIDE))});"
              f"console.log(JSON.stringify({json.dumps(texts)}.map(a.dateStart)))")
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [10, 6, 2, 0, -1, -1]

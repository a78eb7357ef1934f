"""The drawn periods and milestones are the plan as written: they cannot contradict the row.

Every phrase of an initiative's written cells must be drawn (or named in 'ikke_tegnet' with a
reason; 'fortolkning' excuses nothing), and every drawn period and milestone must begin and end
where a written phrase does: the rules on made-up rows. The seeded mutations of this
strategy's drawings and the issue's two examples (its plan's cells, refused by the check and
the build) are content tests: tests/indhold/test_indhold_drawn_periods.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from macros.data import model
from macros.data.periods import parse_period
from macros.data.writtendates import drawing_problems, readings


def initiative(**fields: Any) -> model.Tiltag:
    """A made-up initiative (test data, not a fact of the plan)."""
    base = {"id": "test", "titel": "Test", "spor": "test",
            "kilde": {"dokument": "test-plan", "sted": "Række 1"}}
    return model.Tiltag.model_validate({**base, **fields})


def problems(t: model.Tiltag, fallback: int | None = None) -> list[str]:
    return [f"{'.'.join(map(str, loc))}: {message}"
            for loc, message in drawing_problems(t, fallback)]


# -- the rules on made-up rows ----------------------------------------------------------------


def test_fortolkning_no_longer_excuses_a_drawing_that_contradicts_the_row() -> None:
    t = initiative(tidspunkt="Opstart proces feb./marts 2023",
                   perioder=[{"tekst": "1. halvår 2203"}],
                   fortolkning='"feb./marts 2023" er læst som perioden februar–marts 2023.')
    found = problems(t)
    assert any(p.startswith("tidspunkt: tidsangivelsen «feb./marts 2023»") for p in found)
    assert any(p.startswith("perioder.0.tekst: «1. halvår 2203»") and "statusrunden" in p
               for p in found)


def test_a_phrase_may_stay_undrawn_only_when_ikke_tegnet_names_it() -> None:
    written = {"tidspunkt": "Proces i 2023. Styregruppen mødes uge 40 2023.",
               "perioder": [{"tekst": "2023"}]}
    assert any("«uge 40 2023»" in p for p in problems(initiative(**written)))
    undrawn = [{"tidsangivelse": "uge 40 2023", "begrundelse": "Styregruppens møde."}]
    assert problems(initiative(**written, ikke_tegnet=undrawn)) == []
    wrong = [{"tidsangivelse": "uge 41 2023", "begrundelse": "Styregruppens møde."}]
    assert any(p.startswith("ikke_tegnet.0.tidsangivelse: «uge 41 2023» står ikke")
               for p in problems(initiative(**written, ikke_tegnet=wrong)))
    drawn = [{"tidsangivelse": "2023", "begrundelse": "Ingen."}]
    assert any(p.startswith("ikke_tegnet.0.tidsangivelse: «2023» er tegnet")
               for p in problems(initiative(**written, ikke_tegnet=drawn)))


def test_a_milestone_hidden_under_a_wider_period_is_not_drawn() -> None:
    t = initiative(tidspunkt="Opstart forår 2023. Proces i 2023 og 2024.",
                   perioder=[{"tekst": "2023 – 2024"}])
    found = problems(t)
    assert len(found) == 1 and found[0].startswith("tidspunkt: tidsangivelsen «forår 2023»")


@pytest.mark.parametrize(("cell", "row", "fallback", "phrase", "read_as"), [
    ("Den 29. marts og 27. sep. 2023.", {}, None, "29. marts", "29. marts 2023"),
    ("Dec.: Konstituering pr. 1. januar 2023.", {}, None, "Dec.", "december 2022"),
    ("1. juni 2023 og så Dec.", {}, None, "Dec.", "december 2023"),
    ("Dec. - feb.: Opslag", {}, 2023, "Dec. - feb.", "december 2022 – februar 2023"),
    ("April: Samtaler", {"bemaerkning": "Forløbet slutter 2024."}, 2023, "April", "april 2024"),
])
def test_a_yearless_phrase_is_read_with_the_years_of_its_cell_and_row(
        cell: str, row: dict[str, str], fallback: int | None, phrase: str, read_as: str) -> None:
    t = initiative(tidspunkt=cell, **row)
    reading = next(r for r in readings(t, fallback) if r.phrase.text == phrase)
    assert [p.start for p in reading.periods] == [parse_period(read_as).start]


def test_a_yearless_phrase_is_never_read_with_the_years_of_the_drawing() -> None:
    t = initiative(tidspunkt="Den 29. marts og 27. sep. 2023.",
                   milepaele=[{"dato": "29. marts 2025", "titel": "A"},
                              {"dato": "27. sep. 2023", "titel": "B"}])
    assert any(p.startswith("tidspunkt: tidsangivelsen «29. marts»") for p in problems(t))

"""Table-driven tests for the Danish planning-period parser in macros/data/periods.py."""

from __future__ import annotations

from datetime import date

import pytest

from macros.data.periods import (
    MONTHS_DA,
    Period,
    PeriodError,
    Precision,
    format_date_da,
    parse_period,
    period_label,
)

D = date
P = Precision

# (id, text, default_year, start, end, precision)
# fmt: off
VALID = [
    # quarters
    ("q1", "1. kvartal 2023", None, D(2023, 1, 1), D(2023, 3, 31), P.QUARTER),
    ("q2-no-dot", "2 kvartal 2023", None, D(2023, 4, 1), D(2023, 6, 30), P.QUARTER),
    ("q3", "3. kvartal 2023", None, D(2023, 7, 1), D(2023, 9, 30), P.QUARTER),
    ("q4", "4. kvartal 2023", None, D(2023, 10, 1), D(2023, 12, 31), P.QUARTER),
    ("q-ordinal-word", "tredje kvartal 2024", None, D(2024, 7, 1), D(2024, 9, 30), P.QUARTER),
    ("q-default-year", "1. kvartal", 2025, D(2025, 1, 1), D(2025, 3, 31), P.QUARTER),
    # half-years
    ("h1", "1. halvår 2023", None, D(2023, 1, 1), D(2023, 6, 30), P.HALF_YEAR),
    ("h2", "2. halvår 2023", None, D(2023, 7, 1), D(2023, 12, 31), P.HALF_YEAR),
    ("h1-word", "første halvår 2023", None, D(2023, 1, 1), D(2023, 6, 30), P.HALF_YEAR),
    ("h2-word", "andet halvår 2023", None, D(2023, 7, 1), D(2023, 12, 31), P.HALF_YEAR),
    ("h1-default", "første halvår", 2024, D(2024, 1, 1), D(2024, 6, 30), P.HALF_YEAR),
    ("h2-default", "andet halvår", 2024, D(2024, 7, 1), D(2024, 12, 31), P.HALF_YEAR),
    ("h-ascii", "1. halvaar 2023", None, D(2023, 1, 1), D(2023, 6, 30), P.HALF_YEAR),
    # ISO weeks
    ("week", "uge 15 2023", None, D(2023, 4, 10), D(2023, 4, 16), P.WEEK),
    ("week-comma", "uge 15, 2023", None, D(2023, 4, 10), D(2023, 4, 16), P.WEEK),
    ("week-40", "uge 40 2023", None, D(2023, 10, 2), D(2023, 10, 8), P.WEEK),
    ("week-53-2020", "uge 53 2020", None, D(2020, 12, 28), D(2021, 1, 3), P.WEEK),
    ("week-53-2026", "uge 53 2026", None, D(2026, 12, 28), D(2027, 1, 3), P.WEEK),
    ("week-1-prev-year", "uge 1 2025", None, D(2024, 12, 30), D(2025, 1, 5), P.WEEK),
    # seasons
    ("spring", "forår 2023", None, D(2023, 3, 1), D(2023, 5, 31), P.SEASON),
    ("spring-def", "foråret 2023", None, D(2023, 3, 1), D(2023, 5, 31), P.SEASON),
    ("summer", "sommer 2023", None, D(2023, 6, 1), D(2023, 8, 31), P.SEASON),
    ("autumn", "efterår 2023", None, D(2023, 9, 1), D(2023, 11, 30), P.SEASON),
    ("autumn-def", "Efteråret 2023", None, D(2023, 9, 1), D(2023, 11, 30), P.SEASON),
    ("winter", "vinter 2023", None, D(2023, 12, 1), D(2024, 2, 29), P.SEASON),
    # months
    ("month-full", "marts 2023", None, D(2023, 3, 1), D(2023, 3, 31), P.MONTH),
    ("month-sep", "sep. 2023", None, D(2023, 9, 1), D(2023, 9, 30), P.MONTH),
    ("month-Sept", "Sept. 2023", None, D(2023, 9, 1), D(2023, 9, 30), P.MONTH),
    ("month-okt", "okt. 2023", None, D(2023, 10, 1), D(2023, 10, 31), P.MONTH),
    ("month-feb-default", "feb.", 2024, D(2024, 2, 1), D(2024, 2, 29), P.MONTH),
    ("month-januar-default", "januar", 2023, D(2023, 1, 1), D(2023, 1, 31), P.MONTH),
    ("month-jan-default", "jan", 2023, D(2023, 1, 1), D(2023, 1, 31), P.MONTH),
    ("month-dec-default", "dec.", 2023, D(2023, 12, 1), D(2023, 12, 31), P.MONTH),
    ("month-upper", "MAJ 2023", None, D(2023, 5, 1), D(2023, 5, 31), P.MONTH),
    ("whitespace-dot", "  marts   2023.  ", None, D(2023, 3, 1), D(2023, 3, 31), P.MONTH),
    # dates
    ("date-dot", "25. maj 2023", None, D(2023, 5, 25), D(2023, 5, 25), P.DAY),
    ("date-nodot", "25 maj 2023", None, D(2023, 5, 25), D(2023, 5, 25), P.DAY),
    ("date-dmy", "25-10-2023", None, D(2023, 10, 25), D(2023, 10, 25), P.DAY),
    ("date-iso", "2023-10-25", None, D(2023, 10, 25), D(2023, 10, 25), P.DAY),
    ("date-dmy-dots", "25.10.2023", None, D(2023, 10, 25), D(2023, 10, 25), P.DAY),
    ("date-jan-1", "1. januar 2023", None, D(2023, 1, 1), D(2023, 1, 1), P.DAY),
    ("date-leap", "29. februar 2024", None, D(2024, 2, 29), D(2024, 2, 29), P.DAY),
    # whole years
    ("year", "2025", None, D(2025, 1, 1), D(2025, 12, 31), P.YEAR),
    # ranges
    ("range-months", "marts – september 2023", None, D(2023, 3, 1), D(2023, 9, 30), P.MONTH),
    ("range-hyphen", "marts-september 2023", None, D(2023, 3, 1), D(2023, 9, 30), P.MONTH),
    ("range-years", "2023-2024", None, D(2023, 1, 1), D(2024, 12, 31), P.YEAR),
    ("range-years-sp", "2023 - 2024", None, D(2023, 1, 1), D(2024, 12, 31), P.YEAR),
    ("range-emdash", "2023—2024", None, D(2023, 1, 1), D(2024, 12, 31), P.YEAR),
    ("range-season-quarter", "efterår 2023 – 1. kvartal 2024", None, D(2023, 9, 1),
     D(2024, 3, 31), P.SEASON),
    ("range-half-month", "1. halvår 2023 - sep. 2023", None, D(2023, 1, 1), D(2023, 9, 30),
     P.HALF_YEAR),
    ("range-wrap", "dec. - feb. 2024", None, D(2023, 12, 1), D(2024, 2, 29), P.MONTH),
    ("range-reverse-rule", "september – marts 2023", None, D(2022, 9, 1), D(2023, 3, 31),
     P.MONTH),
    ("range-default", "Jan - marts", 2023, D(2023, 1, 1), D(2023, 3, 31), P.MONTH),
    ("range-default-wrap", "dec. - feb.", 2024, D(2023, 12, 1), D(2024, 2, 29), P.MONTH),
    ("range-fra-til", "fra marts til juni 2023", None, D(2023, 3, 1), D(2023, 6, 30), P.MONTH),
    ("range-til-og-med", "marts til og med juni 2023", None, D(2023, 3, 1), D(2023, 6, 30),
     P.MONTH),
    ("range-left-year", "dec. 2023 - feb.", None, D(2023, 12, 1), D(2024, 2, 29), P.MONTH),
    ("range-days", "10.–16. april 2023", None, D(2023, 4, 10), D(2023, 4, 16), P.DAY),
    ("range-dates", "25. maj – 3. juni 2023", None, D(2023, 5, 25), D(2023, 6, 3), P.DAY),
    ("range-iso-dates", "2023-10-25 - 2023-11-02", None, D(2023, 10, 25), D(2023, 11, 2),
     P.DAY),
    ("range-weeks-wrap", "uge 52 - uge 2 2025", None, D(2024, 12, 23), D(2025, 1, 12), P.WEEK),
    # open ends
    ("open-lobende", "løbende fra 1. halvår 2023", None, D(2023, 1, 1), None, P.HALF_YEAR),
    ("open-og-frem", "fra 2. halvår 2024 og frem", None, D(2024, 7, 1), None, P.HALF_YEAR),
    ("open-fra", "fra marts 2023", None, D(2023, 3, 1), None, P.MONTH),
    ("open-both", "Løbende fra 1. halvår 2023 og frem", None, D(2023, 1, 1), None, P.HALF_YEAR),
    ("open-fra-og-med", "fra og med 25. maj 2023", None, D(2023, 5, 25), None, P.DAY),
    # primo / medio / ultimo
    ("primo-month", "primo marts 2023", None, D(2023, 3, 1), D(2023, 3, 10), P.THIRD),
    ("medio-month", "medio marts 2023", None, D(2023, 3, 11), D(2023, 3, 20), P.THIRD),
    ("ultimo-month", "ultimo marts 2023", None, D(2023, 3, 21), D(2023, 3, 31), P.THIRD),
    ("ultimo-feb-leap", "ultimo februar 2024", None, D(2024, 2, 21), D(2024, 2, 29), P.THIRD),
    ("primo-quarter", "Primo 4. kvartal 2023", None, D(2023, 10, 1), D(2023, 10, 31), P.THIRD),
    ("medio-quarter", "medio 4. kvartal 2023", None, D(2023, 11, 1), D(2023, 11, 30), P.THIRD),
    ("ultimo-quarter", "ultimo 4. kvartal 2023", None, D(2023, 12, 1), D(2023, 12, 31),
     P.THIRD),
    ("primo-half", "primo 1. halvår 2023", None, D(2023, 1, 1), D(2023, 2, 28), P.THIRD),
    ("medio-half", "medio 1. halvår 2023", None, D(2023, 3, 1), D(2023, 4, 30), P.THIRD),
    ("ultimo-half", "ultimo 1. halvår 2023", None, D(2023, 5, 1), D(2023, 6, 30), P.THIRD),
    ("primo-year", "primo 2024", None, D(2024, 1, 1), D(2024, 4, 30), P.THIRD),
    ("medio-year", "medio 2024", None, D(2024, 5, 1), D(2024, 8, 31), P.THIRD),
    ("ultimo-year", "ultimo 2024", None, D(2024, 9, 1), D(2024, 12, 31), P.THIRD),
    ("primo-week", "Primo uge 15 2023", None, D(2023, 4, 10), D(2023, 4, 16), P.WEEK),
    ("ultimo-week", "ultimo uge 15 2023", None, D(2023, 4, 10), D(2023, 4, 16), P.WEEK),
    ("medio-winter", "medio vinter 2023", None, D(2024, 1, 1), D(2024, 1, 31), P.THIRD),
    ("ultimo-range", "primo marts - ultimo juni 2023", None, D(2023, 3, 1), D(2023, 6, 30),
     P.THIRD),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "default_year", "start", "end", "precision"),
    [pytest.param(*row[1:], id=row[0]) for row in VALID],
)
def test_parse_valid(text, default_year, start, end, precision):
    period = parse_period(text, default_year=default_year)
    assert (period.start, period.end, period.precision) == (start, end, precision)
    assert period.text == text  # kept unchanged
    assert period.is_open is (end is None)


# (id, text, fragment of the Danish reason)
INVALID = [
    ("quarter-5", "5. kvartal 2023", "kvartal skal være 1–4"),
    ("quarter-0", "0. kvartal 2023", "kvartal skal være 1–4"),
    ("half-3", "3. halvår 2023", "halvår skal være 1 eller 2"),
    ("week-54", "uge 54 2023", "uge skal være 1–53"),
    ("week-54-2020", "uge 54 2020", "uge skal være 1–53"),
    ("week-53-2023", "uge 53 2023", "2023 har 52 uger"),
    ("feb-31", "31. februar 2023", "datoen 31. februar 2023 findes ikke"),
    ("feb-29-no-leap", "29. februar 2023", "2023 er ikke skudår"),
    ("misspelt-season", "efteråt 2024", 'mente du "efterår"?'),
    ("misspelt-quarter", "kvartl 2023", 'mente du "kvartal"?'),
    ("misspelt-month", "marst 2023", 'mente du "marts"?'),
    ("empty", "", "teksten er tom"),
    ("whitespace", "   ", "teksten er tom"),
    ("random", "snart", 'ukendt ord "snart"'),
    ("reversed-years", "2024-2023", "slutter før den begynder"),
    ("reversed-days", "25. maj - 3. maj 2023", "slutter før den begynder"),
    ("bad-dmy", "13-13-2023", "måned skal være 1–12"),
    ("no-year-month", "feb.", "tilføj et årstal"),
    ("no-year-half", "første halvår", "tilføj et årstal"),
    ("no-year-range", "Jan - marts", "tilføj et årstal"),
    ("two-separators", "marts - juni - august 2023", "kun være én bindestreg"),
    ("missing-end", "fra marts 2023 til", "mangler en start eller en slutning"),
    ("range-and-open", "fra 2023 - 2024 og frem", '"og frem"'),
    ("primo-date", "primo 25. maj 2023", "enkelt dato"),
    ("day-only", "26.", "dagstal alene"),
    ("week-no-number", "uge 2023", "ikke til nogen kendt form"),
    ("year-first", "2023 marts", "ikke til nogen kendt form"),
    ("odd-char", "1/2 2023", 'uventet tegn "/"'),
    ("english-month", "oct 2023", 'ukendt ord "oct"'),
    ("only-fra", "fra", "mangler en periode"),
    ("lobende-without-fra", "løbende 2023", 'skriv "løbende fra"'),
    ("only-til", "til juni 2023", "mangler en start eller en slutning"),
    ("day-then-month", "10. - april 2023", "kun stå foran en dato"),
    ("year-out-of-range", "9999", "uden for det gyldige område"),
]


@pytest.mark.parametrize(
    ("text", "fragment"), [pytest.param(*row[1:], id=row[0]) for row in INVALID]
)
def test_parse_invalid(text, fragment):
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    message = str(info.value)
    assert message.startswith(f'kan ikke læse perioden "{text.strip()}": ')
    assert fragment in message
    assert 'Gyldige former er fx "1. kvartal 2024"' in message
    assert info.value.text == text.strip()
    assert isinstance(info.value, ValueError)


def test_error_message_format():
    with pytest.raises(PeriodError) as info:
        parse_period("5. kvartal 2023")
    assert str(info.value) == (
        'kan ikke læse perioden "5. kvartal 2023": kvartal skal være 1–4. Gyldige former er fx '
        '"1. kvartal 2024", "2. halvår 2023", "uge 15 2023", "efterår 2023", "marts 2023", '
        '"14. maj 2023", "2025", "marts – september 2023", "primo marts 2023", '
        '"løbende fra 1. halvår 2023".'
    )


def test_default_year_does_not_override_explicit_year():
    assert parse_period("marts 2023", default_year=2030).start == D(2023, 3, 1)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(D(2023, 10, 25), "25. oktober 2023", id="october"),
        pytest.param(D(2024, 1, 1), "1. januar 2024", id="no-leading-zero"),
        pytest.param(D(2024, 2, 29), "29. februar 2024", id="leap-day"),
    ],
)
def test_format_date_da(d, expected):
    assert format_date_da(d) == expected


def test_months_da():
    assert len(MONTHS_DA) == 12
    assert MONTHS_DA[2] == "marts"
    assert all(m == m.lower() for m in MONTHS_DA)


# fmt: off
LABELS = [
    ("single-month", "maj 2023", "maj 2023"),
    ("single-day", "25. maj 2023", "25. maj 2023"),
    ("months-same-year", "2. halvår 2023", "juli–december 2023"),
    ("months-across-years", "dec. - feb. 2024", "december 2023–februar 2024"),
    ("whole-year", "2025", "2025"),
    ("whole-years", "2023-2024", "2023–2024"),
    ("week", "uge 15 2023", "10.–16. april 2023"),
    ("week-across-years", "uge 1 2025", "30. december 2024 – 5. januar 2025"),
    ("days-same-year", "25. maj – 3. juni 2023", "25. maj – 3. juni 2023"),
    ("days-across-years", "26. november 2023 - 29. februar 2024",
     "26. november 2023 – 29. februar 2024"),
    ("primo", "primo marts 2023", "1.–10. marts 2023"),
    ("open-month", "fra 2. halvår 2024 og frem", "fra juli 2024 og frem"),
    ("open-lobende", "løbende fra 1. halvår 2023", "fra januar 2023 og frem"),
    ("open-day", "fra 25. maj 2023", "fra 25. maj 2023 og frem"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(*row[1:], id=row[0]) for row in LABELS]
)
def test_labels(text, expected):
    period = parse_period(text)
    assert period_label(period) == expected
    assert period.resolved_label() == expected


def test_label_round_trips():
    for _, text, _label in LABELS:
        period = parse_period(text)
        again = parse_period(period.resolved_label())
        assert (again.start, again.end) == (period.start, period.end)


def test_period_is_frozen():
    period = Period(D(2023, 1, 1), None, "fra 2023", Precision.YEAR)
    with pytest.raises(AttributeError):
        period.start = D(2024, 1, 1)  # type: ignore[misc]

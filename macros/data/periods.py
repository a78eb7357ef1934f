"""Parse Danish planning-period texts into concrete, inclusive date ranges.

Plans and status reports describe *when* something happens with free Danish phrases such as
"1. kvartal 2024", "uge 15 2023", "efterår 2023", "primo marts 2023", "dec. – feb. 2024" or
"løbende fra 1. halvår 2023". `parse_period` turns such a text into a `Period` with an inclusive
start and end date (`end` is None for open-ended periods), and `period_label` renders the
resolved range back as Danish text. Anything that cannot be read with certainty raises
`PeriodError`, whose message is a Danish hint naming the text and showing valid forms.

Only the standard library is used, so the module can be imported and tested without MkDocs.
"""

from __future__ import annotations

import calendar
import difflib
import functools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

MONTHS_DA: tuple[str, ...] = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip

_EXAMPLES = (
    '"1. kvartal 2024", "2. halvår 2023", "uge 15 2023", "efterår 2023", "marts 2023", '
    '"14. maj 2023", "2025", "marts – september 2023", "primo marts 2023", '
    '"løbende fra 1. halvår 2023"'
)


class PeriodError(ValueError):
    """A period text could not be read; the message is a Danish hint with valid forms."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        sep = " " if reason.endswith(("?", ".", "!")) else ". "
        super().__init__(
            f'kan ikke læse perioden "{text}": {reason}{sep}Gyldige former er fx {_EXAMPLES}.'
        )


class Precision(StrEnum):
    """Granularity of the unit the text names; for a range or open period, of its start part.

    primo/medio/ultimo gives THIRD, except for a week, which resolves to the whole week (WEEK).
    """

    DAY = "dag"
    WEEK = "uge"
    THIRD = "tredjedel"
    MONTH = "maaned"
    SEASON = "saeson"
    QUARTER = "kvartal"
    HALF_YEAR = "halvaar"
    YEAR = "aar"


@dataclass(frozen=True)
class Period:
    """A resolved period. Both ends are inclusive; `end` is None when open-ended."""

    start: date
    end: date | None
    text: str
    precision: Precision

    @property
    def is_open(self) -> bool:
        return self.end is None

    def resolved_label(self) -> str:
        """Danish text for the resolved range, e.g. "juli–december 2023"."""
        return period_label(self)


def format_date_da(d: date) -> str:
    """Format a date the Danish way: "14. oktober 2023" (no leading zero)."""
    return f"{d.day}. {MONTHS_DA[d.month - 1]} {d.year}"


def _month_label(d: date) -> str:
    return f"{MONTHS_DA[d.month - 1]} {d.year}"


def period_label(p: Period) -> str:
    """Danish label for the resolved range of `p` (whole months are named as months)."""
    s, e = p.start, p.end
    if e is None:
        return f"fra {_month_label(s) if s.day == 1 else format_date_da(s)} og frem"
    if s == e:
        return format_date_da(s)
    if s.day == 1 and e.day == calendar.monthrange(e.year, e.month)[1]:
        if (s.month, e.month) == (1, 12):
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        if (s.year, s.month) == (e.year, e.month):
            return _month_label(s)
        if s.year == e.year:
            return f"{MONTHS_DA[s.month - 1]}–{_month_label(e)}"
        return f"{_month_label(s)}–{_month_label(e)}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}.–{format_date_da(e)}"
    if s.year == e.year:
        return f"{s.day}. {MONTHS_DA[s.month - 1]} – {format_date_da(e)}"
    return f"{format_date_da(s)} – {format_date_da(e)}"


# ---------------------------------------------------------------------------------------------
# Parsing internals
# ---------------------------------------------------------------------------------------------


class _Invalid(Exception):
    """Internal: carries the Danish reason; `parse_period` adds the text and the examples."""


class _Tok(NamedTuple):
    kind: str  # num, date, dash, month, quarter, half, week, season, third, ord, kw
    value: int
    raw: str


_SEASON_WORDS = {
    3: ("forår", "foråret", "foraar", "foraaret"),
    6: ("sommer", "sommeren"),
    9: ("efterår", "efteråret", "efteraar", "efteraaret"),
    12: ("vinter", "vinteren"),
}
_WORDS: dict[str, tuple[str, int]] = {
    "kvartal": ("quarter", 0), "kvt": ("quarter", 0),
    "halvår": ("half", 0), "halvaar": ("half", 0), "uge": ("week", 0),
    "primo": ("third", 0), "medio": ("third", 1), "ultimo": ("third", 2),
    "første": ("ord", 1), "anden": ("ord", 2), "andet": ("ord", 2),
    "tredje": ("ord", 3), "fjerde": ("ord", 4),
    **{w: ("season", m) for m, words in _SEASON_WORDS.items() for w in words},
    **{w: ("kw", 0) for w in ("løbende", "fra", "til", "og", "med", "frem", "fremefter")},
    "fremover": ("kw", 0),
}  # fmt: skip
# Canonical words offered as "mente du ...?" suggestions for misspellings.
_KNOWN = (*MONTHS_DA, "kvartal", "halvår", "uge", "forår", "sommer", "efterår", "vinter",
          "primo", "medio", "ultimo", "første", "andet", "tredje", "fjerde", "løbende", "fra",
          "til", "frem")  # fmt: skip

_TOKEN_RE = re.compile(
    r"(?P<date>\d{4}-\d\d?-\d\d?|\d\d?([-./])\d\d?\2\d{4})(?!\d)"
    r"|(?P<num>\d+)\.?|(?P<word>[^\W\d_]+)\.?|(?P<dash>[-–—])|(?P<comma>,)|(?P<other>\S)"
)


def _word_token(word: str) -> _Tok:
    if word in _WORDS:
        kind, value = _WORDS[word]
        return _Tok(kind, value, word)
    months = [i for i, m in enumerate(MONTHS_DA, 1) if len(word) >= 3 and m.startswith(word)]
    if len(months) == 1:  # full name or an abbreviation such as "sep", "sept", "okt"
        return _Tok("month", months[0], word)
    close = difflib.get_close_matches(word, _KNOWN, n=1, cutoff=0.7)
    raise _Invalid(f'ukendt ord "{word}"' + (f' – mente du "{close[0]}"?' if close else ""))


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text.lower()):
        if m["date"]:
            toks.append(_Tok("date", 0, m["date"]))
        elif m["num"]:
            toks.append(_Tok("num", int(m["num"]), m["num"]))
        elif m["word"]:
            toks.append(_word_token(m["word"]))
        elif m["dash"]:
            toks.append(_Tok("dash", 0, "-"))
        elif m["other"]:
            raise _Invalid(f'uventet tegn "{m["other"]}"')
    return toks


def _is_kw(toks: list[_Tok], i: int, *words: str) -> bool:
    found = [t.raw for t in toks[i : i + len(words)] if t.kind == "kw"]
    return found == list(words)


@dataclass(frozen=True)
class _Part:
    """One side of a period before its year is known: a unit (kind + number) and maybe a year."""

    kind: str  # year, quarter, half, week, season, month, date, day
    n: int = 0  # quarter/half/week number, or (first) month
    day: int = 0
    year: int | None = None
    third: int | None = None  # 0 = primo, 1 = medio, 2 = ultimo

    @property
    def precision(self) -> Precision:
        if self.third is not None and self.kind != "week":
            return Precision.THIRD
        return _PRECISION[self.kind]


_PRECISION = {
    "year": Precision.YEAR, "half": Precision.HALF_YEAR, "quarter": Precision.QUARTER,
    "season": Precision.SEASON, "month": Precision.MONTH, "week": Precision.WEEK,
    "date": Precision.DAY, "day": Precision.DAY,
}  # fmt: skip
_NO_FORM = "teksten passer ikke til nogen kendt form"


def _parse_part(toks: list[_Tok]) -> _Part:
    third = None
    if toks and toks[0].kind == "third":
        third, toks = toks[0].value, toks[1:]
    year = None
    if toks and toks[-1].kind == "num" and len(toks[-1].raw) == 4:
        year, toks = toks[-1].value, toks[:-1]
    kinds = tuple(t.kind for t in toks)
    n = toks[0].value if toks else 0
    match kinds:
        case () if year is not None:
            return _Part("year", year=year, third=third)
        case ("num" | "ord", "quarter"):
            if not 1 <= n <= 4:
                raise _Invalid("kvartal skal være 1–4")
            return _Part("quarter", n, year=year, third=third)
        case ("num" | "ord", "half"):
            if not 1 <= n <= 2:
                raise _Invalid("halvår skal være 1 eller 2")
            return _Part("half", n, year=year, third=third)
        case ("week", "num"):
            if not 1 <= toks[1].value <= 53:
                raise _Invalid("uge skal være 1–53")
            return _Part("week", toks[1].value, year=year, third=third)
        case ("season",) | ("month",):
            return _Part(kinds[0], n, year=year, third=third)
        case ("num", "month") if len(toks[0].raw) <= 2:
            return _Part("date", toks[1].value, n, year=year, third=third)
        case ("num",) if len(toks[0].raw) <= 2 and year is None:
            return _Part("day", day=n, third=third)
        case ("date",) if year is None:
            a, b, c = re.findall(r"\d+", toks[0].raw)
            y, m, d = (int(x) for x in ((a, b, c) if len(a) == 4 else (c, b, a)))
            if not 1 <= m <= 12:
                raise _Invalid(f'datoen "{toks[0].raw}" findes ikke (måned skal være 1–12)')
            return _Part("date", m, d, year=y, third=third)
    raise _Invalid(_NO_FORM)


def _month_span(year: int, first: int, count: int) -> tuple[date, date]:
    """Whole months `first`..`first + count - 1` of `year` (months past 12 spill into next year)."""
    start = date(year + (first - 1) // 12, (first - 1) % 12 + 1, 1)
    last = first + count - 1
    ey, em = year + (last - 1) // 12, (last - 1) % 12 + 1
    return start, date(ey, em, calendar.monthrange(ey, em)[1])


def _resolve(part: _Part, year: int) -> tuple[date, date]:
    if not 1 < year < 9999:
        raise _Invalid(f"årstallet {year} er uden for det gyldige område")
    if part.kind == "week":  # primo/medio/ultimo of a week: somewhere inside it → the whole week
        try:
            monday = date.fromisocalendar(year, part.n, 1)
        except ValueError:
            weeks = date(year, 12, 28).isocalendar().week
            raise _Invalid(f"uge {part.n} findes ikke i {year} ({year} har {weeks} uger)") from None
        return monday, monday + timedelta(days=6)
    if part.kind in ("date", "day"):
        if part.third is not None:
            raise _Invalid("primo/medio/ultimo kan ikke bruges om en enkelt dato")
        try:
            d = date(year, part.n, part.day)
        except ValueError:
            leap = f" ({year} er ikke skudår)" if (part.n, part.day) == (2, 29) else ""
            label = f"{part.day}. {MONTHS_DA[part.n - 1]} {year}"
            raise _Invalid(f"datoen {label} findes ikke{leap}") from None
        return d, d
    n = part.n
    first, count = {
        "year": (1, 12), "half": (6 * n - 5, 6), "quarter": (3 * n - 2, 3),
        "season": (n, 3), "month": (n, 1),
    }[part.kind]  # fmt: skip
    if part.third is None:
        return _month_span(year, first, count)
    if count == 1:  # thirds of a month: days 1–10, 11–20, 21–last
        start, end = _month_span(year, first, 1)
        lo = start.replace(day=1 + 10 * part.third)
        return lo, (end if part.third == 2 else lo + timedelta(days=9))
    size = count // 3  # thirds of 3, 6 or 12 months: 1, 2 or 4 whole months
    return _month_span(year, first + part.third * size, size)


def _year_of(part: _Part, default_year: int | None) -> int:
    if part.year is not None:
        return part.year
    if default_year is None:
        raise _Invalid('årstal mangler – tilføj et årstal, fx "marts 2024" eller "1. halvår 2024"')
    return default_year


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _combine(left: _Part, right: _Part, default_year: int | None) -> tuple[date, date, Precision]:
    """Join two parts; a year-less side borrows the other side's year (see module rules)."""
    if right.kind == "day":
        raise _Invalid("slutningen af perioden mangler en måned")
    if left.kind == "day":  # "10.–16. april 2023"
        if right.kind != "date":
            raise _Invalid('et dagstal alene kan kun stå foran en dato, fx "10.–16. april 2023"')
        left = replace(left, kind="date", n=right.n, year=right.year)
    if left.year is not None and right.year is None:
        start = _resolve(left, left.year)[0]
        right_start, end = _resolve(right, left.year)
        if _ym(right_start) < _ym(start):  # "dec. 2023 – feb." → feb. 2024
            end = _resolve(right, left.year + 1)[1]
    else:
        year = _year_of(right, default_year)
        right_start, end = _resolve(right, year)
        if left.year is not None:
            start = _resolve(left, left.year)[0]
        else:
            start = _resolve(left, year)[0]
            if _ym(start) > _ym(right_start):  # "dec. – feb. 2024" → dec. 2023
                start = _resolve(left, year - 1)[0]
    if start > end:
        raise _Invalid("perioden slutter før den begynder")
    return start, end, left.precision


def _parse(text: str, default_year: int | None) -> tuple[date, date | None, Precision]:
    toks = _tokenize(text)
    if not toks:
        raise _Invalid("teksten er tom")
    open_end = len(toks) >= 2 and toks[-2].raw == "og" and toks[-1].raw.startswith("frem")
    if open_end:
        toks = toks[:-2]
    from_ = False
    if _is_kw(toks, 0, "løbende"):  # "løbende 2023" is ambiguous (during or from?), so need "fra"
        if not _is_kw(toks, 1, "fra"):
            raise _Invalid('skriv "løbende fra", fx "løbende fra 1. halvår 2023"')
        toks = toks[1:]
    if _is_kw(toks, 0, "fra"):
        toks, from_ = toks[1:], True
        if _is_kw(toks, 0, "og", "med"):
            toks = toks[2:]
    seps = [i for i, t in enumerate(toks) if t.kind == "dash" or _is_kw(toks, i, "til")]
    if len(seps) > 1:
        raise _Invalid('der må kun være én bindestreg eller ét "til" mellem start og slut')
    if seps:
        left, right = toks[: seps[0]], toks[seps[0] + 1 :]
        if _is_kw(right, 0, "og", "med"):  # "til og med"
            right = right[2:]
        if not left or not right:
            raise _Invalid("intervallet mangler en start eller en slutning")
        if open_end:
            raise _Invalid('en periode med en slutning kan ikke også være "og frem"')
        return _combine(_parse_part(left), _parse_part(right), default_year)
    if not toks:
        raise _Invalid("der mangler en periode")
    part = _parse_part(toks)
    if part.kind == "day":
        raise _Invalid('et dagstal alene er ikke nok – skriv fx "14. maj 2023"')
    start, end = _resolve(part, _year_of(part, default_year))
    return start, (None if open_end or from_ else end), part.precision


@functools.lru_cache(maxsize=16384)  # Period is immutable; views ask for the same texts often
def parse_period(text: str, *, default_year: int | None = None) -> Period:
    """Parse a Danish period text; `default_year` is used when the text has no year at all.

    Ranges ("A – B", "A-B", "fra A til B") run from the start of A to the end of B. A side
    without a year borrows the other side's year; the start moves one year back if its month
    would come after the end's start month ("dec. – feb. 2024" = 1 Dec 2023 – 29 Feb 2024).
    "fra A", "løbende fra A" and "A og frem" are open-ended (end None).

    Raises PeriodError (a ValueError) with a Danish hint when the text cannot be read.
    """
    shown = text.strip()
    try:
        start, end, precision = _parse(shown, default_year)
    except _Invalid as exc:
        raise PeriodError(shown, str(exc)) from None
    return Period(start, end, text, precision)

"""Dates as written against dates as drawn.

`date_phrases` finds the date and period phrases in a Danish text ("1. halvår 2023", "Dec. -
feb.", "uge 40 2023", "27. sep. 2023", "forår 2023", "2024"). Two checks use it:

- every text the site shows may hold no impossible date: "5. kvartal 2023", "uge 54 2023",
  "31. februar 2024" are errors wherever they are written;
- an initiative's 'perioder' and 'milepaele' are the plan as written (the baseline), so they
  and its written cells (beskrivelse, tidspunkt, ansvarlig, bemaerkning) must agree both ways:
  every phrase in the cells is covered by a drawn period or milestone, unless 'ikke_tegnet' names
  it with a reason ('fortolkning' excuses nothing), and every drawn period and milestone begins
  and ends where a written phrase does. "Covered" means a drawing holds the phrase and begins or
  ends with it, so a milestone dropped under a wider period is missed too.

A phrase without a year is read with the year of the nearest dated phrase in its own cell (as a
range borrows its year: "Dec.: … 1. januar 2023" is December 2022); with none there, with each
year the row's other cells name; with none in the row, with the first year the plan's rows name.
Never with the years of what is drawn, which would let a wrong drawing explain itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from macros.data import model
from macros.data.periods import Period, PeriodError, parse_period, period_label
from macros.data.problems import Problem
from macros.data.sources import normalize
from macros.data.yamlsource import Loc, Locatable, problem_at, strings

WRITTEN_CELLS = ("beskrivelse", "tidspunkt", "ansvarlig", "bemaerkning")
_MONTH = (r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?")
_YEAR = r"(?:19|20)\d{2}"
_THIRD = r"(?:(?:primo|medio|ultimo)\s+)?"
_ORD = r"(?:\d{1,2}\.?|første|anden|andet|tredje|fjerde)"
_SEASON = r"(?:foråret|forår|sommeren|sommer|efteråret|efterår|vinteren|vinter)"
_Y = rf"(?:\s+{_YEAR}(?![\d/]))?"
_PHRASE = re.compile(
    rf"(?<![\w/.])(?:"
    rf"(?P<numeric>\d{{1,2}}-\d{{1,2}}-\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<date>\d{{1,2}}\.\s*{_MONTH}{_Y})"
    rf"|(?P<quarter>{_THIRD}{_ORD}\s*kvartal{_Y})"
    rf"|(?P<half>{_THIRD}{_ORD}\s*halvår{_Y})"
    rf"|(?P<week>{_THIRD}uge\s+\d{{1,3}}\.?{_Y})"
    rf"|(?P<range>{_THIRD}{_MONTH}\s*(?:-|–|/|til)\s*{_MONTH}{_Y})"
    rf"|(?P<season>{_THIRD}{_SEASON}{_Y})"
    rf"|(?P<month>{_THIRD}{_MONTH}{_Y})"
    rf"|(?P<year>{_YEAR})"
    rf")(?!\w)",
    re.IGNORECASE,
)
# Kinds whose numbers can be impossible: a quarter 1–4, a half 1–2, a week in its year, a day
# in its month.
_CAN_BE_IMPOSSIBLE = frozenset({"numeric", "date", "quarter", "half", "week"})
_HAS_YEAR = re.compile(rf"{_YEAR}(?!\d)")


@dataclass(frozen=True)
class DatePhrase:
    text: str
    kind: str

    @property
    def has_year(self) -> bool:
        return bool(_HAS_YEAR.search(self.text))

    def period(self, year: int | None = None) -> Period:
        """Raises PeriodError (Danish) when it cannot be read, e.g. an impossible date."""
        text = self.text.replace("/", " - ").rstrip(".:") if self.kind != "numeric" else self.text
        if self.kind == "numeric" and "-" in text and len(text.split("-")[0]) <= 2:
            day, month, year_ = text.split("-")
            text = f"{year_}-{int(month):02d}-{int(day):02d}"
        if year is not None and not self.has_year:
            text = f"{text} {year}"
        return parse_period(text, default_year=2024)  # a leap year: 29. februar may be written

    def impossible(self) -> str | None:
        """Why the phrase names a date that does not exist, or None."""
        if self.kind not in _CAN_BE_IMPOSSIBLE:
            return None
        try:
            self.period()
        except PeriodError as error:
            return error.reason
        return None


def date_phrases(text: str) -> Iterator[DatePhrase]:
    for match in _PHRASE.finditer(normalize(text)):
        kind = match.lastgroup or "year"
        yield DatePhrase(match.group(0), kind)




def impossible_dates(text: str) -> Iterator[tuple[DatePhrase, str]]:
    yield from _impossible_dates(text)


# Every text of data/ is read for dates at every build: a process that builds again
# (`mkdocs serve`) reads only the texts it has not seen.
@functools.lru_cache(maxsize=65536)
def _impossible_dates(text: str) -> tuple[tuple[DatePhrase, str], ...]:
    found = []
    for phrase in date_phrases(text):
        reason = phrase.impossible()
        if reason:
            found.append((phrase, reason))
    return tuple(found)


def impossible_message(phrase: DatePhrase, reason: str) -> str:
    return (f"«{phrase.text}» er ikke en mulig dato eller periode: {reason.rstrip('.')} – ret "
            "tallet (et år har 4 kvartaler, 2 halvår og 52 eller 53 uger)")


def check_written_dates(loaded: dict[str, Any], docs: dict[str, Locatable]) -> list[Problem]:
    problems: list[Problem] = []
    for doc in docs.values():
        for loc, text in strings(doc.data, ()):
            for phrase, reason in impossible_dates(text):
                problems.append(problem_at(doc, loc, impossible_message(phrase, reason)))
    doc = docs["tiltag"]
    initiatives = loaded["tiltag"].tiltag
    # Once per document, not per initiative: at 1 000s of initiatives the per-row scan of every
    # row was most of a build.
    years = {d: plan_year(initiatives, d) for d in {t.kilde.dokument for t in initiatives}}
    for i, t in enumerate(initiatives):
        for loc, message in drawing_problems(t, years[t.kilde.dokument]):
            problems.append(problem_at(doc, ("tiltag", i, *loc), message))
    return problems


@dataclass(frozen=True)
class Reading:
    """A phrase of a written cell and the periods it can be read as (one, unless the row names
    no year of its own and several are possible)."""

    cell: str
    phrase: DatePhrase
    periods: tuple[Period, ...]

    @property
    def key(self) -> str:
        return phrase_key(self.phrase.text)


def phrase_key(text: str) -> str:
    return normalize(text).rstrip(".:").casefold()


def _years(text: str) -> list[int]:
    return [int(y) for y in _HAS_YEAR.findall(normalize(text))]


def plan_year(initiatives: list[model.Tiltag], document: str) -> int | None:
    """The first year the written cells of the plan's rows (the initiatives citing the same
    document) name: the year of a row that names none."""
    years = [y for t in initiatives if t.kilde.dokument == document for name in WRITTEN_CELLS
             for y in _years(getattr(t, name) or "")]
    return min(years, default=None)


def _read(phrase: DatePhrase, year: int | None) -> Period | None:
    try:
        return phrase.period(year)
    except PeriodError:
        return None


def _ym(d: dt.date) -> tuple[int, int]:
    return d.year, d.month


def readings(t: model.Tiltag, fallback_year: int | None = None) -> list[Reading]:
    """Every possible phrase of the row's written cells, read as the module docstring says."""
    out: list[Reading] = []
    cells = {name: [p for p in date_phrases(getattr(t, name) or "") if not p.impossible()]
             for name in WRITTEN_CELLS}
    for name, phrases in cells.items():
        row_years = sorted({y for other, text in ((n, getattr(t, n) or "") for n in WRITTEN_CELLS)
                            if other != name for y in _years(text)})
        for index, phrase in enumerate(phrases):
            if phrase.has_year:
                read = _read(phrase, None)
                out.append(Reading(name, phrase, (read,) if read else ()))
                continue
            out.append(Reading(name, phrase, _yearless(phrase, phrases, index, row_years,
                                                      fallback_year)))
    return out


def _yearless(phrase: DatePhrase, phrases: list[DatePhrase], index: int, row_years: list[int],
              fallback_year: int | None) -> tuple[Period, ...]:
    later = [p for p in phrases[index + 1:] if p.has_year]
    earlier = [p for p in phrases[:index] if p.has_year]
    for anchor, step in ((later[0] if later else None, -1), (earlier[-1] if earlier else None, 1)):
        if anchor is None or (fixed := _read(anchor, None)) is None:
            continue
        read = _read(phrase, fixed.start.year)
        if read is None:
            return ()
        # before a dated phrase, a later month is the year before; after one, an earlier month
        # is the year after ("Dec.: … 1. januar 2023" → december 2022)
        if (step < 0 and _ym(read.start) > _ym(fixed.start)) or (
                step > 0 and _ym(read.start) < _ym(fixed.start)):
            read = _read(phrase, fixed.start.year + step)
        return (read,) if read else ()
    years = row_years or ([fallback_year] if fallback_year else [])
    return tuple(read for y in years if (read := _read(phrase, y)) is not None)


def drawing_problems(t: model.Tiltag, fallback_year: int | None = None
                     ) -> Iterator[tuple[Loc, str]]:
    """(field path inside the initiative, Danish message) for each disagreement between the
    written cells, the drawn periods and milestones, and 'ikke_tegnet'."""
    found = readings(t, fallback_year)
    undrawn = {phrase_key(n.tidsangivelse) for n in t.ikke_tegnet}
    drawn: list[tuple[Loc, str, Period]] = [
        *((("perioder", j, "tekst"), p.tekst, p.period) for j, p in enumerate(t.perioder)),
        *((("milepaele", j, "dato"), m.dato, m.period) for j, m in enumerate(t.milepaele))]
    for reading in found:
        if _drawn(reading, drawn) or reading.key in undrawn:
            continue
        read = f" (læst som {period_label(reading.periods[0])})" if reading.periods else ""
        yield (reading.cell,), (
            f"tidsangivelsen «{reading.phrase.text}» står i teksten{read}, men ingen af "
            "tiltagets perioder eller milepæle dækker den – tegn den under 'perioder' eller "
            "'milepaele', som den står; skal den ikke tegnes, så skriv den under 'ikke_tegnet' "
            "med en begrundelse ('fortolkning' tæller ikke)")
    backing = [r for reading in found if reading.key not in undrawn for r in reading.periods]
    written = ", ".join(f"«{r.phrase.text}»" for r in found) or "ingen"
    # a row with no written cell at all has nothing to contradict (made-up rows in tests and
    # benchmarks); leaving out a cell the cited row has is refused by verbatim.py
    has_text = any(getattr(t, name) for name in WRITTEN_CELLS)
    for loc, text, period in drawn if has_text else []:
        if any(r.start == period.start for r in backing) and (
                period.end is None or any(r.end == period.end for r in backing)):
            continue
        yield loc, (
            f"«{text}» ({period_label(period)}) begynder eller slutter ikke, hvor en "
            f"tidsangivelse i rækkens tekst gør (tidsangivelser: {written}) – perioder og "
            "milepæle er planen, som den står: tegn dem som skrevet, og meld en forsinkelse i "
            "statusrunden (forventet_slut)")
    phrases = {reading.key: reading for reading in found}
    for j, entry in enumerate(t.ikke_tegnet):
        key = phrase_key(entry.tidsangivelse)
        loc = ("ikke_tegnet", j, "tidsangivelse")
        if key not in phrases:
            yield loc, (f"«{entry.tidsangivelse}» står ikke som tidsangivelse i rækkens tekst "
                        f"(tidsangivelser: {written}) – skriv den præcis som i teksten, eller "
                        "slet posten")
        elif _drawn(phrases[key], drawn):
            yield loc, (f"«{entry.tidsangivelse}» er tegnet under 'perioder' eller 'milepaele' – "
                        "slet posten under 'ikke_tegnet', eller perioden, hvis den ikke skal "
                        "tegnes")


def _drawn(reading: Reading, drawn: list[tuple[Loc, str, Period]]) -> bool:
    """A drawn period or milestone covers the phrase and begins or ends with it ("2023" in
    "2023 – 2024"; not "forår 2023" in "2023 – 2024", which needs its own milestone)."""
    return any(_covers(d, r) and (d.start == r.start or d.end == r.end)
               for _, _, d in drawn for r in reading.periods)


def _covers(outer: Period, inner: Period) -> bool:
    if inner.start < outer.start:
        return False
    if outer.end is None:
        return True
    return inner.end is not None and inner.end <= outer.end

"""Dates as written against dates as drawn.

`date_phrases` finds the date and period phrases in a Danish text ("1. halvår 2023", "Dec. -
feb.", "uge 40 2023", "27. sep. 2023", "forår 2023", "2024"). Two checks use it:

- every text the site shows may hold no impossible date: "5. kvartal 2023", "uge 54 2023",
  "31. februar 2024" are errors wherever they are written;
- every phrase in an initiative's written cells (beskrivelse, tidspunkt, ansvarlig, bemaerkning)
  must be accounted for: covered by one of its resolved 'perioder' or 'milepaele', or named in its
  'fortolkning' (the stated reason it is not drawn). A phrase without a year is read with each
  year the initiative's periods touch ("April" → april 2023).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from macros.data import model
from macros.data.periods import Period, PeriodError, parse_period, period_label
from macros.data.problems import Problem
from macros.data.sources import normalize
from macros.data.yamlsource import Locatable, problem_at, strings

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
    for phrase in date_phrases(text):
        reason = phrase.impossible()
        if reason:
            yield phrase, reason


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
    for i, t in enumerate(loaded["tiltag"].tiltag):
        for name, phrase, tried in unaccounted(t):
            loc = ("tiltag", i, name)
            read = f" (læst som {tried})" if tried else ""
            problems.append(problem_at(doc, loc,
                                    f"tidsangivelsen «{phrase.text}» står i teksten{read}, men "
                                    "ingen af tiltagets perioder eller milepæle dækker den – "
                                    "tilføj den under 'perioder' eller 'milepaele', eller skriv i "
                                    "'fortolkning', hvorfor den ikke tegnes"))
    return problems


def unaccounted(t: model.Tiltag) -> Iterator[tuple[str, DatePhrase, str]]:
    """(field, phrase, how it was read) for each written phrase no period or milestone covers."""
    drawn = [p.period for p in t.perioder] + [m.period for m in t.milepaele]
    years = {y for d in drawn for y in range(d.start.year, (d.end or d.start).year + 1)}
    explained = normalize(t.fortolkning or "").casefold()
    for name in WRITTEN_CELLS:
        text = getattr(t, name) or ""
        phrases = list(date_phrases(text))
        own_years = {int(y) for y in _HAS_YEAR.findall(text)}
        for phrase in phrases:
            if phrase.impossible():
                continue  # reported as impossible
            key = phrase.text.rstrip(".:").casefold()
            if key and key in explained:
                continue
            readings = [None] if phrase.has_year else sorted(years | own_years)
            tried = ""
            for year in readings:
                try:
                    period = phrase.period(year)
                except PeriodError:
                    continue
                tried = tried or period_label(period)
                if any(_covers(d, period) for d in drawn):
                    break
            else:
                yield name, phrase, tried


def _covers(outer: Period, inner: Period) -> bool:
    if inner.start < outer.start:
        return False
    if outer.end is None:
        return True
    return inner.end is not None and inner.end <= outer.end

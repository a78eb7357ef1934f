"""Dates, weeks, quarters, half-years, months and spans of years in search: one token for each,
however it is written or typed (issue 35).

Pagefind drops punctuation from a query and matches words as prefixes, so «14/3-2031» asks for
"14032031" and «2031-03-14» for "20310314", while a page that writes "14. marts 2031" holds
"14", "marts" and "2031". Here each phrase is read as what it names, and that gets one token:

- a date: "20310314" (ISO without hyphens: what Pagefind makes of a typed «2031-03-14», and a
  query for a month, "203103", finds it as a prefix) and, for a date typed without its year
  («14/3», «14. marts»), "marts14";
- a month of a year: "203103" («marts 2031», «mar. 2031»; «januar–marts 2031» names both
  ends);
- a week, a quarter, a half-year: "uge40", "kvartal1", "halvar1" («uge 40», «Q1», «første
  kvartal», «1. halvår»); a year typed with it stays a word of its own («uge 40 2023» ->
  "uge40 2023"), so a page that writes the week without the year ("uge 15.") still answers
  when it names the year elsewhere;
- a span of years: "20232024" («2023-2024», «2023 – 2024», «2023/24», «2023 til 2024»).

The index gets the tokens as twins after the phrase (records.py; a date both of its tokens);
the browser rewrites a query's phrases into the same tokens (`dates` in
overrides/assets/javascripts/soeg-analyse.js, the same grammar; tests/test_search_dates.py runs
both on the same queries). Numbers are padded ("uge04", "oktober02"), so a prefix of one never
finds another ("uge4" would find "uge40"). Pure functions, no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from macros.data.periods import MONTHS_DA
from macros.search.analysis import TWIN_MARK

_YEAR = r"(?:19|20)\d\d"
_MONTH = (r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
          r"december|jan|feb|mar|apr|jun|jul(?=\.)|aug|sept|sep|okt|nov|dec)(?![a-zæøå])\.?")
_FIRST = r"(?:første|foerste|forste|1\.?)"
_SECOND = r"(?:anden|andet|2\.?)"
_ORDINAL = rf"(?:{_FIRST}|{_SECOND}|tredje|3\.?|fjerde|4\.?)"
_HALF = r"(?:halvår|halvaar|halvar)"
_QUARTER = r"(?:kvartal|kvt\.?)"
_THEN_YEAR = rf"(?:(?:\s*[,/-]\s*|\s+)(?P<{{0}}>{_YEAR})(?!\d))?"
# Not inside a number, a word or a twin; the same pattern, alternative by alternative, is
# DATE in soeg-analyse.js.
PHRASE = re.compile(
    r"(?<![\da-zæøåéü./\u2042-])(?:"
    rf"(?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>\d\d?)-(?P<iso_d>\d\d?))(?![\d/-])"
    rf"|(?P<dmy>(?P<dmy_d>\d\d?)[/.-](?P<dmy_m>\d\d?)(?:[/.-]|\s+(?={_YEAR}))"
    rf"(?P<dmy_y>{_YEAR}|\d\d))(?![\d/-]|[.,]\d)"
    rf"|(?P<long>(?P<long_d>\d\d?)\.?\s*(?P<long_m>{_MONTH})(?:\s*(?P<long_y>{_YEAR})(?!\d))?)"
    rf"|(?P<dm>(?P<dm_d>\d\d?)/(?P<dm_m>\d\d?))(?![\d/-]|[.,]\d)"
    rf"|(?P<week>(?:uge\s*|u)(?P<week_n>\d\d?)(?!\d)\.?{_THEN_YEAR.format('week_y')})"
    rf"|(?P<isoweek>(?P<isoweek_y>{_YEAR})-?w(?P<isoweek_n>\d\d?)(?!\d))"
    rf"|(?P<quarter>(?:(?P<quarter_o>{_ORDINAL})\s*{_QUARTER}|q(?P<quarter_n>[1-4]))"
    rf"(?![\da-zæøå]){_THEN_YEAR.format('quarter_y')})"
    rf"|(?P<yquarter>(?P<yquarter_y>{_YEAR})\s*[-/]?\s*q(?P<yquarter_n>[1-4])(?![\da-zæøå]))"
    rf"|(?P<half>(?P<half_o>{_FIRST}|{_SECOND})\s*{_HALF}(?![\da-zæøå])"
    rf"{_THEN_YEAR.format('half_y')})"
    rf"|(?P<months>(?P<months_a>{_MONTH})\s*(?:-|–|—|til)\s*(?P<months_b>{_MONTH})\s*"
    rf"(?P<months_y>{_YEAR})(?!\d))"
    rf"|(?P<month>(?P<month_m>{_MONTH})\s*(?P<month_y>{_YEAR})(?!\d))"
    rf"|(?P<span>(?P<span_a>{_YEAR})\s*(?:-|–|—|/|til)\s*"
    rf"(?P<span_b>{_YEAR}|\d\d(?!\.\s*[\da-zæøå]))(?![\d/-]))"
    r")",
    re.IGNORECASE,
)
_ORDINALS = {"første": 1, "foerste": 1, "forste": 1, "anden": 2, "andet": 2, "tredje": 3,
             "fjerde": 4}


@dataclass(frozen=True)
class DateTokens:
    start: int
    end: int  # after the phrase's last letter or digit (a trailing full stop stays outside)
    indexed: tuple[str, ...]  # the twins the index writes after the phrase
    query: str  # what a query typed as the phrase is sent as


def phrases(text: str) -> Iterator[DateTokens]:
    """The phrases of a text that name a date or period, with their tokens."""
    at = 0
    while (match := PHRASE.search(text, at)) is not None:
        found = _tokens(match)
        if found is None:  # not a real date ("31/2"): the text goes on from the next character
            at = match.start() + 1
            continue
        end = match.end()
        while not text[end - 1].isalnum():
            end -= 1
        indexed, query = found
        yield DateTokens(match.start(), end, indexed, query)
        at = match.end()


def with_twins(text: str) -> str:
    """The text with each date phrase followed by its tokens as twins ("14. marts 2031
    ⁂20310314 ⁂marts14")."""
    out, at = [], 0
    for found in phrases(text):
        out += [text[at:found.end], *(f" {TWIN_MARK}{t}" for t in found.indexed)]
        at = found.end
    return "".join([*out, text[at:]])


def query_form(query: str) -> str:
    """The query with its date phrases rewritten as the browser sends them (`dates` in
    soeg-analyse.js): «14/3-2031» -> "20310314", «uge 40 2023» -> "uge40 2023"."""
    lowered = query.lower()
    out, at = [], 0
    for found in phrases(lowered):
        end = found.end
        while end < len(lowered) and lowered[end] == ".":  # "uge 15." is all the phrase
            end += 1
        out += [lowered[at:found.start], f" {found.query} "]
        at = end
    return re.sub(r"\s+", " ", "".join([*out, lowered[at:]])).strip()


KINDS = ("iso", "dmy", "long", "dm", "week", "isoweek", "quarter", "yquarter", "half", "months",
         "month", "span")


def _tokens(m: re.Match[str]) -> tuple[tuple[str, ...], str] | None:
    kind = next(k for k in KINDS if m[k] is not None)
    if kind in ("iso", "dmy", "long", "dm"):
        year = _year(m[f"{kind}_y"]) if kind != "dm" else None  # None: typed without a year
        month = _month(m[f"{kind}_m"]) if kind == "long" else int(m[f"{kind}_m"])
        return _day(year, month, int(m[f"{kind}_d"]))
    if kind in ("week", "isoweek"):
        week = int(m[f"{kind}_n"])
        return _period(f"uge{week:02}", m[f"{kind}_y"]) if 1 <= week <= 53 else None
    if kind in ("quarter", "yquarter", "half"):
        number = m.group(f"{kind}_n") if kind != "half" else None
        number = number or m[f"{kind}_o"].rstrip(". ")
        unit = "halvar" if kind == "half" else "kvartal"
        return _period(f"{unit}{_ORDINALS.get(number.lower(), number)}", m[f"{kind}_y"])
    if kind == "months":
        year, first, last = int(m["months_y"]), _month(m["months_a"]), _month(m["months_b"])
        tokens = (f"{year - (first > last)}{first:02}", f"{year}{last:02}")
        return tokens, " ".join(tokens)
    if kind == "month":
        token = f"{m['month_y']}{_month(m['month_m']):02}"
        return (token,), token
    first, last = int(m["span_a"]), int(m["span_b"])
    last += first // 100 * 100 if last < 100 else 0
    return ((f"{first}{last}",), f"{first}{last}") if first < last else None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if len(text) == 4 else 2000 + int(text)


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, full in enumerate(MONTHS_DA, 1) if full.startswith(name))


def _day(year: int | None, month: int, day: int) -> tuple[tuple[str, ...], str] | None:
    try:
        dt.date(year or 2024, month, day)  # 2024: a leap year, so "29/2" is a date
    except ValueError:
        return None
    yearless = f"{MONTHS_DA[month - 1]}{day:02}"
    if year is None:
        return (yearless,), yearless
    full = f"{year}{month:02}{day:02}"
    return (full, yearless), full


def _period(token: str, year: str | None) -> tuple[tuple[str, ...], str]:
    return (token,), f"{token} {year}" if year else token

"""Search queries for the dates, weeks, quarters, half-years, months and spans of years the
built site writes, typed the ways people type them, drawn with a fixed seed (issue 35;
tests/browser/test_search.py, scripts/search_benchmark.py).

The phrases come from what search sees of each page (query_generator.page_texts) and are read
by the data layer's own reader of written dates (macros.data.writtendates, parse_period), not by
the search's: "14. marts 2031", "27. sep. 2031", "uge 40 2031", "1 kvartal 2031",
"2. halvår 2031", "marts 2032"; a span of years ("2031-2032", "2031 – 2032"), which that reader
takes as two years, by a pattern of its own. Each phrase is then typed in one of the forms of
its kind, chosen with the seed: a date as «14. marts 2031», «14. mar. 2031», «14. marts»,
«14/3-2031», «14.03.2031», «14/3», «2031-03-14»; a week as «uge 40», «uge 40 2031»; a
quarter as «1. kvartal 2031», «Q1 2031», «første kvartal 2031»; a span as «2031-2032»,
«2031/32» and so on. A query is answered when one of the first three results is a page that
writes the same date or period in any form (typed without a year: in any year, or none).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from macros.data.periods import MONTHS_DA, PeriodError
from macros.data.writtendates import date_phrases

from .query_generator import SEED, GeneratedQuery, page_texts

DATE_KINDS = ("dato", "dato-tal", "dato-iso", "måned", "uge", "kvartal", "halvår", "årsspænd")
ABBREVIATIONS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
                 "dec")
ORDINALS = ("første", "andet", "tredje", "fjerde")
# A second year of two digits followed by a full stop and a word is a day ("2026 – 23. november").
YEAR_SPAN = re.compile(r"(?<![\d./-])((?:19|20)\d\d)\s*(?:-|–|—|/|til)\s*"
                       r"((?:19|20)\d\d|\d\d(?!\.\s*\w))(?![\d/-])")
# What a phrase names: (unit, number, day, year or None); a day is ("dag", month, day, year),
# a span of years ("spænd", last year, 0, first year).
Key = tuple[str, int, int, int | None]


def keys_in(text: str) -> Iterator[Key]:
    """The dates and periods a page's text writes, as the data layer reads them."""
    for phrase in date_phrases(text):
        try:
            period = phrase.period()
        except PeriodError:
            continue
        year = period.start.year if phrase.has_year else None
        start = period.start
        if phrase.kind in ("date", "numeric"):
            yield "dag", start.month, start.day, year
        elif phrase.kind == "week":
            yield "uge", start.isocalendar().week, 0, year
        elif phrase.kind == "quarter":
            yield "kvartal", (start.month - 1) // 3 + 1, 0, year
        elif phrase.kind == "half":
            yield "halvår", (start.month - 1) // 6 + 1, 0, year
        elif phrase.kind == "month" and year:
            yield "måned", start.month, 0, year
    for match in YEAR_SPAN.finditer(text):
        first, last = int(match[1]), int(match[2])
        last += first // 100 * 100 if last < 100 else 0
        if first < last:
            yield "spænd", last, 0, first


def _holds(found: set[Key], wanted: Key, yearless: bool) -> bool:
    """Whether a page's phrases hold what a query typed (without a year: in any year)."""
    unit, number, day, year = wanted
    if unit == "måned":  # a date in the month writes the month too
        return any(u in ("måned", "dag") and n == number and y == year for u, n, _, y in found)
    if unit == "dag":
        return any(u == unit and (n, d) == (number, day) and (yearless or y == year)
                   for u, n, d, y in found)
    # a week or quarter written without a year ("uge 15.") may be the one meant
    return any(u == unit and n == number and (yearless or y in (year, None))
               for u, n, _, y in found)


def _date_forms(key: Key) -> dict[str, list[tuple[str, bool]]]:
    """The typed forms of a key by kind, each with whether it names the year."""
    unit, n, day, year = key
    if unit in ("dag", "måned") and year:
        name, short = MONTHS_DA[n - 1], ABBREVIATIONS[n - 1]
        if unit == "måned":
            return {"måned": [(f"{name} {year}", True), (f"{short}. {year}", True),
                              (f"{short} {year}", True)]}
        return {
            "dato": [(f"{day}. {name} {year}", True), (f"{day}. {short}. {year}", True),
                     (f"{day} {name} {year}", True), (f"{day}. {name}", False)],
            "dato-tal": [(f"{day}/{n}-{year}", True), (f"{day}/{n}/{year}", True),
                         (f"{day:02}.{n:02}.{year}", True), (f"{day:02}-{n:02}-{year}", True),
                         (f"{day}/{n}-{year % 100:02}", True), (f"{day}/{n}", False)],
            "dato-iso": [(f"{year}-{n:02}-{day:02}", True)],
        }
    if unit == "uge":
        return {"uge": [(f"uge {n}", False), (f"uge{n}", False),
                        *([(f"uge {n} {year}", True), (f"uge {n}, {year}", True)]
                          if year else [])]}
    if unit in ("kvartal", "halvår"):
        forms = [(f"{n}. {unit}", False)]
        if year:
            forms += [(f"{n}. {unit} {year}", True), (f"{n} {unit} {year}", True),
                      (f"{ORDINALS[n - 1]} {unit} {year}", True)]
            forms += ([(f"Q{n} {year}", True), (f"{n}. kvt. {year}", True)]
                      if unit == "kvartal" else [(f"{n}. halvaar {year}", True)])
        return {unit: forms}
    if unit == "spænd" and year:
        return {"årsspænd": [(f"{year}-{n}", True), (f"{year}–{n}", True),
                             (f"{year} - {n}", True), (f"{year}/{n % 100:02}", True),
                             (f"{year}-{n % 100:02}", True), (f"{year}/{n}", True)]}
    return {}


def generate_dates(site: Path, per_kind: int = 10, seed: int = SEED) -> list[GeneratedQuery]:
    """Up to per_kind queries of each kind in DATE_KINDS, drawn from the site's phrases."""
    texts = page_texts(site)
    found = {url: set(keys_in(text)) for url, text in texts.items()}
    rng = random.Random(seed)
    # A form typed without its year ("uge 15") may come from several phrases: one query.
    candidates: dict[str, dict[str, list[tuple[Key, bool]]]] = {k: {} for k in DATE_KINDS}
    for key in sorted({k for keys in found.values() for k in keys}, key=repr):
        for kind, forms in _date_forms(key).items():
            for typed, has_year in forms:
                candidates[kind].setdefault(typed, []).append((key, has_year))
    queries = []
    for kind in DATE_KINDS:
        chosen = sorted(candidates[kind])
        for typed in rng.sample(chosen, min(per_kind, len(chosen))):
            sources = candidates[kind][typed]
            relevant = frozenset(url for url, keys in found.items()
                                 if any(_holds(keys, key, not y) for key, y in sources))
            queries.append(GeneratedQuery(typed, kind, _source(sources[0][0]), relevant))
    return queries


def _source(key: Key) -> str:
    unit, number, day, year = key
    return " ".join(str(part) for part in (unit, number, day or "", year or "") if part)

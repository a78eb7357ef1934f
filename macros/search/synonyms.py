"""Glossary synonyms as search sees them: which entries a text mentions, in any spelling.

A page saying "TMU" also answers "Teknik- og Miljøudvalget". The search records (records.py)
ask this for every title and page of the site, so the test is cheap: one
compiled pattern per entry, and a plain substring test that rules most entries out before
the pattern runs. Pure functions, no MkDocs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from macros.search import analysis


@dataclass(frozen=True)
class Synonyms:
    """One glossary entry as search sees it: the spellings that mean the same thing."""

    id: str
    term: str
    full_form: str | None
    explanation: str
    spellings: tuple[str, ...]

    def pattern(self) -> re.Pattern[str]:
        # Abbreviations ("KB") must match case-sensitively, or "kb" inside words would count.
        return _pattern(self.spellings, not self.term.isupper())

    def mentioned_in(self, text: str, lowered: str | None) -> bool:
        """Whether the text mentions the entry. `lowered` is `text.lower()` when the text has
        only characters whose case folding `str.lower` mirrors exactly (`folds_simply`), else
        None. Then a match can only start where a spelling occurs as a substring: the pattern
        runs from the first such place, and not at all if there is none."""
        pattern = self.pattern()
        if not pattern.flags & re.IGNORECASE:
            needles, haystack = self.spellings, text
        elif lowered is not None and folds_simply("".join(self.spellings)):
            needles, haystack = _lowered(self.spellings), lowered
        else:
            return pattern.search(text) is not None
        found = [i for i in (haystack.find(s) for s in needles) if i >= 0]
        # Lookbehind still sees the text before `pos`: searching from there is exact.
        return bool(found) and pattern.search(text, min(found)) is not None

    def words(self) -> list[str]:
        """The lower-case words of all spellings (cached)."""
        return _words(self.spellings)


@functools.lru_cache(maxsize=256)
def _lowered(spellings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.lower() for s in spellings)


@functools.lru_cache(maxsize=256)
def _words(spellings: tuple[str, ...]) -> list[str]:
    return [w.lower() for spelling in spellings for w in analysis.words(spelling)]


@functools.lru_cache(maxsize=256)
def _pattern(spellings: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE if ignore_case else 0)


# Characters for which `re.IGNORECASE` and `str.lower` agree one to one: Latin-1 without "µ"
# (whose Greek twin re also matches) and General Punctuation (dashes, quotes; no case). Outside
# it live the odd equivalences of re ("ſ" = "s", "K" Kelvin = "k", "İ" = "i").
_NOT_SIMPLE = re.compile(r"[^\x00-\xb4\xb6-\xff\u2000-\u206f]")


def folds_simply(text: str) -> bool:
    return _NOT_SIMPLE.search(text) is None


def synonyms_from_terms(terms: Iterable[Any]) -> list[Synonyms]:
    """Glossary terms (objects with term, fuld_form, varianter, forklaring, id) as Synonyms."""
    groups = []
    for t in terms:
        spellings = tuple(dict.fromkeys(s for s in (t.term, t.fuld_form, *t.varianter) if s))
        groups.append(Synonyms(t.id, t.term, t.fuld_form, t.forklaring, spellings))
    return groups

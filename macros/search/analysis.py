"""The Danish analysis of the Pagefind search: one rule for every word, at index and query time.

Pagefind stems every indexed word and every query word with the Snowball Danish stemmer (the
algorithm of PyPI `snowballstemmer`, compiled into its WebAssembly) and matches query words as
prefixes. What it does not do is done here, without word lists of our own:

- folding: a query is always folded in the browser (`fold` in
  overrides/assets/javascripts/soeg-analyse.js, the same rule as `fold` here: ø -> o,
  å -> a, æ -> ae, then the keyboard spellings oe -> o, aa -> a); every indexed word whose
  folded form differs gets that form as its twin, so "høringen", "horingen" and "hoeringen"
  all find it through the one twin "horingen";
- compound splitting: every word is split into a head and the longest tail that are Danish
  words - words of the site (in any inflection: compared by Snowball stem) or of the Danish
  word list of Debian's `wdanish` (/usr/share/dict/danish, every inflected form; installed by
  ./dev) - with a linking -s or -e allowed after the head ("ledelses|tilsyn",
  "pårørende|råd"); tails are twins too, split again;
- glossary synonyms: a mention of a glossary entry in any spelling gets the words of its other
  spellings as twins ("TMU" -> "teknik", "miljøudvalget").

Twins are written right after their word, marked with TWIN_MARK: Pagefind drops the mark when it
indexes the word, and the result list (soegning.js) removes marked words from what it shows, so
a snippet shows the page's own word, marked where its twin matched. Pure functions, no MkDocs.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from pathlib import Path

import snowballstemmer

TWIN_MARK = "⁂"
# A query is folded as `fold` does (soeg-analyse.js, the same rule; a test keeps the two
# equal): "høringen", "horingen" and "hoeringen" -> "horingen". One folded form covers most
# words; where ø or å meets an e or an a, the keyboard spelling folds apart ("miljøet" ->
# "miljot", "miljoeet" -> "miljoet"), and the word gets both as twins.
LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u"})
KEYBOARD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})
DIGRAPH = re.compile("oe|aa")
WORD = re.compile(r"(?<![\w⁂])[^\W_]+", re.UNICODE)
WORD_LIST = Path("/usr/share/dict/danish")
MIN_PART = 3  # the shortest compound part ("råd"); from the word list only, one more letter
MIN_STEMMED_PART = 5  # a part recognised by its stem only must be this long ("tilsynet")
# The browser leaves out query words shorter than this (soegning.js), but for short_words.
MIN_QUERY_LETTERS = 3

_stemmer = snowballstemmer.stemmer("danish")


def fold(word: str) -> str:
    """How a query word is folded: lower case, ø -> o, å -> a, æ -> ae, then oe -> o and
    aa -> a (one pass, left to right)."""
    return DIGRAPH.sub(lambda m: m.group(0)[0], word.lower().translate(LETTERS))


def spellings(word: str) -> set[str]:
    """What a query for the word folds to, typed with its letters, with o/a or with oe/aa
    ("høring" -> {horing}; "miljøet" -> {miljot, miljoet})."""
    lower = word.lower()
    return {fold(lower), fold(lower.translate(KEYBOARD))}


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Snowball Danish stem of a word, as Pagefind stems it ("borgernes" -> "borg")."""
    return str(_stemmer.stemWord(word.lower()))


class WordListMissing(RuntimeError):
    """Without the word list the compound splitter finds fewer parts: a different index, so no
    index at all."""


def require_word_list(path: Path = WORD_LIST) -> None:
    """Raise WordListMissing unless the word list can be read (without reading its 3 MB: a
    build whose search index comes from the cache never needs it)."""
    if not os.access(path, os.R_OK):
        word_list(path)  # raises the Danish message


@functools.lru_cache(maxsize=1)
def word_list(path: Path = WORD_LIST) -> frozenset[str]:
    """Danish words in every inflected form."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise WordListMissing(
            f"Den danske ordliste {path} mangler, så søgningen kan ikke bygges: installér "
            "Debian-pakken wdanish (apt-get install wdanish; ./dev gør det selv).") from None
    return frozenset(text.lower().split())


def words(text: str) -> list[str]:
    """The words of a text, as written (not twins)."""
    return WORD.findall(text)


class Vocabulary:
    """The site's words with their Snowball stems: what a compound part must be."""

    def __init__(self, texts: Iterable[str], danish: frozenset[str] | None = None) -> None:
        self.words = {w.lower() for text in texts for w in words(text) if not w.isdigit()}
        self.danish = word_list() if danish is None else danish
        self.stems = {stem(w) for w in self.words if len(w) >= MIN_PART}
        self._splits: dict[str, list[str]] = {}

    def known(self, part: str) -> bool:
        if len(part) < MIN_PART:
            return False
        if part in self.words or (len(part) > MIN_PART and part in self.danish):
            return True
        return len(part) >= MIN_STEMMED_PART and stem(part) in self.stems

    def head_known(self, head: str) -> bool:
        """A compound's head: a word, or a word and a linking -s/-e ("ledelses", "arbejds")."""
        if len(head) < MIN_PART + 1:  # three-letter heads are mostly prefixes ("for", "til")
            return False
        return self.known(head) or (head[-1] in "se" and self.known(head[:-1]))

    def tails(self, word: str) -> list[str]:
        """Compound tails of a lower-case word, longest first, each split again:
        "ledelsestilsynet" -> ["tilsynet"]; "pårørenderådene" -> ["rådene"]."""
        found = self._splits.get(word)
        if found is None:
            found = []
            # The tail must hold the end of the word's stem: "strategi|ens" is an inflection.
            last_cut = min(len(word) - MIN_PART, len(stem(word)) - 2)
            for cut in range(MIN_PART + 1, last_cut + 1):  # longest tail first
                head, tail = word[:cut], word[cut:]
                if self.known(tail) and self.head_known(head):
                    found = [tail, *self.tails(tail)]
                    break
            self._splits[word] = found
        return found

    def twins(self, word: str) -> list[str]:
        """What a word is also indexed as: its folded and keyboard spellings and those of its
        compound tails."""
        own = word.lower()
        candidates = sorted(s for part in (own, *self.tails(own)) for s in spellings(part))
        return [t for t in dict.fromkeys(candidates) if t != own]


def with_twins(text: str, vocabulary: Vocabulary) -> str:
    """Plain text with each word followed by its twins ("Høringen ⁂horingen")."""
    def annotate(match: re.Match[str]) -> str:
        word = match.group(0)
        return word + "".join(f" {TWIN_MARK}{t}" for t in vocabulary.twins(word))
    return WORD.sub(annotate, text)


def short_words(spellings: Iterable[str]) -> list[str]:
    """The one-word spellings (glossary names such as "KB", "ØU") a query may consist of
    though they have fewer than MIN_QUERY_LETTERS letters, folded as a query is."""
    found = {fold(s) for s in spellings if len(s) < MIN_QUERY_LETTERS and words(s) == [s]}
    return sorted(found)


def twin_words(given: Iterable[str]) -> str:
    """Words given as twins only ("⁂voksen ⁂plejeudvalget"), in both spellings."""
    return " ".join(f"{TWIN_MARK}{s}" for w in dict.fromkeys(given) for s in sorted(spellings(w)))

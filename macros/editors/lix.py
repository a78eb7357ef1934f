"""LIX (læsbarhedsindeks, Björnsson 1968): how hard a Danish text is to read.

LIX = words per sentence + percentage of long words (more than six letters). Rules used here:

- a word is a run of letters, digits and inner hyphens ("MED-systemet" is one word of 11 letters);
  its length counts letters only (a number or date is never a long word);
- a sentence ends at . ! ? or : (a run such as "?!" or "..." ends one sentence); a sentence of
  a single word counts like any other; a text without a final full stop is still one sentence;
- a full stop that is not the end of a sentence is ignored: inside a number or date ("26.10.2023",
  "2.5"), after a common abbreviation ("fx.", "bl.a.", "kl."), and after an ordinal number
  followed by a lower-case word ("15. november").

Rough scale: under 25 very easy (children's books), 25–34 easy, 35–44 medium (newspapers),
45–54 hard (official texts), 55 and above very hard (academic texts).

Pure Python, no MkDocs: used by the check command and its tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_WORD = 6  # a word is long when it has MORE than this many letters
ABBREVIATIONS = frozenset({
    "fx", "f.eks", "bl.a", "ca", "kl", "nr", "jf", "mv", "m.v", "osv", "dvs", "evt", "inkl",
    "ift", "pkt", "pga", "mht", "vedr", "tlf", "stk", "s", "dec", "jan", "feb", "aug", "sep",
    "sept", "okt", "nov",
})  # fmt: skip
_TOKEN = re.compile(
    r"(?P<word>[^\W_]+(?:[-.][^\W_]+)*)"  # a word, a number, "bl.a", "26.10.2023", "MED-systemet"
    r"|(?P<end>[.!?:]+)"  # sentence punctuation
)


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float:
        """The LIX value; 0 for a text without words."""
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def level(self) -> str:
        """The Danish name of the score's band."""
        score = self.score
        for limit, name in ((25, "meget let"), (35, "let"), (45, "middel"), (55, "svær")):
            if score < limit:
                return name
        return "meget svær"


def _letters(word: str) -> int:
    return sum(ch.isalpha() for ch in word)


def lix(text: str) -> Lix:
    """Count words, sentences and long words in plain text (no markup) and compute LIX."""
    words = long_words = sentences = 0
    open_sentence = False
    tokens = list(_TOKEN.finditer(text))
    for index, token in enumerate(tokens):
        word = token.group("word")
        if word is not None:
            words += 1
            long_words += _letters(word) > LONG_WORD
            open_sentence = True
            continue
        if not open_sentence:
            continue  # "?!" after a sentence already ended, or punctuation before any word
        previous = tokens[index - 1].group("word") or ""
        following = tokens[index + 1].group("word") if index + 1 < len(tokens) else None
        if token.group("end") == "." and _not_an_end(previous, following):
            continue
        sentences += 1
        open_sentence = False
    if open_sentence:
        sentences += 1
    return Lix(words=words, sentences=sentences, long_words=long_words)


def _not_an_end(previous: str, following: str | None) -> bool:
    if previous.lower() in ABBREVIATIONS:
        return True
    return previous.isdigit() and following is not None and following[:1].islower()

"""Index-time expansion of Material's search index, so Danish queries find what people mean.

Takes the parsed `search/search_index.json` that Material's search plugin wrote and returns a
new one where every document has two extra, never displayed fields:

- `former`: inflected forms of its words' stems, trailing compound parts, glossary synonyms
  (a page saying "VPU" also answers "Voksen- og Plejeudvalget" and vice versa) and ASCII
  spellings (ae/oe/aa) – all as long forms, because lunr matches the query as a prefix;
- `titelformer`: the same for the title, boosted so a page titled "Handleplanen" ranks high
  for "handleplaner".

Glossary terms also become results of their own (`ordliste/#<id>`). The Material client
indexes every field listed in `config.fields` but only renders title, text and tags.
Pure functions, no MkDocs.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from macros import danish

EXPANSION_FIELD = "former"
TITLE_EXPANSION_FIELD = "titelformer"
FIELD_BOOSTS = {EXPANSION_FIELD: 1.0, TITLE_EXPANSION_FIELD: 100.0}
GLOSSARY_PAGE = "ordliste/"
_TAG = re.compile(r"<[^>]+>")


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
        alternatives = "|".join(re.escape(s) for s in sorted(self.spellings, key=len, reverse=True))
        flags = 0 if self.term.isupper() else re.IGNORECASE
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


def synonyms_from_terms(terms: Iterable[Any]) -> list[Synonyms]:
    """Glossary terms (objects with term, fuld_form, varianter, forklaring, id) as Synonyms."""
    groups = []
    for t in terms:
        spellings = tuple(dict.fromkeys(s for s in (t.term, t.fuld_form, *t.varianter) if s))
        groups.append(Synonyms(t.id, t.term, t.fuld_form, t.forklaring, spellings))
    return groups


def plain_text(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup))


def synonym_words(text: str, groups: Sequence[Synonyms]) -> list[str]:
    """Words of every spelling of each glossary entry that the text mentions in some spelling."""
    found: list[str] = []
    for group in groups:
        if group.pattern().search(text):
            for spelling in group.spellings:
                found.extend(danish.words(spelling))
    return found


def expansion_tokens(text: str, vocabulary: set[str], groups: Sequence[Synonyms],
                     attested: Mapping[str, set[str]] | None = None) -> list[str]:
    """Hidden tokens for a text: forms, compound parts, synonyms, ASCII; minus what is there."""
    own = danish.words(text)
    spelled: set[str] = set(synonym_words(text, groups))  # also written in ASCII
    for word in {*own, *spelled}:
        if len(word) >= 7:
            spelled.update(danish.compound_parts(word, vocabulary))
    extra = set(spelled)
    for word in spelled | set(own):
        if len(word) >= danish.MIN_STEM:
            extra.update(danish.inflections(word, attested))
    extra.update(danish.ascii_spelling(w) for w in spelled | set(own) if w not in danish.STOP_WORDS)
    return _not_covered(extra - set(own), own)


def _not_covered(candidates: Iterable[str], present: Iterable[str]) -> list[str]:
    """Drop candidates that are a prefix of a word already indexed: lunr finds those anyway."""
    have = sorted(set(present))
    kept = []
    for word in sorted(set(candidates)):
        i = bisect.bisect_left(have, word)
        if i < len(have) and have[i].startswith(word):
            continue
        kept.append(word)
    return _longest_only(kept)


def _longest_only(words: list[str]) -> list[str]:
    """Of sorted words, keep only those that are not a prefix of the next one."""
    return [w for i, w in enumerate(words) if i + 1 == len(words) or not words[i + 1].startswith(w)]


def glossary_docs(groups: Sequence[Synonyms]) -> list[dict[str, str]]:
    """One search result per glossary entry, titled "VPU – Voksen- og Plejeudvalget"."""
    docs = []
    for group in groups:
        title = f"{group.term} – {group.full_form}" if group.full_form else group.term
        docs.append({
            "location": f"{GLOSSARY_PAGE}#{group.id}",
            "title": html.escape(title, quote=False),
            "text": f"<p>{html.escape(group.explanation, quote=False)}</p>",
        })
    return docs


def expand_index(index: dict[str, Any], groups: Sequence[Synonyms]) -> dict[str, Any]:
    """A copy of Material's search index with hidden expansion fields and glossary entries."""
    docs = [dict(doc) for doc in index["docs"]]
    if any(doc["location"] == GLOSSARY_PAGE for doc in docs):
        # Sections must follow their page's own entry: insert after the page's last section.
        last = max(i for i, d in enumerate(docs) if d["location"].startswith(GLOSSARY_PAGE))
        docs[last + 1:last + 1] = glossary_docs(groups)
    vocabulary = danish.vocabulary(
        [plain_text(d["title"]) + " " + plain_text(d["text"]) for d in docs]
        + [" ".join(g.spellings) for g in groups]
    )
    attested = danish.forms_by_stem(vocabulary)
    for doc in docs:
        title = plain_text(doc["title"])
        text_tokens = expansion_tokens(plain_text(doc["text"]), vocabulary, groups, attested)
        title_tokens = expansion_tokens(title, vocabulary, groups, attested)
        if text_tokens:
            doc[EXPANSION_FIELD] = " ".join(text_tokens)
        if title_tokens:
            doc[TITLE_EXPANSION_FIELD] = " ".join(title_tokens)
    config = dict(index["config"])
    config["fields"] = {**config["fields"], **{k: {"boost": v} for k, v in FIELD_BOOSTS.items()}}
    return {**index, "config": config, "docs": docs}

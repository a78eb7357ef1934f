"""Index-time expansion of Material's search index, so Danish queries find what people mean.

Takes the parsed `search/search_index.json` that Material's search plugin wrote and returns a
new one with extra, never displayed fields (lunr matches each query word as a prefix, so all
hidden words are long forms, and none is a prefix of a word the page already shows):

- `former`: once per page, on the page's own document: inflected forms of its words, compound
  parts ("ledelsestilsyn" -> "tilsyn"; "familieområdet" -> "familien"), glossary synonyms (a
  page saying "TMU" also answers "Miljøudvalget") and ASCII spellings (ae/oe/aa); low boost,
  so a page showing the typed form outranks one that only hides it;
- `titelformer`: per document, forms of the title's own words, boosted like a title;
- `titelsynonymer`: other names for what the title names ("VPU" -> "Voksen- og
  Plejeudvalget"), a weaker match than the title's own word.

Overview pages that only repeat what has a page of its own (the Gantt plan, the timeline, the
status overview, the list of all initiatives) keep one result with their opening summary, and
the plan's table of each track is left to the initiatives' and tracks' own pages: these tables
would otherwise be downloaded again by every visitor and compete with the pages they repeat
(macros/search/pruning.py).
Glossary terms become results of their own (`ordliste/#<id>`), taking their text from the
glossary page's document. Document boosts even out Material's page/section weighting for
glossary entries and initiative pages; a section repeated on several pages is kept once. The
Material client indexes every field listed in `config.fields` but only renders title, text and
tags. Pure functions, no MkDocs.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from macros.build import parallel
from macros.search import danish
from macros.search.pruning import (
    GLOSSARY_PAGE,
    REPEATED_BOOST,
    common_forms,
    common_limit,
    drop_repeated_sections,
    page_key,
    summary_only,
)
from macros.search.synonyms import Synonyms, synonym_words, synonyms_from_terms

__all__ = ["REPEATED_BOOST", "Synonyms", "expand_index", "expansion_tokens",
           "synonyms_from_terms"]

EXPANSION_FIELD = "former"
TITLE_EXPANSION_FIELD = "titelformer"
TITLE_SYNONYM_FIELD = "titelsynonymer"
# Hidden forms weigh less than the shown text, so a page showing the typed form wins.
FIELD_BOOSTS = {EXPANSION_FIELD: 0.3, TITLE_EXPANSION_FIELD: 100.0, TITLE_SYNONYM_FIELD: 10.0}
# Material ranks a section x2 but a page's own document x5 after scoring. A glossary entry is a
# result of its own, and an initiative's page is the home of the text that overview pages
# (plan, status, all initiatives) repeat on their page documents: these document boosts let
# such sections compete as pages.
GLOSSARY_BOOST = 4.0
INITIATIVE_BOOST = 2.5
INITIATIVE_SECTION = re.compile(r"^tiltag/[^/#]+/#")
_TAG = re.compile(r"<[^>]+>")


def plain_text(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup))


def expansion_tokens(text: str, vocabulary: set[str], groups: Sequence[Synonyms],
                     attested: Mapping[str, set[str]] | None = None,
                     generate: bool = True, synonyms: bool = True) -> list[str]:
    """Hidden tokens for a text: forms, compound parts, synonyms, ASCII; minus what is there.

    `generate` adds generated endings (not only the forms attested on the site) to the text's
    own words; compound heads that are common nouns always get them ("familieområdet" ->
    "familiernes", "familienes"), since the site never writes them alone.
    """
    return Expander(vocabulary, groups, attested).tokens(text, generate, synonyms)


class Expander:
    """`expansion_tokens` for many texts with the same vocabulary: the work per word (compound
    splits, inflections, ASCII spellings) is done once per word, not once per text."""

    def __init__(self, vocabulary: set[str], groups: Sequence[Synonyms],
                 attested: Mapping[str, set[str]] | None = None) -> None:
        self.vocabulary, self.groups, self.attested = vocabulary, groups, attested
        self._compounds: dict[str, tuple[list[str], list[str]]] = {}
        self._inflections: dict[tuple[str, bool, tuple[str, ...]], set[str]] = {}

    def compound(self, word: str) -> tuple[list[str], list[str]]:
        """(compound parts, compound heads) of a word (see macros.search.danish)."""
        found = self._compounds.get(word)
        if found is None:
            found = (danish.compound_parts(word, self.vocabulary),
                     danish.compound_heads(word, self.vocabulary))
            self._compounds[word] = found
        return found

    def inflections(self, word: str, generate: bool, endings: tuple[str, ...]) -> set[str]:
        key = (word, generate, endings)
        found = self._inflections.get(key)
        if found is None:
            found = danish.inflections(word, self.attested, generate, endings)
            self._inflections[key] = found
        return found

    def tokens(self, text: str, generate: bool = True, synonyms: bool = True,
               ascii_text: bool = True) -> list[str]:
        """See `expansion_tokens`. Without `ascii_text`, only glossary names get ASCII
        spellings, not every word of the text."""
        own = danish.words(text)
        own_set = set(own)
        spelled: set[str] = set(synonym_words(text, self.groups) if synonyms else ())
        named = set(spelled)
        heads: set[str] = set()
        for word in {*own, *spelled}:
            if len(word) >= 7:
                parts, word_heads = self.compound(word)
                spelled.update(parts)
                heads.update(word_heads)
        extra = spelled | heads
        # ASCII words spell themselves, and what the text shows is dropped below anyway.
        extra.update(danish.ascii_spelling(w) for w in (extra | own_set if ascii_text else named)
                     if not w.isascii() and w not in danish.STOP_WORDS)
        endings = danish.LEAF_ENDINGS if generate else danish.LEAF_ENDINGS[:1]
        shown = {} if generate else danish.forms_by_stem(own_set)  # only sizes count
        for word in spelled | own_set:
            # Without `generate`, only words the text shows in several forms get generated ones.
            salient = generate or len(shown.get(danish.stem(word), ())) > 1
            if salient or word in spelled:
                extra.update(self.inflections(word, salient, endings))
        for head in heads:
            extra.update(self.inflections(head, True, danish.LEAF_ENDINGS))
        return _not_covered(extra - own_set - danish.STOP_WORDS, own)


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


def glossary_docs(groups: Sequence[Synonyms]) -> list[dict[str, Any]]:
    """One search result per glossary entry, titled "TMU – Teknik- og Miljøudvalget"."""
    docs = []
    for group in groups:
        title = f"{group.term} – {group.full_form}" if group.full_form else group.term
        docs.append({
            "location": f"{GLOSSARY_PAGE}#{group.id}",
            "title": html.escape(title, quote=False),
            "text": f"<p>{html.escape(group.explanation, quote=False)}</p>",
            "boost": GLOSSARY_BOOST,
        })
    return docs


def split_glossary_page(page: dict[str, Any], entries: list[dict[str, Any]],
                        groups: Sequence[Synonyms]) -> None:
    """Move each entry's text from the glossary page's document to the entry's own document.

    Material indexes the whole glossary as one text; with an entry per result that text would
    be downloaded twice. The page keeps its introduction; each entry gets its explanation and
    source line as shown on the page. Left unchanged if an explanation is not found in order.
    """
    text = page["text"]
    cuts: list[tuple[int, int]] = []  # (start of the entry's term, start of its explanation)
    position = 0
    for group in groups:
        found = text.find(html.escape(group.explanation, quote=False), position)
        start = text.rfind(group.term, position, found) if found >= 0 else -1
        if start < 0:
            return
        cuts.append((start, found))
        position = found
    ends = [start for start, _ in cuts[1:]] + [len(text)]
    for entry, (_, explanation), end in zip(entries, cuts, ends, strict=True):
        entry["text"] = f"<p>{text[explanation:end].strip()}</p>"
    page["text"] = text[: cuts[0][0]].rstrip() if cuts else text


def weighted(tokens: list[str], shown: Mapping[str, set[str]]) -> list[str]:
    """Tokens, each twice when the page shows its stem in several forms ("handleplan",
    "handleplanen"): such a page is about the thing, not just mentioning it, and lunr counts
    how often a term occurs. Pages that only show one form get the token once."""
    out = []
    for token in tokens:
        out.append(token)
        if len(shown.get(danish.stem(token), ())) > 1:
            out.append(token)
    return out


def expand_index(index: dict[str, Any], groups: Sequence[Synonyms],
                 summary_pages: Collection[str] = (),
                 track_ids: Collection[str] = ()) -> dict[str, Any]:
    """A copy of Material's search index with hidden expansion fields and glossary entries.

    Title forms go on each document (`titelformer`); the forms of a page's text go once on
    the page's own document (`former`), deduplicated over all its sections, without the forms
    its titles already carry and without prefixes of any word shown on the page.
    """
    docs = [dict(doc) for doc in summary_only(index["docs"], summary_pages, track_ids)]
    pages = [i for i, d in enumerate(docs) if d["location"] == GLOSSARY_PAGE]
    if pages:
        ordered = sorted(groups, key=lambda g: g.term.lower())  # the page's order
        entries = glossary_docs(ordered)
        split_glossary_page(docs[pages[0]], entries, ordered)
        # Sections must follow their page's own entry: insert after the page's last section.
        last = max(i for i, d in enumerate(docs) if d["location"].startswith(GLOSSARY_PAGE))
        docs[last + 1:last + 1] = entries
    docs = drop_repeated_sections(docs)
    plain = {id(d): plain_text(d["title"]) + " " + plain_text(d["text"]) for d in docs}
    vocabulary = danish.vocabulary([*plain.values(), *(" ".join(g.spellings) for g in groups)])
    expander = Expander(vocabulary, groups, danish.forms_by_stem(vocabulary))
    for doc in docs:
        if INITIATIVE_SECTION.match(doc["location"]):
            doc["boost"] = INITIATIVE_BOOST
    by_page: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        by_page.setdefault(page_key(doc["location"]), []).append(doc)
    # A heading every initiative page has ("Tidsplan", "Fakta") names no page in particular:
    # its forms would make "tidsplanen" list them all, so only distinct titles get forms.
    titles = Counter(plain_text(doc["title"]) for doc in docs)
    limit = common_limit(len(by_page))
    title_fields: dict[str, dict[str, str]] = {}  # titles repeat: "Beslutning", "Status", ...
    for doc in docs:
        title = plain_text(doc["title"])
        if titles[title] > limit:
            continue
        if title not in title_fields:
            title_fields[title] = _title_fields(title, expander)
        doc.update(title_fields[title])

    def forms_of_page(members: list[dict[str, Any]]) -> list[str]:
        text = " ".join(plain[id(d)] for d in members)
        in_titles = {t for d in members for t in d.get(TITLE_EXPANSION_FIELD, "").split()}
        # People without æ, ø, å type the names of things (titles, headings, glossary terms),
        # which carry their ASCII spellings; the body text does not, or every visitor would
        # download an ASCII twin of every word.
        tokens = [t for t in expander.tokens(text, generate=False, ascii_text=False)
                  if t not in in_titles]
        return weighted(tokens, danish.forms_by_stem(set(danish.words(text))))

    # The largest part of the expansion: shared between two processes (macros/build/parallel.py).
    page_tokens = dict(zip(by_page, parallel.split_map(forms_of_page, list(by_page.values())),
                           strict=True))
    common = common_forms(page_tokens.values())
    for key, tokens in page_tokens.items():
        tokens = [t for t in tokens if t not in common]
        if tokens:
            members = by_page[key]
            main = next((d for d in members if d["location"] == key), members[0])
            main[EXPANSION_FIELD] = " ".join(tokens)
    config = dict(index["config"])
    config["fields"] = {**config["fields"], **{k: {"boost": v} for k, v in FIELD_BOOSTS.items()}}
    return {**index, "config": config, "docs": docs}


def _title_fields(title: str, expander: Expander) -> dict[str, str]:
    """The title's own forms and, apart from them, other names for what it names: a weaker
    match than the title's own word."""
    fields = {}
    forms = expander.tokens(title, synonyms=False)
    if forms:
        fields[TITLE_EXPANSION_FIELD] = " ".join(forms)
    other_names = [t for t in expander.tokens(title) if t not in forms]
    if other_names:
        fields[TITLE_SYNONYM_FIELD] = " ".join(other_names)
    return fields

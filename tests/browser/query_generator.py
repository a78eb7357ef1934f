"""Search queries drawn from the built site's own text with a fixed seed, to measure recall on
words nobody picked by hand (tests/browser/test_search.py, scripts/search_benchmark.py).

Four kinds, as people type them (issue 20):
- `bøjning`: a content word of a page in another form - definite, plural, definite plural or
  genitive - preferring forms the site never writes; a form counts only if Debian's Danish word
  list (/usr/share/dict/danish) has it, so every query is a real Danish word;
- `ascii`: a word with æ, ø or å typed without them (ae/oe/aa, or a/o for å/ø);
- `sammensat`: the tail of a compound of the site ("tilsyn" of "ledelsestilsyn");
- `frase`: two neighbouring content words of a page.
A content word has at least five letters and stands on at most a fifth of the pages (the rest
are the language's glue); no word list of ours is involved. Words come from what the site lets
search see: of a page with `soeg_kun_sammendrag` only its summary, and nothing marked
`data-search-exclude` (the scan's misreadings on the source pages). A query is answered when
one of the first three results is a page whose text has the word it came from, or the word
typed, in some form (the same Snowball stem), alone or as the last part of a compound
("området" in "sundhedsområdet": the search splits compounds on purpose); both words, for a
phrase. For a glossary entry (`ordliste/#id`), the entry's own text counts.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from macros.kvalitet.search_driver import summary_pages
from macros.search import analysis
from macros.search.analysis import stem

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
SEED = 20
WORD = re.compile(r"[a-zæøåéü]+")
MIN_LETTERS = 5
MAX_PAGE_SHARE = 0.2
MIN_TAIL = 4  # the shortest last part of a compound that counts as the word
KINDS = ("bøjning", "ascii", "sammensat", "frase")
GLOSSARY = "ordliste/"


@dataclass(frozen=True)
class GeneratedQuery:
    text: str
    kind: str
    source: str  # the site's word(s) it came from
    relevant: frozenset[str]  # pages (and glossary entries) whose text has them

    def hit(self, pages: list[list[str]], top: int = 3) -> bool:
        return any(links and links[0] in self.relevant for links in pages[:top])


def page_texts(site: Path) -> dict[str, str]:
    """Lower-cased main text of every page (URL relative to the site root) as search sees it,
    and of every glossary entry under `ordliste/#<id>`."""
    texts: dict[str, str] = {}
    summaries = summary_pages(DOCS)
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if url.startswith(("pagefind/", "search/", "assets/")):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            continue
        for hidden in article.select("[data-search-exclude]"):
            hidden.decompose()
        if url in summaries:
            article = article.find("p") or article
        texts[url] = article.get_text(" ").lower()
        if url == GLOSSARY:
            for term in article.select("dt[id]"):
                parts = [term.get_text(" ")]
                for sibling in term.find_next_siblings():
                    if sibling.name != "dd":
                        break
                    parts.append(sibling.get_text(" "))
                texts[f"{GLOSSARY}#{term['id']}"] = " ".join(parts).lower()
    return texts


def generate(site: Path, per_kind: int = 50, seed: int = SEED) -> list[GeneratedQuery]:
    texts = page_texts(site)
    words_of = {url: WORD.findall(text) for url, text in texts.items()}
    pages = [u for u in texts if "#" not in u]
    share = Counter(w for u in pages for w in set(words_of[u]))
    limit = MAX_PAGE_SHARE * len(pages)
    vocabulary = {w for u in pages for w in words_of[u]}
    content = sorted(w for w, n in share.items() if n <= limit and len(w) >= MIN_LETTERS)
    danish = analysis.word_list()
    rng = random.Random(seed)

    # The stems of each word and of its tails: what a page "has" in some form.
    tail_stems = {w: {stem(w[i:]) for i in range(max(1, len(w) - MIN_TAIL + 1))}
                  for ws in words_of.values() for w in set(ws)}
    stems_of = {u: set().union(*(tail_stems[w] for w in set(ws))) for u, ws in words_of.items()}

    def relevant(*words: str) -> frozenset[str]:
        wanted = [stem(w) for w in words]
        return frozenset(u for u, stems in stems_of.items() if all(s in stems for s in wanted))

    candidates: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    for word in content:
        forms = [f for f in _inflections(word, stem(word), vocabulary)
                 if f in danish and f not in vocabulary]
        if forms:
            candidates["bøjning"].append((rng.choice(sorted(forms)), word))
        if re.search("[æøå]", word):
            candidates["ascii"].append((_typed_without(word, rng), word))
        tail = _tail(word, stem(word), danish, vocabulary)
        if tail:
            candidates["sammensat"].append((tail, word))
    for url in pages:
        ws = words_of[url]
        pairs = {(a, b) for a, b in itertools.pairwise(ws)
                 if a in share and b in share and share[a] <= limit and share[b] <= limit
                 and len(a) >= MIN_LETTERS and len(b) >= MIN_LETTERS and a != b}
        candidates["frase"].extend((f"{a} {b}", f"{a} {b}") for a, b in sorted(pairs))
    queries = []
    for kind in KINDS:
        chosen = sorted(set(candidates[kind]))
        for text, source in rng.sample(chosen, min(per_kind, len(chosen))):
            found = relevant(*source.split()) | relevant(*text.split())
            queries.append(GeneratedQuery(text, kind, source, found))
    return queries


def _inflections(word: str, stem: str, vocabulary: set[str]) -> list[str]:
    """Definite, plural, definite plural and genitive forms built on the word's base form
    (the shortest form of its stem the site writes)."""
    base = min((w for w in vocabulary if w.startswith(stem) and len(w) <= len(stem) + 2),
               key=lambda w: (len(w), w), default=word)
    if base.endswith("e"):
        forms = [base + "n", base + "t", base + "r", base + "rne", base + "ne"]
    else:
        forms = [base + "en", base + "et", base + "er", base + "e", base + "erne", base + "ene"]
    return [*forms, *(f + "s" for f in forms if f.endswith(("en", "et", "ne")))]


def _typed_without(word: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return word.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return word.replace("æ", "ae").replace("ø", "o").replace("å", "a")


def _tail(word: str, stem: str, danish: frozenset[str], site: set[str]) -> str | None:
    """The longest tail of a compound that is a word, after a head that is one (a linking
    -s or -e allowed), both at least four letters; the tail holds more than the word's
    ending ("undersøg|else" is no compound), and a four-letter tail is also a word of the site
    ("plan"; not "tisk" of "skema|tisk")."""
    for cut in range(4, min(len(word) - 3, len(stem) - 1)):
        head, tail = word[:cut], word[cut:]
        if len(tail) == 4 and tail not in site:
            continue
        if tail in danish and (head in danish or (head[-1] in "se" and head[:-1] in danish)):
            return tail
    return None

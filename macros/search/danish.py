"""Danish word forms for the search index: stems, inflection endings, compound parts, ASCII.

Material's lunr search matches every query word as a *prefix* of an indexed word and does not
stem the query. So "borgerne" only finds a page if some indexed word starts with "borgerne".
This module therefore turns a word into the longest common inflected forms of its stem
("borgeren" -> "borgernes", "borgerens", ...): every shorter form a user may type is a prefix
of one of them. Pure functions, no MkDocs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

# Endings stripped to find the stem, longest first. Bare -s/-t are left alone on purpose:
# "indsats" and "godkendt" are words in themselves; genitives are caught by -ens/-ers/-ets.
SUFFIXES: tuple[str, ...] = (
    "ernes", "erens", "enes", "erne", "eren", "eres", "ene", "ens", "ere", "ers", "ets",
    "en", "er", "et", "e",
)
# The longest inflected forms of a stem: every common ending (-e, -en, -er, -et, -ene, -erne,
# -eren, -ens, ...) is a prefix of one of these, so a prefix search finds it.
LEAF_ENDINGS: tuple[str, ...] = ("ernes", "erens", "enes", "ens", "ets")
# Words that are not inflected like nouns: adjectives/participles and lunr's Danish stop words.
NO_INFLECTION_ENDINGS: tuple[str, ...] = ("ig", "igt", "ige", "isk", "iske", "ende", "ede", "vis")
_STOP_WORDS_TEXT = (
    "ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig "
    "din disse dog du efter eller en end er et for fra ham han hans har havde have hende "
    "hendes her hos hun hvad hvis hvor i ikke ind jeg jer jo kunne man mange med meget men "
    "mig min mine mit mod ned noget nogle nu når og også om op os over på selv sig sin sine "
    "sit skal skulle som sådan thi til ud under var vi vil ville vor være været hvordan hvem "
    "hvorfor samt kan kun bør får går står sker både hver hvert hele helt igen mere mest nye "
    "ny nyt to tre fire fem første andet anden heller ellers derfor dermed herunder heraf "
    "blandt inden indtil mellem uden ved via pr hhv fx bl ingen intet "
)
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
MIN_STEM = 3
MIN_WORD = 4
ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
WORD = re.compile(r"[a-zæøåéü]+")
_DOUBLE_END = re.compile(r"([bdfgklmnprstv])\1$")


def words(text: str) -> list[str]:
    """Lower-cased alphabetic words of a text ("Teknik- og Miljøudvalget" -> 3 words)."""
    return WORD.findall(text.lower())


@functools.lru_cache(maxsize=1 << 16)  # pure; the search index asks for the same words often
def stem(word: str) -> str:
    """Strip one inflection ending: borger/borgeren/borgerne/borgernes all give "borg"."""
    word = word.lower()
    if len(word) < MIN_WORD:
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            base = word[: -len(suffix)]
            # tilbuddet -> tilbud: the doubled consonant belongs to the ending.
            if _DOUBLE_END.search(base) and suffix[0] == "e" and len(base) > MIN_STEM:
                base = base[:-1]
            return base
    return word


def inflections(word: str, attested: Mapping[str, set[str]] | None = None,
                generate: bool = True, endings: tuple[str, ...] = LEAF_ENDINGS) -> set[str]:
    """Forms of a word's stem that a user may type, so that each is a prefix of one returned.

    These are the forms of the same stem seen anywhere on the site (`attested`, from
    `forms_by_stem`) and, with `generate`, the stem with each of `endings` ("borg" ->
    "borgernes", "borgerens", ..., which cover borgere/borgerne/borgeren) – with `attested`
    only when the word inflects like a noun (`noun_like`). Without `attested`: all generated.
    """
    if len(word) < MIN_STEM or word in STOP_WORDS or word.endswith(NO_INFLECTION_ENDINGS):
        return set()
    base = stem(word)
    if attested is None:
        return {base + ending for ending in endings}
    forms = set(attested.get(base, ()))
    if generate and noun_like(word, attested):
        lemma = min(forms | {word}, key=lambda f: (len(f), f))  # ties by spelling: reproducible
        fitting = _fitting_endings(lemma)
        forms.update(base + ending for ending in endings if ending in fitting)
    return forms


def _fitting_endings(lemma: str) -> tuple[str, ...]:
    """Long endings that fit the base form: ledelse -> ledelsernes/ledelsens; borger ->
    borgernes/borgerens; plan, udvalg, strategi -> -ernes, -enes, -ets (gender unknown)."""
    if lemma.endswith("e"):
        return ("ernes", "ens")
    if lemma.endswith("er"):
        return ("ernes", "erens")
    return ("ernes", "enes", "ets")


def noun_like(word: str, attested: Mapping[str, set[str]]) -> bool:
    """Whether a word inflects like a noun: a common noun or a compound ending in one, or seen
    on the site in two forms, one ending like a noun ("handleplan", "handleplanen"; not "maj")."""
    base = stem(word)
    if base in _COMMON_STEMS or any(base.endswith(s) for s in _LONG_COMMON_STEMS):
        return True  # a common noun, or a compound ending in one ("fagchefer")
    forms = attested.get(base, set())
    return len(forms) >= 2 and any(f[len(base):] in _NOUN_ENDINGS for f in forms)


def forms_by_stem(vocabulary: Iterable[str]) -> dict[str, set[str]]:
    """Words grouped by stem: {"borg": {"borger", "borgeren", "borgerne"}, ...}."""
    groups: dict[str, set[str]] = {}
    for word in vocabulary:
        groups.setdefault(stem(word), set()).add(word)
    return groups


def ascii_spelling(word: str) -> str:
    """æ/ø/å written the way a keyboard without them does: ae/oe/aa."""
    return word.translate(ASCII)


# Common Danish nouns that end (or start) compounds. A compound's tail from this list is
# accepted even when it never stands alone on the site ("ledelsestilsyn" -> "tilsyn"), and a
# head from it is inflected ("familieområdet" -> "familien", "familier").
_COMMON_NOUNS_TEXT = """
    afdeling aftale analyse anbefaling arbejde beslutning bestyrelse borger budget center chef
    dialog direktion direktør drift familie fokus forløb forum gruppe handicap høring indsats
    kommune kommunikation kontakt kultur leder ledelse miljø myndighed møde område opfølgning
    opgave organisering periode plan planlægning pleje princip proces projekt rapport samarbejde
    sted stilling strategi struktur styring system tilbud tillid tilsyn udvalg undersøgelse vagt
    visitation økonomi
"""
COMMON_NOUNS = frozenset(_COMMON_NOUNS_TEXT.split())


def compound_parts(word: str, vocabulary: set[str], depth: int = 2) -> list[str]:
    """Trailing parts of a compound that a user may type alone ("ledelsestilsyn" -> "tilsyn").

    A split head|tail is accepted when the tail has at least MIN_STEM letters and either
    - the tail (or its stem) is a common noun (COMMON_NOUNS), whatever the head, or
    - both tail and head are words seen on the site or common nouns, or stems of such words
      (the head may end in a linking -s/-e: "arbejds|miljø", "pårørende|råd").
    The longest acceptable tail wins; it is split again. Only tails are returned: the head is
    already a prefix of the compound (see `compound_heads` for the head's own inflections).
    """
    split = split_compound(word, vocabulary)
    if split is None or depth == 0:
        return []
    tail = split[1]
    return [tail, *compound_parts(tail, vocabulary, depth - 1)]


def split_compound(word: str, vocabulary: set[str]) -> tuple[str, str] | None:
    """The head and the longest acceptable tail of a compound (rule in `compound_parts`)."""
    word = word.lower()
    if len(word) < 2 * MIN_STEM + 1:
        return None
    for cut in range(MIN_STEM, len(word) - MIN_STEM + 1):  # longest tail first
        head, tail = word[:cut], word[cut:]
        if tail in _NOUN_ENDINGS:  # "plan|ens" is an inflection, not a compound
            continue
        if len(tail) >= MIN_WORD and _common(tail):
            return head, tail
        if _known(tail, vocabulary) and len(head) >= MIN_WORD and (
            _known(head, vocabulary) or _common(head)
            or (head[-1] in "se" and (_known(head[:-1], vocabulary) or _common(head[:-1])))
        ):
            return head, tail
    return None


def compound_heads(word: str, vocabulary: set[str]) -> list[str]:
    """Heads of a compound that are common nouns, without linking letter ("familieområdet"
    -> ["familie"]), so their inflections can be indexed: the compound has only the bare head."""
    split = split_compound(word, vocabulary)
    if split is None:
        return []
    head = split[0]
    for part in (head, head[:-1] if head[-1] in "se" else ""):
        if _common(part):
            return [_COMMON_STEMS.get(stem(part), part)]
    return []


def _common(part: str) -> bool:
    return part in COMMON_NOUNS or (len(part) >= MIN_WORD and stem(part) in _COMMON_STEMS)


def _known(part: str, vocabulary: set[str]) -> bool:
    # Short parts must be words themselves ("råd"), not just a stem ("ing" of "ingen").
    if part in STOP_WORDS:
        return False
    if len(part) <= MIN_WORD:
        return part in vocabulary
    return part in vocabulary or stem(part) in stems(vocabulary)


def stems(vocabulary: frozenset[str] | set[str]) -> set[str]:
    """Stems of a vocabulary (cached per vocabulary object)."""
    key = id(vocabulary)
    if _STEM_CACHE.get(key, (None,))[0] is not vocabulary:
        _STEM_CACHE.clear()
        _STEM_CACHE[key] = (vocabulary, {stem(w) for w in vocabulary})
    return _STEM_CACHE[key][1]


_STEM_CACHE: dict[int, tuple[object, set[str]]] = {}
_NOUN_ENDINGS = frozenset({"en", "et", "er", "ene", "erne", "ens", "ets", "enes", "ernes"})
_COMMON_STEMS = {stem(w): w for w in sorted(COMMON_NOUNS)}  # stem -> the noun
_LONG_COMMON_STEMS = tuple(s for s in _COMMON_STEMS if len(s) >= MIN_WORD)


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Every word seen in the texts (at least three letters), e.g. to recognise compound parts."""
    return {word for text in texts for word in words(text) if len(word) >= MIN_STEM}

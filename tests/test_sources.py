"""The sources, cell for cell: quoted fields checked against them, written dates against the
drawn periods, and every citation one click from its passage.

Randomised mutations of the strategy's quoted fields (fixed seed) must all be caught; its
written dates are drawn as written. This strategy's case texts and the table of its altered
cells: tests/indhold/test_indhold_sources.py.
"""

from __future__ import annotations

import random
import re

import pytest

from macros.data import model
from macros.data.loading import load_site_data
from macros.data.sources import normalize
from macros.data.verbatim import ROW_FIELDS, check_verbatim
from macros.data.writtendates import date_phrases, drawing_problems, impossible_dates, plan_year
from macros.data.yamlsource import YamlDocument
from macros.kvalitet.test_sources_cited import target
from tests.conftest import ROOT

# -- written dates ------------------------------------------------------------------------------


PHRASES = [
    ("Rekruttering pågår frem til juni 2023", ["juni 2023"]),
    ("Dec. - feb.: Udarbejdelse Dec. - april: Samtaler.", ["Dec. - feb.", "Dec. - april"]),
    ("Primo uge 15. og uge 40 2023", ["Primo uge 15.", "uge 40 2023"]),
    ("1 kvartal 2023. Primo 4. kvartal 2023.", ["1 kvartal 2023", "Primo 4. kvartal 2023"]),
    ("Den 29. marts og 27. sep. 2023.", ["29. marts", "27. sep. 2023"]),
    ("som startes op i første halvår 2023", ["første halvår 2023"]),
    ("Opstart proces feb./marts 2023", ["feb./marts 2023"]),
    ("To gange om året i 2023 og 2024", ["2023", "2024"]),
    ("den 25-10-2023 og dokument 27.04.23.pdf (99754/23)", ["25-10-2023"]),
    ("Decentralt: ingen datoer her", []),
]


@pytest.mark.parametrize(("text", "phrases"), PHRASES, ids=[p[0][:24] for p in PHRASES])
def test_date_phrases_are_found_in_written_cells(text: str, phrases: list[str]) -> None:
    assert [p.text for p in date_phrases(text)] == phrases


@pytest.mark.parametrize(("text", "impossible"), [
    ("5. kvartal 2023", True), ("uge 54 2023", True), ("31. februar 2024", True),
    ("uge 53 2023", True), ("3. halvår 2024", True), ("30-02-2024", True),
    ("4. kvartal 2023", False), ("uge 53 2026", False), ("29. februar 2024", False),
    ("29. februar", False), ("2. halvår 2023", False),
])
def test_impossible_dates(text: str, impossible: bool) -> None:
    assert bool(list(impossible_dates(f"Noget sker {text}."))) is impossible


def test_every_written_date_of_the_initiatives_is_drawn_as_written() -> None:
    site = load_site_data(ROOT)
    initiatives = site.tiltag.tiltag
    assert [(t.id, *problem) for t in initiatives for problem in
            drawing_problems(t, plan_year(initiatives, t.kilde.dokument))] == []


# -- randomised: mutate a word of a quoted field, the check must notice -------------------------


def _quoted_fields(site: object) -> list[tuple[str, tuple[str | int, ...], str]]:
    out: list[tuple[str, tuple[str | int, ...], str]] = []
    for i, t in enumerate(site.tiltag.tiltag):
        out += [("tiltag", ("tiltag", i, name), getattr(t, name)) for name in ROW_FIELDS
                if getattr(t, name)]
    for i, m in enumerate(site.moeder.moeder):
        for part in ("indstilling", "beslutning"):
            out += [("moeder", ("moeder", i, part, j, "tekst"), p.tekst)
                    for j, p in enumerate(getattr(m, part))]
        out += [("moeder", ("moeder", i, "bilag", j, "titel"), b.titel)
                for j, b in enumerate(m.bilag)]
    return out


def _set(obj: model.Strict, path: tuple[str | int, ...], value: str) -> model.Strict:
    head, *rest = path
    if not rest:
        return obj.model_copy(update={head: value})
    child = getattr(obj, str(head))
    index, *deeper = rest
    items = list(child)
    items[index] = _set(items[index], tuple(deeper), value)
    return obj.model_copy(update={head: items})


def _mutate(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.split()
    i = rng.randrange(len(words))
    how = rng.choice(("replace", "drop", "letter", "swap"))
    if how == "replace":
        words[i] = rng.choice([w for w in vocabulary if w != words[i]])
    elif how == "drop" and len(words) > 1:
        del words[i]
    elif how == "swap" and len(words) > 1:
        j = i + 1 if i + 1 < len(words) else i - 1
        words[i], words[j] = words[j], words[i]
    else:
        word = words[i]
        k = rng.randrange(len(word))
        words[i] = word[:k] + ("e" if word[k] != "e" else "a") + word[k + 1:]
    return " ".join(words)


RANDOM_CASES = 120


def test_random_word_mutations_of_quoted_fields_are_all_caught() -> None:
    site = load_site_data(ROOT)
    rng = random.Random(16)
    fields = _quoted_fields(site)
    vocabulary = sorted({w for t in site.kildetekster.values() for w in t.text.split()})
    docs = {name: YamlDocument(f"data/{name}.yml", lines=lines) for name, lines in
            site.lines.items()}
    caught = tried = 0
    missed = []
    for _ in range(RANDOM_CASES):
        name, path, value = rng.choice(fields)
        mutated = _mutate(value, rng, vocabulary)
        if normalize(mutated) == normalize(value):
            continue
        loaded = {n: getattr(site, n) for n in model.DATA_FILES}
        loaded[name] = _set(loaded[name], path, mutated)
        problems = check_verbatim(loaded, docs, site.kildetekster)
        tried += 1
        wanted = ".".join(str(p) for p in path[:2]).replace(".", "[", 1) + "]"
        if any(p.field.startswith(wanted) for p in problems):
            caught += 1
        else:
            missed.append((path, mutated))
    print(f"\nrandomised mutations: {caught}/{tried} caught ({caught / tried:.0%}), seed 16")
    assert tried >= 100
    assert missed == []


# -- the built site: every Kilde link to an existing, marked passage with the item's words ----


def _item_words(site: object, page_url: str, link: object) -> list[str]:
    """The words of the data item a Kilde link cites, which its passage must contain."""
    ancestor_ids = [a.get("id") for a in link.parents if a.get("id")]
    if page_url.startswith("tiltag/") and page_url.count("/") == 2 and not ancestor_ids:
        t = site.initiative(page_url.split("/")[1])
        return [t.beskrivelse or ""]
    if page_url.startswith("spor/") and page_url.count("/") == 2 and not ancestor_ids:
        return [site.track(page_url.split("/")[1]).titel]
    meetings = {m.id: m for m in site.moeder.moeder}
    phases = {f.id: f for f in site.faser.faser}
    recs = {a.id: a for a in site.anbefalinger.anbefalinger}
    for item_id in ancestor_ids:
        if item_id in meetings:
            m = meetings[item_id]
            return [p.tekst for p in (*m.indstilling, *m.beslutning)] + [b.titel for b in m.bilag]
        if item_id in phases:
            return [phases[item_id].periode_som_skrevet]
        if item_id in recs and recs[item_id].citat:
            return [recs[item_id].tekst or ""]
    return []


@pytest.mark.content
def test_every_kilde_link_reaches_a_marked_passage_with_the_cited_words(site_pages: dict) -> None:
    site = load_site_data(ROOT)
    links = 0
    for url, soup in site_pages.items():
        for link in soup.select("p.kilde a, .note a.kilde__link"):
            links += 1
            target_url, anchor = target(url, link["href"])
            assert target_url.startswith("kilder/"), (url, link["href"])
            assert target_url in site_pages, (url, link["href"])
            element = site_pages[target_url].find(id=anchor)
            assert element is not None, (url, link["href"])
            assert "kildested" in element.get("class", []), (url, link["href"])
            assert normalize(element.get_text(" ")), (url, link["href"])
    assert links >= len(site.tiltag.tiltag)  # every initiative's page cites its row
    # links written by hand into the sources (news posts) reach a passage too
    for url, soup in site_pages.items():
        for link in soup.select('a[href*="kilder/"]'):
            target_url, anchor = target(url, link["href"])
            if not anchor or not target_url.startswith("kilder/"):
                continue
            element = site_pages[target_url].find(id=anchor)
            assert element is not None and "kildested" in element.get("class", []), (
                url, link["href"])
    # and per cited item: its passages, together, hold the item's own words
    checked = 0
    for url, soup in site_pages.items():
        groups: dict[int, list] = {}
        for link in soup.select("p.kilde a.kilde__link"):
            groups.setdefault(id(link.parent), []).append(link)
        for group in groups.values():
            words = [w for w in _item_words(site, url, group[0]) if w]
            if not words:
                continue
            text = " ".join(
                normalize(site_pages[t].find(id=a).get_text(" "))
                for t, a in (target(url, g["href"]) for g in group))
            # glossary tooltips (<abbr>) and line breaks split the text into pieces: compare
            # without white space
            squeezed = re.sub(r"\s+", "", text)
            for w in words:
                assert re.sub(r"\s+", "", w) in squeezed, (url, w)
            checked += 1
    # every initiative page with a description and every meeting with points
    assert checked >= (sum(1 for t in site.tiltag.tiltag if t.beskrivelse)
                       + sum(1 for m in site.moeder.moeder if m.indstilling or m.beslutning))

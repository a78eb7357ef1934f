"""The sources, cell for cell: the case texts in the repository, quoted fields checked against
them, written dates against the drawn periods, and every citation one click from its passage.

A table of altered cells must each be caught on the right file and line; randomised mutations
of the real quoted fields (fixed seed) must all be caught; the real data passes.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.data import model
from macros.data.loading import load_site_data
from macros.data.sources import normalize
from macros.data.transcription import apply_corrections
from macros.data.verbatim import ROW_FIELDS, check_verbatim
from macros.data.writtendates import date_phrases, drawing_problems, impossible_dates, plan_year
from macros.data.yamlsource import YamlDocument
from tests.conftest import ROOT, build_site, page_line

# One file per initiative and meeting (data/tiltag/<id>.yml); a problem names the item's own
# file, its line there and the field path inside it.
TILTAG = "data/tiltag/ansaettelse-fagchefer.yml"  # Organisering, række 1
KULTUR = "data/tiltag/arbejdskultur-og-arbejdsmiljoe.yml"
DIREKTIONEN = "data/tiltag/direktionen.yml"
CHEFFORUM = "data/tiltag/chefforum.yml"
TILLID = "data/tiltag/tillid-og-kommunikation.yml"  # Politisk inddragelse …, række 5
TILSYN = "data/tiltag/ledelsestilsyn-boernemyndighed.yml"
VPU = "data/moeder/vpu-2023-10-26.yml"
OMU_DEL_3 = "data/moeder/temadag-omu-del-3.yml"
TEXTS = ROOT / "data" / "kildetekster"


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.editors.check", "--root", str(project), "--uden-lix"],
        cwd=project, capture_output=True, text=True, check=False,
    )


def edit(project: Path, rel: str, old: str, new: str, key: str | None = None) -> int:
    """Replace the first `old`; return the line of `key:` at or above it (the field's line)."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    line = text.count("\n", 0, index) + 1
    if key:
        lines = text.split("\n")
        while not re.search(rf"(^|[\s{{,]){key}:", lines[line - 1]):
            line -= 1
    return line


# -- the texts --------------------------------------------------------------------------------


def test_the_corrections_turn_the_scan_into_the_committed_transcription() -> None:
    site = load_site_data(ROOT)
    scanned = [k for k in site.kilder.kilder if k.scannet]
    assert [k.id for k in scanned] == ["sag-23-7776"]
    fixes = next(r.ord for r in site.rettelser.rettelser if r.kilde == "sag-23-7776")
    scan = (TEXTS / "sag-23-7776.scanning.txt").read_text(encoding="utf-8")
    text = (TEXTS / "sag-23-7776.txt").read_text(encoding="utf-8")
    assert apply_corrections(scan, fixes) == text
    assert len(fixes) == 144
    assert all(f.scannet != f.rettet for f in fixes)
    # letters only: the same number of lines and, line by line, the same number of words
    for before, after in zip(scan.split("\n"), text.split("\n"), strict=True):
        assert len(before.split()) == len(after.split()), (before, after)
    assert "Socialomradet" not in text and "Fælles langsigtet strategi på Socialområdet" in text


def test_the_text_documents_are_the_case_files_as_published() -> None:
    for name in ("sag-23-2079.txt", "tids-og-procesplan.txt", "sag-23-7776.scanning.txt"):
        text = (TEXTS / name).read_text(encoding="utf-8")
        assert text.strip(), name
    assert "Rekruttering pågår frem til juni 2023" in (TEXTS / "tids-og-procesplan.txt"
                                                       ).read_text(encoding="utf-8")


def test_the_real_data_passes_every_source_check() -> None:
    site = load_site_data(ROOT)  # raises DataError with every problem
    assert set(site.kildetekster) == {k.id for k in site.kilder.kilder}
    plan = site.kildetekster["tids-og-procesplan"]
    rows = [p for p in plan.passages if p.kind == "raekke"]
    assert len(rows) == len(site.tiltag.tiltag) == 18


PHRASES = [
    ("Rekruttering pågår frem til juni 2023", ["juni 2023"]),
    ("Dec. - feb.: Udarbejdelse Dec. - april: Samtaler.", ["Dec. - feb.", "Dec. - april"]),
    ("Primo uge 15. og uge 40 2023", ["Primo uge 15.", "uge 40 2023"]),
    ("1 kvartal 2023. Primo 4. kvartal 2023.", ["1 kvartal 2023", "Primo 4. kvartal 2023"]),
    ("Den 29. marts og 27. sep. 2023.", ["29. marts", "27. sep. 2023"]),
    ("som startes op i første halvår 2023", ["første halvår 2023"]),
    ("Opstart proces feb./marts 2023", ["feb./marts 2023"]),
    ("To gange om året i 2023 og 2024", ["2023", "2024"]),
    ("den 26-10-2023 og dokument 27.04.23.pdf (99754/23)", ["26-10-2023"]),
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


def test_every_written_date_of_the_real_initiatives_is_drawn_as_written() -> None:
    site = load_site_data(ROOT)
    initiatives = site.tiltag.tiltag
    assert [(t.id, *problem) for t in initiatives for problem in
            drawing_problems(t, plan_year(initiatives, t.kilde.dokument))] == []


# -- altered cells: the table the issue asks for ------------------------------------------------


@dataclass(frozen=True)
class Altered:
    name: str
    file: str
    apply: Callable[[Path], int]  # alters the project; returns the line the message names
    words: tuple[str, ...]  # on that line


def change(rel: str, old: str, new: str, key: str | None) -> Callable[[Path], int]:
    return lambda project: edit(project, rel, old, new, key)


def swap_columns(project: Path) -> int:
    return edit(project, DIREKTIONEN,
                "tidspunkt: Den 29. marts og 27. sep. 2023.\n"
                "ansvarlig: Socialområdet i samarbejde med Kommunaldirektørens sekretariat\n",
                "tidspunkt: Socialområdet i samarbejde med Kommunaldirektørens sekretariat\n"
                "ansvarlig: Den 29. marts og 27. sep. 2023.\n") + 1


ALTERED = [
    Altered("changed-word", TILLID,
            change(TILLID, "ansvarlig: Borgmester og Kommunaldirektør",
                   "ansvarlig: Borgmester og Kommunaldirektøren", "ansvarlig"),
            (": ansvarlig: ", "gengiver ikke kilden ord for ord",
             "«Borgmester og Kommunaldirektøren»", "nærmeste tekst i kilden",
             "«Borgmester og Kommunaldirektør»", "række 5")),
    Altered("the-known-wrong-cell", TILTAG,
            change(TILTAG, "Rekruttering pågår frem", "Rekruttering påbegyndt frem", "tidspunkt"),
            (": tidspunkt: ", "«Rekruttering pågår frem til juni 2023»",
             "Organisering, række 1")),
    Altered("dropped-last-sentence", KULTUR,
            change(KULTUR, " Proces i 2023 og 2024.\n", "\n", "tidspunkt"),
            (": tidspunkt: ", "kun en del af cellen", "«Proces i 2023 og 2024.» mangler")),
    Altered("dropped-middle-sentence", TILSYN,
            change(TILSYN, "Etablering af strukturer for ledelsestilsyn 2 kvartal 2023. ",
                   "", "tidspunkt"),
            (": tidspunkt: ", "gengiver ikke kilden ord for ord",
             "Etablering af strukturer for ledelsestilsyn 2 kvartal 2023")),
    Altered("two-columns-swapped", DIREKTIONEN, swap_columns,
            (": ansvarlig: ", "kolonnen «Centralt eller decentralt niveau»",
             "byttet om")),
    Altered("impossible-quarter-in-a-written-cell", CHEFFORUM,
            change(CHEFFORUM, "Primo 4. kvartal 2023.", "Primo 5. kvartal 2023.", "tidspunkt"),
            (": tidspunkt: ", "«Primo 5. kvartal 2023» er ikke en mulig dato",
             "kvartal skal være 1–4")),
    Altered("written-period-not-drawn", TILLID,
            change(TILLID, "  - dato: februar 2023\n", "  - dato: marts 2023\n", "tidspunkt"),
            (": tidspunkt: ", "tidsangivelsen «februar 2023»", "milepaele",
             "ikke_tegnet")),
    Altered("impossible-week-in-a-summary", OMU_DEL_3,
            change(OMU_DEL_3, "Sagen giver ingen dato; den hører til Del",
                   "Sagen giver ingen dato (uge 54 2023); den hører til Del", "resume"),
            (": resume: ", "«uge 54 2023» er ikke en mulig dato")),
    Altered("impossible-day-on-a-page", "docs/processen.md",
            page_line("docs/processen.md", "Mødet holdes 31. februar 2024."),
            ("dato", "«31. februar 2024» er ikke en mulig dato", "findes ikke")),
    Altered("changed-indstilling", VPU,
            change(VPU, "strategien sendes i administrativ høring",
                   "strategien sendes i offentlig høring", "tekst"),
            (": indstilling[1].tekst: ", "gengiver ikke kilden",
             "«Indstilling punkt 2»")),
    Altered("changed-journal-number", VPU,
            change(VPU, "journalnr: 104260/23", "journalnr: 104261/23", "journalnr"),
            (": bilag[1].journalnr: ", "«104260/23»")),
    Altered("place-not-in-the-source", TILTAG,
            change(TILTAG, "sted: Organisering, række 1\n", "sted: Organisering, række 9\n",
                   "sted"),
            (": kilde.sted: ", 'stedet "Organisering, række 9" findes ikke')),
    Altered("place-on-a-page", "docs/baggrund.md",
            change("docs/baggrund.md", '{{ kilde("sag-23-2079", "Baggrund") }}',
                   '{{ kilde("sag-23-2079", "Bagrund") }}', None),
            ("kilde", 'stedet "Bagrund" findes ikke', 'mente du "Baggrund"')),
    Altered("correction-not-in-the-scan", "data/rettelser.yml",
            change("data/rettelser.yml", '{linje: 2, scannet: "Aben"', '{linje: 3, scannet: "Aben"',
                   "linje"),
            ("rettelser[0].ord[5]", '"Aben" står ikke', "linje 3")),
    Altered("transcription-edited-by-hand", "data/kildetekster/sag-23-7776.txt",
            change("data/kildetekster/sag-23-7776.txt", "Ad 3: Godkendt.", "Ad 3: Godkendt!",
                   None),
            ("den rettede tekst svarer ikke til scanningen", "«Ad 3: Godkendt!»")),
]


@pytest.mark.parametrize("altered", ALTERED, ids=[a.name for a in ALTERED])
def test_an_altered_cell_is_caught_on_its_line(project_copy: Path, altered: Altered) -> None:
    line = altered.apply(project_copy)
    result = run_check(project_copy)
    assert result.returncode == 1, result.stdout
    mine = [x for x in result.stdout.splitlines() if x.startswith(f"{altered.file}:{line}: ")]
    assert any(all(w in x for w in altered.words) for x in mine), result.stdout


def test_the_strict_build_fails_on_a_changed_word_and_names_the_line(project_copy: Path,
                                                                     tmp_path: Path) -> None:
    line = edit(project_copy, TILLID, "ansvarlig: Borgmester og Kommunaldirektør",
                "ansvarlig: Borgmester og Kommunaldirektøren", "ansvarlig")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"{TILLID}:{line}: ansvarlig: teksten gengiver ikke kilden" in (
        result.stdout + result.stderr)
    assert not (tmp_path / "site" / "index.html").exists()


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


def _target(page_url: str, href: str) -> tuple[str, str]:
    path, _, anchor = href.partition("#")
    parts = [p for p in page_url.split("/") if p]
    for piece in path.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return ("/".join(parts) + "/" if parts else ""), anchor


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
            target_url, anchor = _target(url, link["href"])
            assert target_url.startswith("kilder/"), (url, link["href"])
            assert target_url in site_pages, (url, link["href"])
            element = site_pages[target_url].find(id=anchor)
            assert element is not None, (url, link["href"])
            assert "kildested" in element.get("class", []), (url, link["href"])
            assert normalize(element.get_text(" ")), (url, link["href"])
    assert links > 100
    # links written by hand into the sources (news posts) reach a passage too
    for url, soup in site_pages.items():
        for link in soup.select('a[href*="kilder/"]'):
            target_url, anchor = _target(url, link["href"])
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
                for t, a in (_target(url, g["href"]) for g in group))
            # glossary tooltips (<abbr>) and line breaks split the text into pieces: compare
            # without white space
            squeezed = re.sub(r"\s+", "", text)
            for w in words:
                assert re.sub(r"\s+", "", w) in squeezed, (url, w)
            checked += 1
    assert checked >= 18 + 5  # every initiative page and the meetings with points

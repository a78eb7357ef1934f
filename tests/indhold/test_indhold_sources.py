"""This strategy's sources, cell for cell (moved from tests/test_sources.py): the case texts
in the repository, the real data passing every source check, and a table of altered cells of
its plan and meetings, each caught on the right file and line by the check (and one by the
strict build).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.data.loading import load_site_data
from macros.data.transcription import apply_corrections
from tests.conftest import ROOT, build_site, page_line
from tests.test_mistakes import run_check

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



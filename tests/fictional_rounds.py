"""TEST DATA – fictional status rounds, written only into temporary copies of a project.

Nothing here is a fact: statuses, texts, reasons and dates are invented to exercise the round
pages, and every text says so ("Testdata"). The rounds are made from whatever initiatives the
copy has (any strategy with at least three): the first three change status in the second round
(completed, delayed, postponed), the others keep theirs, and one invented initiative, added to
the copy, is reported first in the second round with an expected end later than its plan's.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

FIRST = "2024-03-12"
SECOND = "2024-09-10"
MARK = "# TESTDATA: opdigtet statusrunde til test – ikke en oplysning fra kilderne.\n"

Line = tuple[str, str | None, str | None]  # (status, begrundelse, forventet_slut)

REASON_DELAYED = "Testdata: forsinket, fordi arbejdsgruppen først blev nedsat i juni."
REASON_POSTPONED = "Testdata: udskudt til efter budgetforhandlingerne."
REASON_MOVED = "Testdata: handleplanen venter på den nye lovgivning."

# TEST DATA: the invented initiative whose expected end moves past its plan's (and past the
# build's 'today', so it is overdue).
MOVED_ID = "testdata-ny-slutdato"
MOVED_TITLE = "Testdata – opdigtet tiltag med en senere slutdato"
MOVED_PLAN = "2. halvår 2024"  # the plan ends 31 December 2024
MOVED_PLAN_END = "31. december 2024"
MOVED_END = "1. halvår 2025"  # ends 30 June 2025
MOVED_END_DAY = "30. juni 2025"

# The statuses of the initiatives that keep theirs, in turn.
STEADY = ("i gang", "løbende", "afsluttet", "planlagt")


@dataclass(frozen=True)
class Rounds:
    """The two rounds over a copy's initiatives (in the plan's order, the invented one last)."""

    initiatives: tuple[str, ...]
    first: dict[str, Line | None]
    second: dict[str, Line | None]

    @property
    def completed(self) -> str:
        return self.initiatives[0]

    @property
    def delayed(self) -> str:
        return self.initiatives[1]

    @property
    def postponed(self) -> str:
        return self.initiatives[2]

    @property
    def changed(self) -> dict[str, tuple[str, str]]:
        """What the second round changed: initiative id -> (status before, status after)."""
        return {i: (before[0], after[0]) for i in self.initiatives
                if (before := self.first[i]) and (after := self.second[i])
                and before[0] != after[0]}

    @property
    def first_time(self) -> tuple[str, ...]:
        return tuple(i for i in self.initiatives if self.first[i] is None and self.second[i])


def plan_rounds(initiatives: list[str]) -> Rounds:
    """The rounds for these initiative ids (the copy's own, in the plan's order)."""
    if len(initiatives) < 3:
        raise ValueError(f"de opdigtede statusrunder kræver mindst tre tiltag: {initiatives}")
    steady = itertools.cycle(STEADY)
    first: dict[str, Line | None] = {i: (next(steady), None, None) for i in initiatives[3:]}
    first.update({initiatives[0]: ("i gang", None, None), initiatives[1]: ("i gang", None, None),
                  initiatives[2]: ("planlagt", None, None), MOVED_ID: None})
    second: dict[str, Line | None] = {
        **first,
        initiatives[0]: ("afsluttet", None, None),
        initiatives[1]: ("forsinket", REASON_DELAYED, None),
        initiatives[2]: ("udskudt", REASON_POSTPONED, None),
        MOVED_ID: ("i gang", REASON_MOVED, MOVED_END),
    }
    return Rounds((*initiatives, MOVED_ID), first, second)


def round_data(day: str, lines: dict[str, Line | None], **extra: Any) -> dict[str, Any]:
    rows = []
    for initiative, line in lines.items():
        if line is None:
            continue
        status, reason, end = line
        row: dict[str, Any] = {"tiltag": initiative, "status": status,
                               "tekst": f"Testdata: {initiative} er {status} pr. {day}."}
        if reason:
            row["begrundelse"] = reason
        if end:
            row["forventet_slut"] = end
        rows.append(row)
    return {"dato": day, **extra, "tiltag": rows}


def write_round(project: Path, data: dict[str, Any], name: str | None = None) -> Path:
    folder = project / "data" / "statusrunder"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or data['dato']}.yml"
    path.write_text(MARK + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


# An invented source that is a reference without a transcription (data/kilder.yml, no 'fil').
REFERENCE_ID = "testdata-referat"
REFERENCE_COMMITTEE = "Testdata-udvalget"
REFERENCE = f"""  - id: {REFERENCE_ID}
    titel: Testdata – referat fra et opdigtet OMU-møde
    udvalg: {REFERENCE_COMMITTEE}
    dato: {FIRST}
    adresse: https://example.org/testdata/referat
    beskrivelse: Testdata – en kilde, der kun er en henvisning.
"""


def initiative_ids(project: Path) -> list[str]:
    from macros.data.loading import load_site_data

    return [t.id for t in load_site_data(project).tiltag.tiltag]


def add_moved_initiative(project: Path) -> None:
    """The invented initiative, in the first track, citing where the strategy's approval stands
    (a place that is no row of a plan, whose columns it would have to quote)."""
    from macros.data.loading import load_site_data

    site = load_site_data(project)
    item = {"id": MOVED_ID, "titel": MOVED_TITLE, "spor": site.spor.spor[0].id,
            "perioder": [{"tekst": MOVED_PLAN}],
            "kilde": site.identity.godkendt.kilde.model_dump(exclude_none=True),
            "raekkefoelge": 10 * (len(site.tiltag.tiltag) + 100)}
    folder = project / "data" / "tiltag"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{MOVED_ID}.yml").write_text(
        "# TESTDATA: opdigtet tiltag til test – ikke en oplysning fra kilderne.\n"
        + yaml.safe_dump(item, allow_unicode=True, sort_keys=False), encoding="utf-8")


def second_round_source(project: Path) -> tuple[str | None, dict[str, str]]:
    """The second round's meeting (the copy's first dated one) and source (where the identity
    says status is treated: a place that exists in any strategy's sources)."""
    from macros.data.loading import load_site_data

    site = load_site_data(project)
    meeting = next((m.id for m in site.moeder.moeder if m.dato), None)
    source = site.identity.statusbehandling.kilde.model_dump(exclude_none=True)
    return meeting, source


def write_fictional_rounds(project: Path) -> Rounds:
    """Replace the copy's rounds with two invented ones: the first without the invented
    initiative (citing a reference source, not transcribed), the second with every initiative
    and several changes."""
    import shutil

    shutil.rmtree(project / "data" / "statusrunder", ignore_errors=True)
    rounds = plan_rounds(initiative_ids(project))
    kilder = project / "data" / "kilder.yml"
    text = kilder.read_text(encoding="utf-8")
    kilder.write_text(text.replace("kilder:\n", "kilder:\n" + REFERENCE, 1), encoding="utf-8")
    add_moved_initiative(project)
    meeting, source = second_round_source(project)
    write_round(project, round_data(FIRST, rounds.first, kilde={"dokument": REFERENCE_ID}))
    extra = {"moede": meeting} if meeting else {}
    write_round(project, round_data(SECOND, rounds.second, **extra, kilde=source))
    return rounds

"""TEST DATA – fictional status rounds, written only into temporary copies of the project.

The sources report no status round yet, so nothing here is a fact: statuses, texts, reasons and
dates are invented to exercise the round pages, and every text says so ("Testdata").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

FIRST = "2024-03-12"
SECOND = "2024-09-10"
MARK = "# TESTDATA: opdigtet statusrunde til test – ikke en oplysning fra kilderne.\n"

# initiative id -> (status, begrundelse, forventet_slut) in each round; None: not reported.
FIRST_LINES: dict[str, tuple[str, str | None, str | None] | None] = {
    "ansaettelse-fagchefer": ("afsluttet", None, None),
    "aftaleholder-myndighed-visitation-voksen": ("i gang", None, None),
    "flytning-af-arbejdssted": ("planlagt", None, None),
    "styrkelse-af-afdelingsledelsen": ("i gang", None, None),
    "arbejdskultur-og-arbejdsmiljoe": ("i gang", None, None),
    "handleplan-boernemyndighed": ("i gang", None, None),
    "direktionen": ("løbende", None, None),
    "chefforum": ("i gang", None, None),
    "styregrupper": ("planlagt", None, None),
    "fagudvalg-buu-vpu": ("i gang", None, None),
    "tillid-og-kommunikation": ("afsluttet", None, None),
    "understoettelse-af-centrale-ledere": ("løbende", None, None),
    "vagtplanlaegning": ("i gang", None, None),
    "eftersyn-styringsprincipper": ("i gang", None, None),
    "ledelsestilsyn-boernemyndighed": ("i gang", None, None),
    "opfoelgning-og-afslutning-af-sager": ("løbende", None, None),
    "faelles-langsigtet-strategi": None,
    "kommunikationstilgang": None,
}
REASON_DELAYED = "Testdata: forsinket, fordi arbejdsgruppen først blev nedsat i juni."
REASON_POSTPONED = "Testdata: udskudt til efter budgetforhandlingerne."
REASON_MOVED = "Testdata: handleplanen venter på den nye lovgivning."
SECOND_LINES = {
    **FIRST_LINES,
    "aftaleholder-myndighed-visitation-voksen": ("afsluttet", None, None),
    "arbejdskultur-og-arbejdsmiljoe": ("forsinket", REASON_DELAYED, None),
    "styregrupper": ("udskudt", REASON_POSTPONED, None),
    "handleplan-boernemyndighed": ("i gang", REASON_MOVED, "1. halvår 2025"),
    "faelles-langsigtet-strategi": ("afsluttet", None, None),
    "kommunikationstilgang": ("i gang", None, None),
}
# What the second round changed (asserted by the tests).
CHANGED = {"aftaleholder-myndighed-visitation-voksen": ("i gang", "afsluttet"),
           "arbejdskultur-og-arbejdsmiljoe": ("i gang", "forsinket"),
           "styregrupper": ("planlagt", "udskudt")}
FIRST_TIME = ("faelles-langsigtet-strategi", "kommunikationstilgang")


def round_data(day: str, lines: dict[str, tuple[str, str | None, str | None] | None],
               **extra: Any) -> dict[str, Any]:
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
REFERENCE_ID = "testdata-referat-omu"
REFERENCE = f"""  - id: {REFERENCE_ID}
    titel: Testdata – referat fra et opdigtet OMU-møde
    udvalg: Områdeudvalg Socialområdet
    dato: {FIRST}
    adresse: https://example.org/testdata/referat
    beskrivelse: Testdata – en kilde, der kun er en henvisning.
"""


def write_fictional_rounds(project: Path) -> None:
    """Two rounds: the first with 16 initiatives (citing a reference source, not transcribed),
    the second with all 18 and several changes."""
    kilder = project / "data" / "kilder.yml"
    text = kilder.read_text(encoding="utf-8")
    kilder.write_text(text.replace("kilder:\n", "kilder:\n" + REFERENCE, 1), encoding="utf-8")
    write_round(project, round_data(FIRST, FIRST_LINES, kilde={"dokument": REFERENCE_ID}))
    source = {"dokument": "sag-23-7776", "sted": "Indstilling punkt 3"}
    write_round(project, round_data(SECOND, SECOND_LINES, moede="omu-2023-09-12", kilde=source))

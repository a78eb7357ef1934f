"""The half-yearly status rounds: one file per round, data/statusrunder/<ÅÅÅÅ-MM-DD>.yml.

A round is the only place an initiative's status lives (one place for one fact): its current
status is its line in the newest round that reports on it. The checks here need the other data
files (initiatives, meetings, sources), so they run after those have loaded; the loader
translates the model's own errors (macros/data/loading.py). No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from macros.data.model import (
    NEEDS_JUSTIFICATION,
    Id,
    Kildehenvisning,
    PeriodeTekst,
    Status,
    Strict,
    Text,
    Tiltag,
)
from macros.data.periods import Period, format_date_da, parse_period
from macros.data.problems import Problem, did_you_mean
from macros.data.yamlsource import YamlDocument, problem_at, read_yaml

FOLDER = "statusrunder"


class RundeLinje(Strict):
    """One initiative's line in a round."""

    tiltag: Id = Field(description="Tiltagets id fra data/tiltag/, fx "
                       "'arbejdskultur-og-arbejdsmiljoe'. Hvert tiltag højst én gang pr. runde.")
    status: Status = Field(description="En af: planlagt, i gang, løbende, forsinket, udskudt, "
                           "afsluttet.")
    tekst: Text = Field(description="Kort om, hvor langt tiltaget er – gerne med referatets ord.")
    begrundelse: str | None = Field(
        default=None, description="Påkrævet ved 'forsinket' og 'udskudt', og når "
        "'forventet_slut' ligger senere end planens slut.")
    forventet_slut: str | None = Field(
        default=None, description="Hvornår tiltaget nu ventes afsluttet, skrevet som planen "
        "skriver perioder, fx '1. halvår 2025'. Udelad feltet, når planens slut holder.")

    @field_validator("forventet_slut")
    @classmethod
    def _readable(cls, value: str | None) -> str | None:
        return None if value is None else PeriodeTekst._readable(value)

    @model_validator(mode="after")
    def _justified(self) -> RundeLinje:
        if self.status in NEEDS_JUSTIFICATION and not self.begrundelse:
            raise ValueError(
                f'status "{self.status.value}" kræver en begrundelse – tilføj feltet '
                "'begrundelse' med en kort forklaring"
            )
        return self

    @property
    def expected_end(self) -> Period | None:
        return parse_period(self.forventet_slut) if self.forventet_slut else None


class Statusrunde(Strict):
    """One half-yearly status round, as treated at its meeting."""

    dato: dt.date = Field(description="Datoen, runden blev behandlet, skrevet "
                          "ÅÅÅÅ-MM-DD. Filen hedder det samme: data/statusrunder/<dato>.yml.")
    moede: Id | None = Field(default=None, description="Mødets id fra data/moeder/, når mødet "
                             "står dér, fx 'udvalg-2024-05-14'.")
    kilde: Kildehenvisning | None = Field(
        default=None, description="Referatet, når det er offentliggjort.")
    tiltag: list[RundeLinje] = Field(
        default_factory=list, description="Én linje pr. tiltag, der er rapporteret status for "
        "i runden.")


@dataclass(frozen=True)
class Entry:
    """An initiative's line with the round it belongs to."""

    round: Statusrunde
    line: RundeLinje


def plan_end(t: Tiltag) -> dt.date | None:
    """The end of the plan as written: the latest end of its periods and milestones (None when
    it has none or one is open)."""
    periods = [p.period for p in t.perioder] + [m.period for m in t.milepaele]
    if not periods or any(p.end is None for p in periods):
        return None
    return max(p.end for p in periods if p.end)


def round_url(day: dt.date) -> str:
    return f"status/runder/{day.isoformat()}/"


def current_entries(rounds: Iterable[Statusrunde]) -> dict[str, Entry]:
    """Initiative id -> its line in the newest round that reports on it."""
    out: dict[str, Entry] = {}
    for r in sorted(rounds, key=lambda r: r.dato):
        for line in r.tiltag:
            out[line.tiltag] = Entry(r, line)
    return out


def entries_by_initiative(rounds: Iterable[Statusrunde]) -> dict[str, list[Entry]]:
    """Initiative id -> every round's line on it, newest first."""
    out: dict[str, list[Entry]] = {}
    for r in sorted(rounds, key=lambda r: r.dato, reverse=True):
        for line in r.tiltag:
            out.setdefault(line.tiltag, []).append(Entry(r, line))
    return out


def read_round_files(data_dir: Path) -> list[YamlDocument]:
    folder = data_dir / FOLDER
    return [read_yaml(path, f"data/{FOLDER}/{path.name}")
            for path in sorted(folder.glob("*.yml"))] if folder.is_dir() else []


def check_rounds(docs: list[tuple[YamlDocument, Statusrunde]], initiatives: list[Tiltag],
                 meetings: list[str], sources: list[str]) -> list[Problem]:
    """What the model alone cannot see: the file's name, references, repeats, moved ends."""
    problems: list[Problem] = []
    by_id = {t.id: t for t in initiatives}

    def unknown(doc: YamlDocument, loc: tuple[str | int, ...], value: str,
                choices: list[str], what: str, where: str) -> None:
        problems.append(problem_at(doc, loc, f'ukendt {what} "{value}"'
                                   f"{did_you_mean(value, choices)} – den skal findes i {where}"))

    for doc, r in docs:
        stem = Path(doc.path).stem
        if stem != r.dato.isoformat():
            problems.append(problem_at(doc, ("dato",), (
                f'filen hedder "{Path(doc.path).name}", men runden er dateret '
                f"{r.dato.isoformat()} – filen skal hedde som rundens dato: "
                f"data/{FOLDER}/{r.dato.isoformat()}.yml (omdøb filen, eller ret datoen)")))
        if r.moede is not None and r.moede not in meetings:
            unknown(doc, ("moede",), r.moede, meetings, "møde", "data/moeder/")
        if r.kilde is not None and r.kilde.dokument not in sources:
            unknown(doc, ("kilde", "dokument"), r.kilde.dokument, sources, "kilde",
                    "data/kilder.yml")
        seen: dict[str, int] = {}
        for j, line in enumerate(r.tiltag):
            t = by_id.get(line.tiltag)
            if t is None:
                unknown(doc, ("tiltag", j, "tiltag"), line.tiltag, list(by_id), "tiltag",
                        "data/tiltag/")
                continue
            if line.tiltag in seen:
                problems.append(problem_at(doc, ("tiltag", j, "tiltag"), (
                    f'tiltaget "{line.tiltag}" står to gange i runden (også i tiltag'
                    f"[{seen[line.tiltag]}]) – hvert tiltag højst én gang; slet den ene linje")))
            seen.setdefault(line.tiltag, j)
            end, expected = plan_end(t), line.expected_end
            if end and expected and expected.end and expected.end > end \
                    and not line.begrundelse:
                problems.append(problem_at(doc, ("tiltag", j, "forventet_slut"), (
                    f'"{line.forventet_slut}" er senere end planens slut ({format_date_da(end)}) – '
                    "en udskudt slutdato kræver en begrundelse: tilføj feltet 'begrundelse'")))
    return problems

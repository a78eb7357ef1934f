"""Synthetic data for the benchmark: N initiatives in the shapes of data/, in realistic Danish.

`write_synthetic_data(project, n)` rewrites data/tiltag/, data/spor.yml and data/moeder/
in a *copy* of the project. Real records that the hand-written pages refer to (by id) are kept,
so the copy still builds strictly; the rest is generated deterministically (fixed seed) from a
pool of sentences harvested from the project's own data and pages, so the text has the length,
vocabulary and glossary terms of the real site. Tracks and meetings grow with N.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")
STATUSES = ("planlagt", "i gang", "løbende", "forsinket", "udskudt", "afsluttet")
MEETING_TYPES = ("beslutning", "temadag", "dialogmøde", "høring")
ACTIONS = ("Styrkelse af", "Udvikling af", "Implementering af", "Evaluering af",
           "Kompetenceudvikling i", "Ny organisering af", "Fælles retning for",
           "Opfølgning på", "Samarbejde om", "Analyse af", "Forenkling af", "Digitalisering af")
OBJECTS = ("dokumentationspraksis i Myndighed og Visitation Voksen",
           "arbejdsmiljøet i aftaleområderne", "samarbejdet med pårørende og borgere",
           "den faglige ledelse på bostederne", "rammestyring og budgetopfølgning",
           "overgangen fra barn til voksen", "indsatsen for borgere med psykiske vanskeligheder",
           "inddragelsen af LMU og TRIO", "kommunikationen til medarbejdere og politikere",
           "STU-forløb i lyset af ny lovgivning", "rekruttering og fastholdelse af personale",
           "helhedsorienterede indsatser på tværs af områderne",
           "handleplaner for det specialiserede voksenområde",
           "den administrative understøttelse i aftaleområderne")
RESPONSIBLE = ("Velfærdsdirektør", "Socialchef", "Konstitueret socialchef",
               "Aftaleholder Område Grenaa", "Aftaleholder Socialpsykiatri",
               "Leder af Myndighed og Visitation Voksen", "Økonomi og administration")
FALLBACK_SENTENCES = (
    "Tiltaget sættes i gang i tæt dialog med LMU og den lokale ledelse.",
    "Der udarbejdes en plan for inddragelse af medarbejdere, borgere og pårørende.",
    "Status på arbejdet behandles i OMU og i den samlede ledergruppe hvert halve år.",
    "Forvaltningen følger op på, om indsatsen giver den ønskede effekt for borgerne.",
)
SEED = 20231026


@dataclass(frozen=True)
class Counts:
    """How many records of each kind a synthetic data set has (real ones included)."""

    initiatives: int
    tracks: int
    meetings: int
    rounds: int = 0


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def real_counts(project: Path) -> Counts:
    """The counts of the project's own data (the benchmark's real-size row)."""
    data = project / "data"
    return Counts(len(_load_collection(data, "tiltag").get("tiltag") or []),
                  len(_load(data / "spor.yml").get("spor") or []),
                  len(_load_collection(data, "moeder").get("moeder") or []),
                  len(list((data / "statusrunder").glob("*.yml"))))


def _load_collection(data: Path, name: str) -> dict[str, Any]:
    """data/<name>/*.yml (one item per file, in raekkefoelge order) or the single file."""
    folder = data / name
    if folder.is_dir() and any(folder.glob("*.yml")):
        items = [_load(p) for p in sorted(folder.glob("*.yml"))]
        items.sort(key=lambda item: item.get("raekkefoelge") or 10**9)
        return {name: [{k: v for k, v in i.items() if k != "raekkefoelge"} for i in items]}
    return _load(data / f"{name}.yml")


def _write_collection(data: Path, name: str, header: str, items: list[dict[str, Any]],
                      layout: str) -> None:
    """As the project keeps it (`folder`: data/<name>/<id>.yml) or as one file (`file`)."""
    folder = data / name
    shutil.rmtree(folder, ignore_errors=True)
    (data / f"{name}.yml").unlink(missing_ok=True)
    if layout == "file":
        _dump(data / f"{name}.yml", header, {name: items})
        return
    folder.mkdir()
    for index, item in enumerate(items):
        text = yaml.safe_dump({**item, "raekkefoelge": 10 * (index + 1)}, allow_unicode=True,
                              sort_keys=False, width=100)
        (folder / f"{item['id']}.yml").write_text(text, encoding="utf-8")


def _dump(path: Path, header: str, data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + text, encoding="utf-8")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def sentence_pool(project: Path) -> list[str]:
    """Danish sentences from the project's data and pages (Jinja, HTML and Markdown removed)."""
    texts: list[str] = []
    for path in sorted((project / "data").glob("*.yml")):
        texts.extend(_strings(_load(path)))
    for path in sorted((project / "docs").rglob("*.md")):
        body = re.sub(r"\{[{%#].*?[}%#]\}", " ", path.read_text(encoding="utf-8"), flags=re.S)
        body = re.sub(r"<[^>]+>|[#*_>`|\[\]]|\(\S+?\)", " ", body)
        texts.append(body)
    sentences = []
    for text in texts:
        for part in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if 40 <= len(part) <= 300 and part[0].isupper() and part.endswith("."):
                sentences.append(part)
    return sorted(set(sentences)) or list(FALLBACK_SENTENCES)


def _referenced(project: Path, ids: list[str]) -> set[str]:
    """Ids that hand-written pages or templates mention, which must survive the rewrite."""
    text = "".join(p.read_text(encoding="utf-8", errors="replace")
                   for folder in ("docs", "overrides", "macros/views/templates")
                   for p in (project / folder).rglob("*") if p.is_file()
                   and p.suffix in (".md", ".html", ".txt", ".yml"))
    return {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}


QUOTED_ROW = ("beskrivelse", "tidspunkt", "niveau", "ansvarlig", "bemaerkning", "perioder",
              "milepaele", "kilde", "fortolkning")
QUOTED_DECISION = ("sag", "indstilling_af", "indstilling", "beslutning", "bilag", "kilde")
STATUS_SOURCE = {"dokument": "sag-23-7776", "sted": "Beslutning"}


class _Generator:
    def __init__(self, project: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.pool = sentence_pool(project)
        self.sources = [k["id"] for k in _load(project / "data/kilder.yml").get("kilder", [])]
        recs = _load(project / "data/anbefalinger.yml").get("anbefalinger", [])
        self.recommendations = [a["id"] for a in recs]
        marks = _load(project / "data/pejlemaerker.yml").get("pejlemaerker", []) or []
        self.landmarks = [p["id"] for p in marks]
        meetings = _load_collection(project / "data", "moeder").get("moeder", [])
        self.committees = sorted({u for m in meetings for u in m.get("udvalg", [])}) or []
        # The check compares quoted fields with the case texts (macros/data/verbatim.py), so a
        # synthetic initiative quotes a real row of the plan (its cells, periods and place) and
        # a synthetic decision quotes a real case's points; the rest is generated.
        self.rows = [{k: t[k] for k in QUOTED_ROW if k in t}
                     for t in _load_collection(project / "data", "tiltag").get("tiltag", [])]
        self.decisions = [{k: m[k] for k in QUOTED_DECISION if k in m}
                          for m in meetings if m.get("indstilling")]

    def text(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(self.pool) for _ in range(self.rng.randint(low, high)))

    def source(self, place: str) -> dict[str, str]:
        return {"dokument": self.rng.choice(self.sources), "sted": place}

    def period(self) -> str:
        r, year = self.rng, self.rng.randint(2023, 2027)
        form = r.randrange(6)
        if form == 0:
            return f"{r.randint(1, 2)}. halvår {year}"
        if form == 1:
            return f"uge {r.randint(1, 52)} {year}"
        if form == 2:
            first = r.randint(0, 8)
            return f"{MONTHS[first]} – {MONTHS[r.randint(first + 1, 11)]} {year}"
        if form == 3:
            return f"løbende fra {r.randint(1, 2)}. halvår {year}"
        if form == 4:
            return f"{r.randint(1, 4)}. kvartal {year}"
        return f"{r.randint(1, 28)}. {MONTHS[r.randrange(12)]} {year}"

    def initiative(self, number: int, track: str) -> dict[str, Any]:
        r = self.rng
        title = f"{r.choice(ACTIONS)} {r.choice(OBJECTS)}"
        item: dict[str, Any] = {
            "id": f"synt-{number:05d}-{re.sub(r'[^a-z0-9]+', '-', title.lower()[:30]).strip('-')}",
            "titel": title,
            "spor": track,
            "beskrivelse": self.text(1, 2),
            "tidspunkt": self.text(1, 2),
            "niveau": r.choice(("centralt", "decentralt")),
            "ansvarlig": r.choice(RESPONSIBLE),
            "bemaerkning": self.text(0, 2) or None,
            "perioder": [{"tekst": self.period(), "betegnelse": r.choice(("Hele forløbet", None))}
                         for _ in range(r.randint(0, 2))],
            "milepaele": [{"dato": self.period(), "titel": self.text(1, 1)[:80]}
                          for _ in range(r.randint(0, 4))],
            "anbefalinger": r.sample(self.recommendations, min(len(self.recommendations),
                                                               r.randint(0, 2))),
            "pejlemaerker": r.sample(self.landmarks, min(len(self.landmarks), r.randint(0, 2))),
            "kilde": self.source(f"Tabellen, række {number}"),
            "fortolkning": self.text(1, 2) if r.random() < 0.4 else None,
        }
        if self.rows:
            for key in QUOTED_ROW:
                item.pop(key, None)
            item.update(self.rows[number % len(self.rows)])
        return {k: v for k, v in item.items() if v not in (None, [])}

    def round(self, day: str, ids: list[str]) -> dict[str, Any]:
        """A status round (data/statusrunder/<day>.yml) with a line for most initiatives."""
        r = self.rng
        lines = []
        for initiative in ids:
            if r.random() < 0.1:
                continue  # not every round reports on every initiative
            line = {"tiltag": initiative, "status": r.choice(STATUSES),
                    "tekst": self.text(1, 2)}
            if line["status"] in ("forsinket", "udskudt"):
                line["begrundelse"] = self.text(1, 1)
            lines.append(line)
        return {"dato": day, "kilde": STATUS_SOURCE, "tiltag": lines}

    def track(self, number: int) -> dict[str, Any]:
        title = f"{self.rng.choice(ACTIONS)} {self.rng.choice(OBJECTS)}"
        return {"id": f"synt-spor-{number:04d}", "titel": title, "beskrivelse": self.text(1, 3),
                "kilde": {"dokument": "tids-og-procesplan", "sted": "Tabellen"}}

    def meeting(self, number: int, initiatives: list[str]) -> dict[str, Any]:
        r = self.rng
        year = r.randint(2023, 2026)
        points = r.randint(1, 4)
        item: dict[str, Any] = {
            "id": f"synt-moede-{number:05d}",
            "type": r.choice(MEETING_TYPES),
            "titel": self.text(1, 1)[:120].rstrip("."),
            "dato": f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            "udvalg": r.sample(self.committees, min(len(self.committees), r.randint(1, 2))),
            "sag": f"{year % 100:02d}/{r.randint(1000, 9999)}",
            "resume": self.text(2, 4),
            "indstilling_af": "Direktøren",
            "indstilling": [{"nr": i, "tekst": self.text(1, 1)} for i in range(1, points + 1)],
            "beslutning": [{"nr": i, "tekst": r.choice(("Godkendt.", "Drøftet.", "Taget til "
                                                        "efterretning."))}
                           for i in range(1, points + 1)],
            "bilag": [{"nr": i, "titel": f"{self.text(1, 1)[:60].rstrip('.')}.pdf",
                       "journalnr": f"{r.randint(10000, 99999)}/{year % 100:02d}",
                       "dokumentnr": str(r.randint(3000000, 3999999))}
                      for i in range(1, r.randint(1, 3) + 1)],
            "tiltag": r.sample(initiatives, min(len(initiatives), r.randint(1, 6))),
            "kilde": self.source("Beslutning"),
        }
        if self.decisions:
            item.update(self.decisions[number % len(self.decisions)])
        return item


def write_synthetic_data(project: Path, n: int, seed: int = SEED,
                         layout: str = "folder", rounds: int = 0) -> Counts:
    """Rewrite data/ in the project copy to hold n initiatives (at least those pages name),
    one file per initiative and meeting (`layout="folder"`, as the project) or one file each,
    and `rounds` half-yearly status rounds from March 2024 (data/statusrunder/). Rounds are off
    by default, so the benchmark's figures stay comparable with earlier runs; README.md
    ("Ydelse") gives what 10 rounds cost at 1 000 initiatives."""
    data = project / "data"
    gen = _Generator(project, seed)
    tiltag_file, spor_file = _load_collection(data, "tiltag"), _load(data / "spor.yml")
    moeder_file = _load_collection(data, "moeder")
    real = tiltag_file.get("tiltag", [])
    must = _referenced(project, [t["id"] for t in real])
    kept = [t for t in real if t["id"] in must]
    kept += [t for t in real if t["id"] not in must][: max(0, n - len(kept))]
    tracks = list(spor_file.get("spor", []))
    tracks += [gen.track(i) for i in range(1, max(0, n // 20 - len(tracks)) + 1)]
    track_ids = [t["id"] for t in tracks]
    initiatives = kept + [gen.initiative(i, track_ids[i % len(track_ids)])
                          for i in range(1, n - len(kept) + 1)]
    ids = [t["id"] for t in initiatives]
    kept_ids = set(ids)
    meetings = []
    for m in moeder_file.get("moeder", []):
        meetings.append({**m, "tiltag": [i for i in m.get("tiltag", []) if i in kept_ids]})
    meetings += [gen.meeting(i, ids) for i in range(1, n // 10 + 1)]
    for t in initiatives:
        if "moeder" in t:
            t["moeder"] = [m for m in t["moeder"] if m in {x["id"] for x in meetings}]
    header = "# Synthetic benchmark data (scripts/synthetic_data.py); never commit.\n"
    _write_collection(data, "tiltag", header, initiatives, layout)
    _dump(data / "spor.yml", header, {**spor_file, "spor": tracks})
    _write_collection(data, "moeder", header, meetings, layout)
    folder = data / "statusrunder"
    folder.mkdir(exist_ok=True)
    for number in range(rounds):
        index = 2 + 6 * number  # March and September
        day = f"{2024 + index // 12}-{index % 12 + 1:02d}-12"
        _dump(folder / f"{day}.yml", header, gen.round(day, ids))
    return Counts(len(initiatives), len(tracks), len(meetings), rounds)

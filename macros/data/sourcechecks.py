"""The case texts against the data: read them, and check every citation and quoted text.

`read_source_texts` reads data/kildetekster/<kilde-id>.txt for every source; for a scanned
source it also applies data/rettelser.yml to the scan (<kilde-id>.scanning.txt) and requires the
result to be the committed transcription, so every correction is listed exactly once.
`check_sources` resolves every `kilde.sted` to a passage of its source (one click from the
citation to the passage), compares the fields the site presents as the source's own words with
the source (macros/data/verbatim.py; quoted names: macros/data/quotednames.py) and the dates
written in them with the periods drawn (macros/data/writtendates.py). Problems are Danish, with
file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.data import model
from macros.data.problems import Problem, did_you_mean, field_path
from macros.data.quotednames import check_names
from macros.data.sources import SourceText, label_key, parse_source
from macros.data.transcription import CorrectionError, apply_corrections
from macros.data.verbatim import check_verbatim
from macros.data.writtendates import check_written_dates
from macros.data.yamlsource import Loc, Locatable, YamlDocument, problem_at

TEXT_DIR = "kildetekster"


def text_path(data_dir: Path, source_id: str, scan: bool = False) -> Path:
    return data_dir / TEXT_DIR / f"{source_id}{'.scanning' if scan else ''}.txt"


def read_source_texts(data_dir: Path, loaded: dict[str, Any], docs: dict[str, Locatable]
                      ) -> tuple[dict[str, SourceText], list[Problem]]:
    problems: list[Problem] = []
    texts: dict[str, SourceText] = {}
    kilder_doc = docs["kilder"]
    corrections = {c.kilde: (i, c) for i, c in enumerate(loaded["rettelser"].rettelser)}
    scanned = {k.id for k in loaded["kilder"].kilder if k.scannet}
    for source_id, (i, _) in corrections.items():
        if source_id not in scanned:
            loc = ("rettelser", i, "kilde")
            problems.append(Problem(docs["rettelser"].path, docs["rettelser"].line_of(loc),
                                    field_path(loc), f'kilden "{source_id}" er ikke en scannet '
                                    "kilde i data/kilder.yml (scannet: true) – ret id'et"))
    for i, kilde in enumerate(loaded["kilder"].kilder):
        path = text_path(data_dir, kilde.id)
        display = f"data/{TEXT_DIR}/{path.name}"
        if not path.exists() and kilde.fil is None:
            continue  # a reference, not transcribed (yet): cited by name, not by passage
        if not path.exists():
            loc = ("kilder", i, "id")
            problems.append(Problem(kilder_doc.path, kilder_doc.line_of(loc), field_path(loc),
                                    f"kildeteksten {display} mangler – læg dokumentets tekst dér"))
            continue
        text = path.read_text(encoding="utf-8")
        if kilde.scannet:
            problems.extend(_check_transcription(data_dir, kilde, text, display,
                                                 corrections.get(kilde.id), docs["rettelser"]))
        source = parse_source(kilde.id, text, kilde.overskrifter)
        for j, heading in enumerate(kilde.overskrifter):
            for _, message in source.problems:
                if f'"{" ".join(heading.split())}"' in message:
                    loc = ("kilder", i, "overskrifter", j)
                    problems.append(Problem(kilder_doc.path, kilder_doc.line_of(loc),
                                            field_path(loc), f"{message} ({display}) – skriv "
                                            "linjen præcis som i kilden"))
        texts[kilde.id] = source
    return texts, problems


def _check_transcription(data_dir: Path, kilde: model.Kilde, text: str, display: str,
                         entry: tuple[int, model.KildeRettelser] | None,
                         doc: YamlDocument) -> list[Problem]:
    scan_path = text_path(data_dir, kilde.id, scan=True)
    if not scan_path.exists():
        return [Problem(display, 1, "", f"scanningen data/{TEXT_DIR}/{scan_path.name} mangler – "
                        "læg den oprindelige, urettede tekst dér")]
    index, fixes = entry if entry else (0, model.KildeRettelser(kilde=kilde.id))
    try:
        corrected = apply_corrections(scan_path.read_text(encoding="utf-8"), fixes.ord)
    except CorrectionError as error:
        number = next(n for n, c in enumerate(fixes.ord) if c is error.correction)
        loc = ("rettelser", index, "ord", number)
        return [Problem(doc.path, doc.line_of(loc), field_path(loc), str(error))]
    if corrected == text:
        return []
    mine, theirs = text.split("\n"), corrected.split("\n")
    line = next((n for n, (a, b) in enumerate(zip(mine, theirs, strict=False), 1) if a != b),
                min(len(mine), len(theirs)) + 1)
    got = mine[line - 1].strip() if line <= len(mine) else ""
    want = theirs[line - 1].strip() if line <= len(theirs) else ""
    return [Problem(display, line, "", f"den rettede tekst svarer ikke til scanningen med "
                    f"rettelserne i data/rettelser.yml: linjen er «{got}», men rettelserne giver "
                    f"«{want}» – ret kun bogstaver, og skriv hver rettelse i data/rettelser.yml")]


def references(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, model.Kildehenvisning]]:
    """Every citation in a loaded data file, with its place in the file."""
    if isinstance(obj, model.Kildehenvisning):
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from references(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from references(item, (*loc, i))


def place_hint(source: SourceText, place: str) -> str:
    labels = [label for _, label in source.labels().values()]
    hint = did_you_mean(place, labels)
    keys = {label_key(lbl): lbl for lbl in labels}
    close = [keys[k] for k in keys if label_key(place).split(",")[0] in k][:3]
    if not hint and close:
        hint = " – mente du " + " eller ".join(f'"{c}"' for c in close) + "?"
    return hint


def check_places(file: str, doc: Locatable, data: Any, texts: dict[str, SourceText]
                 ) -> list[Problem]:
    problems = []
    for loc, ref in references(data):
        source = texts.get(ref.dokument)
        if source is None:
            continue  # an unknown source is reported by the cross-references
        where = (*loc, "sted")
        if not ref.sted:
            problems.append(problem_at(doc, where,
                                    "stedet i kilden mangler – skriv fx sted: Baggrund, så "
                                    "henvisningen fører læseren til stedet"))
        elif source.resolve_places(ref.sted) is None:
            problems.append(problem_at(
                doc, where,
                f'stedet "{ref.sted}" findes ikke i kilden {ref.dokument}'
                f"{place_hint(source, ref.sted)}"
                f" – brug en overskrift eller et sted som på kildens side, fx "
                f'"Baggrund", "Baggrund, afsnit 2", "Indstilling punkt 1" eller '
                f'"Organisering, række 1"'))
    return problems


def check_sources(loaded: dict[str, Any], docs: dict[str, Locatable],
                  texts: dict[str, SourceText]) -> list[Problem]:
    problems: list[Problem] = []
    for name, data in loaded.items():
        problems.extend(check_places(name, docs[name], data, texts))
    problems.extend(check_verbatim(loaded, docs, texts))
    problems.extend(check_names(loaded, docs, texts))
    problems.extend(check_written_dates(loaded, docs))
    return problems

"""Names quoted from the sources, compared with them like the other quoted fields (verbatim.py):
a meeting's absent members (fravaerende, against the source's «Fraværende» section), who made
the recommendation (indstilling_af, against «Indstilling») and the parties heard (parter,
against the cited passages). Texts are compared with white space collapsed, nothing else.

A deliberate difference ("Navnesen (formand)" for a scan's "Navnesen(formand)") stands
in data/rettelser.yml under 'afvigelser' with its reason, like the OCR corrections; a recorded
difference must be found in its source and be used, so the list stays true.
"""

from __future__ import annotations

from typing import Any

from macros.data import model
from macros.data.problems import Problem
from macros.data.sources import SourceText, normalize
from macros.data.verbatim import nearest
from macros.data.yamlsource import Loc, Locatable, problem_at

# field -> the source section its names stand in (None: the passages the meeting cites)
NAME_FIELDS = {"fravaerende": "Fraværende", "indstilling_af": "Indstilling", "parter": None}


def _texts(source: SourceText, meeting: model.Moede, section: str | None) -> list[str]:
    places = source.resolve_places(section or meeting.kilde.sted or "") or []
    found = [e.text for anchor, _ in places if (e := source.element(anchor)) is not None]
    return found or [source.text]


def _values(meeting: model.Moede, name: str) -> list[tuple[Loc, str]]:
    value = getattr(meeting, name)
    if isinstance(value, list):
        return [((name, j), v) for j, v in enumerate(value)]
    return [((name,), value)] if value else []


def check_names(loaded: dict[str, Any], docs: dict[str, Locatable],
                texts: dict[str, SourceText]) -> list[Problem]:
    problems: list[Problem] = []
    deviations: list[model.Afvigelse] = loaded["rettelser"].afvigelser
    used: set[int] = set()
    for i, meeting in enumerate(loaded["moeder"].moeder):
        source = texts.get(meeting.kilde.dokument)
        if source is None:
            continue
        for name, section in NAME_FIELDS.items():
            where = _texts(source, meeting, section)
            for loc, value in _values(meeting, name):
                if any(normalize(value) in text for text in where):
                    continue
                recorded = [k for k, d in enumerate(deviations) if d.kilde == source.source_id
                            and normalize(d.paa_siden) == normalize(value)
                            and any(normalize(d.i_kilden) in text for text in where)]
                if recorded:
                    used.update(recorded)
                    continue
                label = f"kilden {source.source_id}" + (f", «{section}»" if section else "")
                problems.append(problem_at(docs["moeder"], ("moeder", i, *loc), (
                    f"navnet gengiver ikke kilden ord for ord: «{normalize(value)}» står ikke i "
                    f"{label} – nærmeste tekst i kilden: «{nearest(value, where)}». Skriv det "
                    "præcis som i kilden, eller skriv afvigelsen med en begrundelse i "
                    "data/rettelser.yml under 'afvigelser'")))
    for k, deviation in enumerate(deviations):
        loc = ("afvigelser", k, "i_kilden")
        source = texts.get(deviation.kilde)
        if source is None:
            problems.append(problem_at(docs["rettelser"], ("afvigelser", k, "kilde"),
                                       f'ukendt kilde "{deviation.kilde}" – den skal findes i '
                                       "data/kilder.yml"))
        elif normalize(deviation.i_kilden) not in source.text:
            problems.append(problem_at(docs["rettelser"], loc, (
                f"«{normalize(deviation.i_kilden)}» står ikke i kilden {deviation.kilde} – "
                f"nærmeste tekst: «{nearest(deviation.i_kilden, [source.text])}». Skriv "
                "teksten præcis som i kilden")))
        elif k not in used:
            problems.append(problem_at(docs["rettelser"], ("afvigelser", k, "paa_siden"), (
                f"ingen gengivet tekst bruger afvigelsen «{normalize(deviation.paa_siden)}» – "
                "slet den, eller ret den, så den svarer til feltet på siden")))
    return problems

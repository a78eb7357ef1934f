"""Comparing two validated data sets item by item, by id: what was added, removed or changed.

A snapshot is the items of the four kinds the site shows a history for (initiatives, meetings
and decisions, tracks, glossary terms), each as its model's plain JSON values. Comparing two
snapshots gives `RawChange`s: no dates yet (those belong to the commit), so a comparison can be
cached by the pair of data/ trees it compares.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from macros.data.loading import SiteData
from macros.data.periods import format_date_da

# kind -> (how to get the items from SiteData, the field that names an item)
KINDS: dict[str, tuple[str, str]] = {
    "tiltag": ("tiltag.tiltag", "titel"),
    "moede": ("moeder.moeder", "titel"),
    "spor": ("spor.spor", "titel"),
    "term": ("ordliste.termer", "term"),
}

# A status round is an item too, named by its date: a corrected round shows in the history.
ROUND_KIND = "statusrunde"
TITLE_FIELDS = {**{kind: title for kind, (_, title) in KINDS.items()}, ROUND_KIND: "titel"}

Snapshot = dict[str, dict[str, dict[str, Any]]]  # kind -> id -> field -> value

# Fields that only place an item among the files of its folder: moving one is no change a
# reader should see.
NOT_CONTENT = frozenset({"raekkefoelge"})


def snapshot(site: SiteData) -> Snapshot:
    out: Snapshot = {}
    for kind, (path, _) in KINDS.items():
        holder: Any = site
        for part in path.split("."):
            holder = getattr(holder, part)
        out[kind] = {item.id: item.model_dump(mode="json", exclude=NOT_CONTENT)
                     for item in holder}
    out[ROUND_KIND] = {r.dato.isoformat(): {"titel": f"Statusrunden {format_date_da(r.dato)}",
                                            **r.model_dump(mode="json")}
                       for r in site.statusrunder}
    return out


@dataclass(frozen=True)
class RawChange:
    kind: str
    item_id: str
    title: str
    action: str  # tilfoejet | fjernet | tidsplan | tekst | andet
    field: str = ""
    old: str | None = None
    new: str | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# Fields of an initiative or meeting that hold its timing.
TIMING_FIELDS = frozenset({"perioder", "milepaele", "dato", "periode"})


def as_text(value: Any) -> str | None:
    """A field's value as one line a reader can compare (None when empty)."""
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list):
        parts = [as_text(v) for v in value]
        return "; ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        if "tekst" in value and "betegnelse" in value:  # a period
            return f"{value['betegnelse']}: {value['tekst']}" if value["betegnelse"] \
                else value["tekst"]
        if "dato" in value and "titel" in value:  # a milestone
            return f"{value['titel']}: {value['dato']}"
        if "nr" in value and ("tekst" in value or "titel" in value):
            return f"{value['nr']}. {value.get('tekst') or value.get('titel')}"
        if "dokument" in value:
            return value["dokument"] + (f" – {value['sted']}" if value.get("sted") else "")
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def plan_of(item: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """An initiative's timing as first published: its periods and milestones."""
    return {"perioder": list(item.get("perioder") or []),
            "milepaele": list(item.get("milepaele") or [])}


def _item_changes(kind: str, item_id: str, old: dict[str, Any], new: dict[str, Any],
                  title_field: str) -> list[RawChange]:
    title = str(new.get(title_field) or item_id)
    reason = new.get("begrundelse")
    out: list[RawChange] = []
    for name in list(new) + [n for n in old if n not in new]:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if kind == ROUND_KIND and name == "tiltag":
            out.extend(_round_lines(item_id, title, before or [], after or []))
        elif name in TIMING_FIELDS and kind != ROUND_KIND:
            out.append(RawChange(kind, item_id, title, "tidsplan", name, as_text(before),
                                 as_text(after), reason if kind == "tiltag" else None))
        elif isinstance(before, str | None) and isinstance(after, str | None):
            out.append(RawChange(kind, item_id, title, "tekst", name, before, after))
        else:
            out.append(RawChange(kind, item_id, title, "andet", name, as_text(before),
                                 as_text(after)))
    return out


def _line_text(line: dict[str, Any]) -> str:
    text = f"{line['tiltag']}: {line['status']} – {line['tekst']}"
    if line.get("begrundelse"):
        text += f" Begrundelse: {line['begrundelse']}"
    if line.get("forventet_slut"):
        text += f" Forventet slut: {line['forventet_slut']}."
    return text


def _round_lines(item_id: str, title: str, before: list[dict[str, Any]],
                 after: list[dict[str, Any]]) -> list[RawChange]:
    """A corrected round: one change per initiative whose line was added, changed or removed."""
    old = {line["tiltag"]: line for line in before}
    new = {line["tiltag"]: line for line in after}
    return [RawChange(ROUND_KIND, item_id, title, "tekst", "linje",
                      _line_text(old[i]) if i in old else None,
                      _line_text(new[i]) if i in new else None)
            for i in [*new, *(i for i in old if i not in new)] if old.get(i) != new.get(i)]


def compare(old: Snapshot | None, new: Snapshot) -> tuple[list[RawChange], dict[str, Any]]:
    """The changes from old to new (old None: everything in new is added), and the plans of
    initiatives added (their timing as first published), by id."""
    changes: list[RawChange] = []
    plans: dict[str, Any] = {}
    for kind, title_field in TITLE_FIELDS.items():
        before = (old or {}).get(kind, {})
        after = new.get(kind, {})
        for item_id, item in after.items():
            previous = before.get(item_id)
            if previous is None:
                changes.append(RawChange(kind, item_id, str(item.get(title_field) or item_id),
                                         "tilfoejet"))
                if kind == "tiltag":
                    plans[item_id] = plan_of(item)
            else:
                changes.extend(_item_changes(kind, item_id, previous, item, title_field))
        for item_id, item in before.items():
            if item_id not in after:
                changes.append(RawChange(kind, item_id, str(item.get(title_field) or item_id),
                                         "fjernet"))
    return changes, plans

"""A data model's fields as the browser editor's form fields (Sveltia CMS, Decap's format).

Every field of every model becomes a form field: its Danish label from LABELS, its hint from the
field's description, `required` from the model, patterns for ids and case numbers, a select for
status, and references to other data (tracks, committees, meetings, initiatives, sources) as
relation widgets, which read the ids from the data when the form opens, so the configuration
does not go stale when an editor adds a meeting. Used by cms_config.py.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

from pydantic.fields import FieldInfo

from macros.data import model, rounds
from macros.editors.form_wording import (
    DATE_HINT,
    EXTRA_HINTS,
    LABELS,
    LONG_TEXT,
    SINGULAR,
    form_wording,
    relation_hint,
)

# References to other data: (collection, file or None, value field, display field).
RELATIONS: dict[tuple[str, str], tuple[str, str | None, str, str]] = {
    ("Tiltag", "spor"): ("lister", "spor", "spor.*.id", "spor.*.titel"),
    ("Tiltag", "pejlemaerker"): ("lister", "pejlemaerker", "pejlemaerker.*.id",
                                 "pejlemaerker.*.titel"),
    ("Tiltag", "anbefalinger"): ("lister", "anbefalinger", "anbefalinger.*.id",
                                 "anbefalinger.*.titel"),
    ("Tiltag", "moeder"): ("moeder", None, "id", "titel"),
    ("Moede", "udvalg"): ("lister", "ordliste", "termer.*.id", "termer.*.term"),
    ("Moede", "tiltag"): ("tiltag", None, "id", "titel"),
    ("Statusrunde", "moede"): ("moeder", None, "id", "titel"),
    ("RundeLinje", "tiltag"): ("tiltag", None, "id", "titel"),
    ("Kildehenvisning", "dokument"): ("lister", "kilder", "kilder.*.id", "kilder.*.titel"),
}
# A custom widget (docs/admin/redaktoer.js) that asks for a text when status needs one.
JUSTIFICATION_WIDGET = "begrundelse"
PATTERN_MESSAGES = {
    model.ID_PATTERN: "Brug kun små bogstaver a-z, tal og bindestreger, fx "
                      "'faelles-handleplan' (skriv ae, oe, aa for æ, ø, å)",
    r"^\d+/\d{2}$": "Skriv journalnummeret som tal/år, fx 12345/24",
    r"^\d{2}/\d+$": "Skriv sagsnummeret som år/tal, fx 24/1234",
    model.EMAIL_PATTERN: "Skriv en hel e-mailadresse, fx strategi@eksempel.dk",
    model.HTTPS_PATTERN: "Skriv hele adressen, der starter med https://",
}


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside `X | None`, and whether None was allowed."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], True
    return annotation, False


def pattern_of(info: FieldInfo) -> str | None:
    for meta in info.metadata:
        pattern = getattr(meta, "pattern", None)
        if pattern:
            return str(pattern)
    return None


def _minimum(info: FieldInfo) -> int | None:
    for meta in info.metadata:
        if getattr(meta, "ge", None) is not None:
            return int(meta.ge)
    return None


def _row_summary(item: type[model.Strict]) -> str:
    """A collapsed row: its first field (id, number, date), then its title or text."""
    first, *rest = item.model_fields
    second = next((n for n in ("titel", "tekst") if n in rest), None)
    if second is None:
        return "{{fields." + first + "}}"
    joiner = ". " if first == "nr" else " · "
    return "{{fields." + first + "}}" + joiner + "{{fields." + second + " | truncate(60)}}"


def _has_default(fields: list[dict[str, Any]]) -> bool:
    return any("default" in f or (f["widget"] == "object" and _has_default(f["fields"]))
               for f in fields)


def _relation(target: tuple[str, str | None, str, str], multiple: bool) -> dict[str, Any]:
    collection, file, value_field, display_field = target
    out: dict[str, Any] = {"widget": "relation", "collection": collection}
    if file:
        out["file"] = file
    out |= {"value_field": value_field, "search_fields": [display_field, value_field],
            "display_fields": [display_field]}
    if multiple:
        out["multiple"] = True
    return out


def field_config(owner: type[model.Strict], name: str, info: FieldInfo,
                 optional_parent: bool = False) -> dict[str, Any]:
    """One model field as a form field of the editor. Inside an optional group (a status report's
    source) nothing is required in the form, or the form would demand the group's fields
    even when it is left empty; the build still checks a group that is filled in."""
    annotation, optional = _unwrap(info.annotation)
    out: dict[str, Any] = {"label": LABELS.get(name, name.replace("_", " ").capitalize()),
                           "name": name}
    required = info.is_required()
    origin = typing.get_origin(annotation)
    relation = RELATIONS.get((owner.__name__, name))
    if origin is list:
        (item,) = typing.get_args(annotation)
        if relation:
            out |= _relation(relation, multiple=True)
        elif isinstance(item, type) and issubclass(item, model.Strict):
            out |= {"widget": "list", "fields": model_fields(item, optional_parent),
                    "summary": _row_summary(item)}
            if _has_default(out["fields"]):
                # An editor may open a new entry with one row of such a list (the defaults make
                # the row look filled in), and then refuse to save the row's empty required
                # fields (Decap 3.16 did); a list that says it starts empty opens without one.
                out["default"] = []
        else:
            out |= {"widget": "list", "field": {"label": out["label"], "name": name,
                                                "widget": "string"}}
        required = False  # an empty list may be left out
        if name in SINGULAR and out["widget"] == "list":
            out["label_singular"] = SINGULAR[name]
    elif relation:
        out |= _relation(relation, multiple=False)
    elif owner is model.Tiltag and name == "niveau":  # the model's validator allows two values
        out |= {"widget": "select", "options": ["centralt", "decentralt"]}
    elif isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        out |= {"widget": "select", "options": [m.value for m in annotation]}
    elif isinstance(annotation, type) and issubclass(annotation, model.Strict):
        out |= {"widget": "object",
                "fields": model_fields(annotation, optional or optional_parent)}
        if optional:
            out["collapsed"] = True
    elif annotation is dt.date:
        out |= {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY",
                "time_format": False}
    elif annotation is bool:
        out |= {"widget": "boolean", "default": info.default}
        required = False
    elif annotation is int:
        out |= {"widget": "number", "value_type": "int"}
        if _minimum(info) is not None:
            out["min"] = _minimum(info)
    elif owner is rounds.RundeLinje and name == "begrundelse":
        out["widget"] = JUSTIFICATION_WIDGET
    else:
        long = name in LONG_TEXT and owner is not model.PeriodeTekst
        out["widget"] = "text" if long else "string"
    out["required"] = required and not optional_parent
    hint = info.description or EXTRA_HINTS.get(name)
    if relation:
        hint = relation_hint(relation, hint)
    if hint:
        out["hint"] = form_wording(hint)
    if annotation is dt.date:
        out["hint"] = f"{out['hint']} {DATE_HINT}" if hint else DATE_HINT
    pattern = pattern_of(info)
    if pattern and not relation:  # a relation offers only ids that exist
        out["pattern"] = [pattern, PATTERN_MESSAGES.get(pattern, "Formatet passer ikke")]
    return out


def model_fields(item: type[model.Strict], optional_parent: bool = False) -> list[dict[str, Any]]:
    return [field_config(item, name, info, optional_parent)
            for name, info in item.model_fields.items()]

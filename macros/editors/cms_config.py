"""The browser editor's configuration (Sveltia CMS at /admin/, which reads Decap's format),
generated from the data models.

`python -m macros.editors.cms_config` rewrites docs/admin/config.yml (MkDocs copies it to
/admin/config.yml beside the editor); a test fails when the committed file is stale. Every field
of every model becomes a form field: its Danish label from LABELS, its hint from the field's
description, `required` from the model, patterns for ids and case numbers, a select for status,
and references to other data (tracks, committees, meetings, initiatives, sources) as relation
widgets, which read the ids from the data when the form opens, so the configuration does not go
stale when an editor adds a meeting. Initiatives and meetings are folder collections (one file
per item, data/tiltag/<id>.yml); the small reference lists are file collections.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic.fields import FieldInfo

from macros.data import model, rounds
from macros.editors.form_wording import (
    DATE_HINT,
    EXTRA_HINTS,
    FILE_COLLECTIONS,
    FOLDER_LABELS,
    LABELS,
    LONG_TEXT,
    SINGULAR,
    form_wording,
    relation_hint,
)

CONFIG_PATH = Path(__file__).resolve().parent.parent.parent / "docs" / "admin" / "config.yml"

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


def _pattern(info: FieldInfo) -> str | None:
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
    pattern = _pattern(info)
    if pattern and not relation:  # a relation offers only ids that exist
        out["pattern"] = [pattern, PATTERN_MESSAGES.get(pattern, "Formatet passer ikke")]
    return out


def model_fields(item: type[model.Strict], optional_parent: bool = False) -> list[dict[str, Any]]:
    return [field_config(item, name, info, optional_parent)
            for name, info in item.model_fields.items()]


def _sortable(fields: list[str], direction: str) -> dict[str, Any]:
    """The fields a list can be sorted by, sorted by the first to begin with."""
    return {"fields": fields, "default": {"field": fields[0], "direction": direction}}


def _folder(name: str, label: str, singular: str, description: str,
            extra: dict[str, Any]) -> dict[str, Any]:
    item = model.FOLDERS[name][1]
    return {
        "name": name, "label": label, "label_singular": singular, "description": description,
        "folder": f"data/{name}", "extension": "yml", "format": "yml", "create": True,
        "delete": False, "identifier_field": "titel", "slug": "{{fields.id}}",
        # The site's order first (not the file names'), then by title.
        "summary": "{{titel}}",
        "sortable_fields": _sortable(["raekkefoelge", "titel"], "ascending"),
        "fields": model_fields(item), **extra,
    }


def _rounds() -> dict[str, Any]:
    """One form per half-yearly round: its date, meeting, source and one row per initiative.
    The build fills the rows in from the newest round (round_starter), so an editor changes only
    what changed."""
    fields = model_fields(rounds.Statusrunde)
    rows = next(f for f in fields if f["name"] == "tiltag")
    rows |= {"label_singular": "tiltag", "collapsed": False, "minimize_collapsed": False,
             "summary": "{{fields.tiltag}}: {{fields.status}}"}
    return {
        "name": rounds.FOLDER, "label": FOLDER_LABELS[rounds.FOLDER],
        "label_singular": "statusrunde",
        "description": "Den halvårlige status: én runde pr. fil, med en linje pr. tiltag. "
                       "En ny runde er udfyldt med den seneste rundes status – ret det, der har "
                       "ændret sig, og gem én gang.",
        "folder": f"data/{rounds.FOLDER}", "extension": "yml", "format": "yml", "create": True,
        "delete": False, "identifier_field": "dato", "slug": "{{fields.dato}}",
        "summary": "Statusrunden {{dato | date('D/M YYYY')}}",
        "sortable_fields": _sortable(["dato"], "descending"),
        "fields": fields,
    }


def round_starter(text: str, site: Any) -> str:
    """The build's configuration with a new round's rows filled in: each initiative's line from
    the newest round that reports on it (status, text, begrundelse, expected end), and for an
    initiative never reported only its id, in the plan's order. `site` is a loaded SiteData."""
    config = yaml.safe_load(text)
    starter = []
    for t in site.tiltag.tiltag:
        entry = site.status_of(t.id)
        row = entry.line.model_dump(mode="json", exclude_none=True) if entry else {"tiltag": t.id}
        starter.append(row)
    for collection in config["collections"]:
        if collection["name"] == rounds.FOLDER:
            field = next(f for f in collection["fields"] if f["name"] == "tiltag")
            field["default"] = starter
    header = "".join(line + "\n" for line in text.splitlines()[:2] if line.startswith("#"))
    return header + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              width=100)


def _lists() -> dict[str, Any]:
    files = []
    for name, label in FILE_COLLECTIONS.items():
        root = model.DATA_FILES[name]
        files.append({"name": name, "label": label, "file": f"data/{name}.yml",
                      "fields": model_fields(root)})
    return {"name": "lister", "label": "Lister og opslag", "editor": {"preview": False},
            "description": "Spor, ordliste, anbefalinger, pejlemærker, faser og kilder: hver "
                           "liste er én fil.", "files": files}


def _news(categories: list[str]) -> dict[str, Any]:
    return {
        "name": "nyheder", "label": "Nyheder", "label_singular": "nyhed",
        "description": "Nyheder på siden. En ny nyhed får dato og titel i filnavnet.",
        "folder": "docs/nyheder/posts", "extension": "md", "format": "frontmatter",
        "create": True, "delete": False,
        # The file is named after the post's date and its address, or its title while the
        # address is empty (in ASCII: the config's slug options). The address itself is the
        # "slug" field, which redaktoer.js fills in from the title (ae, oe, aa for æ, ø, å)
        # when it is left empty; older posts have no title field but a description.
        "slug": "{{fields.date | date('YYYY-MM-DD')}}-"
                "{{fields.slug | default('{{fields.title}}')}}",
        "summary": "{{date | date('D/M YYYY')}} · {{title}}{{title | ternary(': ', '')}}"
                   "{{description | truncate(70)}}",
        "sortable_fields": _sortable(["date", "title"], "descending"),
        "fields": [
            {"label": "Titel", "name": "title", "widget": "string", "required": False,
             "hint": "Nyhedens overskrift. Ældre nyheder har overskriften som første linje "
                     "('# …') i teksten i stedet."},
            {"label": "Dato", "name": "date", "widget": "datetime", "format": "YYYY-MM-DD",
             "date_format": "DD-MM-YYYY", "time_format": False,
             "hint": f"Nyhedens dato. {DATE_HINT}"},
            {"label": "Adresse", "name": "slug", "widget": "string", "required": False,
             "pattern": [model.ID_PATTERN, PATTERN_MESSAGES[model.ID_PATTERN]],
             "hint": "Sidste del af nyhedens adresse, fx 'status-sendt-til-omu'. Står feltet "
                     "tomt, laves den af titlen, med ae, oe og aa for æ, ø og å. Ændr den ikke, "
                     "når nyheden er udgivet: så virker gamle links ikke."},
            {"label": "Kategorier", "name": "categories", "widget": "select", "multiple": True,
             "options": categories, "required": True, "min": 1},
            {"label": "Kort beskrivelse", "name": "description", "widget": "text",
             "required": False, "hint": "Én eller to sætninger; vises i søgeresultater og "
                                         "nyhedsfeedet."},
            {"label": "Tekst", "name": "body", "widget": "markdown", "modes": ["raw"],
             "hint": "Markdown. Skriv `<!-- more -->` efter første afsnit: det er det, "
                     "nyhedsoversigten viser. Angiv kilden nederst."},
        ],
    }


def _pages() -> dict[str, Any]:
    return {
        "name": "sider", "label": "Tekstsider", "label_singular": "side",
        "description": "Sidernes tekst i Markdown. Makroer ({{ … }}), bokse (!!! note) og "
                       "{: …}-attributter skrives og bevares præcis som de står.",
        "folder": "docs", "extension": "md", "format": "frontmatter", "create": False,
        "delete": False, "identifier_field": "title", "summary": "{{title}}",
        "fields": [
            {"label": "Titel", "name": "title", "widget": "string", "required": False},
            {"label": "Kort beskrivelse", "name": "description", "widget": "text",
             "required": False, "hint": "Vises i søgemaskiner og når siden deles."},
            {"label": "Tekst", "name": "body", "widget": "markdown", "modes": ["raw"],
             "hint": "Markdown. Makroer, bokse og attributter bevares, som de er skrevet."},
        ],
    }


def cms_config(categories: list[str]) -> dict[str, Any]:
    return {
        # The municipality's repository (REDAKTOERVEJLEDNING.md, "Opsætning"): the build fills
        # in repo from EDIT_URI.
        "backend": {"name": "github", "repo": "OWNER/REPO", "branch": "main",
                    # Sign-in with a personal access token only: GitHub's OAuth needs a login
                    # service the municipality would have to run (REDAKTOERVEJLEDNING.md,
                    # "Opsætning"); add "oauth" and base_url here once there is one.
                    "auth_methods": ["token"],
                    "squash_merges": True,
                    "commit_messages": {
                        "create": "Opret {{collection}} “{{slug}}”",
                        "update": "Ret {{collection}} “{{slug}}”",
                        "delete": "Slet {{collection}} “{{slug}}”",
                        "uploadMedia": "Upload “{{path}}”", "deleteMedia": "Slet “{{path}}”",
                        "openAuthoring": "{{message}}"}},
        "publish_mode": "editorial_workflow",
        # An optional field left empty is left out of the file, as in the files written by hand.
        "output": {"omit_empty_optional_fields": True},
        # File names without æ, ø, å (and spaces), also where a title makes the name.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "show_preview_links": False,
        "collections": [
            _rounds(),
            _folder("tiltag", FOLDER_LABELS["tiltag"], "tiltag",
                    "Tiltagene i tids- og procesplanen, som planen skriver dem: ét tiltag pr. "
                    "fil. Status rapporteres i Statusrunder, ikke her.",
                    {"view_groups": [{"label": "Spor", "field": "spor"}],
                     "summary": "{{titel}}{{ansvarlig | ternary(' · ', '')}}"
                                "{{ansvarlig | truncate(50)}}"}),
            _folder("moeder", FOLDER_LABELS["moeder"], "møde",
                    "Møder, temadage, høringer og politiske beslutninger om strategien.",
                    {"view_groups": [{"label": "Type", "field": "type"}],
                     "summary": "{{titel}} · {{type}} {{dato}}{{periode}}"}),
            _news(categories),
            _pages(),
            _lists(),
        ],
    }


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order given, long Danish text unwrapped."""


def rendered_config(categories: list[str]) -> str:
    header = ("# Generated by `python -m macros.editors.cms_config` from macros/data/model.py:\n"
              "# do not edit by hand (a test checks that it is current).\n")
    return header + yaml.dump(cms_config(categories), Dumper=_Dumper, allow_unicode=True,
                              sort_keys=False, width=100)


def blog_categories(root: Path) -> list[str]:
    from macros.editors.check import blog_settings  # the editors' check reads mkdocs.yml too

    return blog_settings(root)[1]


def main() -> int:
    root = CONFIG_PATH.parent.parent.parent
    CONFIG_PATH.parent.mkdir(parents=True, exist_ok=True)
    CONFIG_PATH.write_text(rendered_config(blog_categories(root)), encoding="utf-8")
    print(f"skrev {CONFIG_PATH.relative_to(root).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


_GITHUB_EDIT = re.compile(r"^https://github\.com/([^/]+/[^/]+)/edit/([^/]+)/")


def for_site(text: str, edit_uri: str, site_url: str, site_name: str = "") -> str:
    """The committed configuration with the repository, branch and address of this build: the
    repository and branch from EDIT_URI (https://github.com/<owner>/<repo>/edit/<branch>/docs/),
    which the deploy workflow sets; unchanged when EDIT_URI is not a GitHub address. With the
    site's name and icon on the sign-in page and in the browser's tab (the editor's own name
    and logo otherwise)."""
    match = _GITHUB_EDIT.match(edit_uri or "")
    if match and match.group(1) != "OWNER/REPO":
        text = text.replace("\n  repo: OWNER/REPO\n", f"\n  repo: {match.group(1)}\n", 1)
        text = text.replace("\n  branch: main\n", f"\n  branch: {match.group(2)}\n", 1)
    extra = ""
    if site_url:
        extra += (f"site_url: {site_url}\ndisplay_url: {site_url}\n"
                  f"logo:\n  src: {site_url}assets/images/favicon.svg\n")
    if site_name:
        extra += f"app_title: {json.dumps('Redaktør – ' + site_name, ensure_ascii=False)}\n"
    return text.replace("\npublish_mode:", f"\n{extra}publish_mode:", 1)

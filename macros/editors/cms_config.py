"""The browser editor's configuration (Sveltia CMS at /admin/, which reads Decap's format),
generated from the data models.

`python -m macros.editors.cms_config` rewrites macros/editors/admin/config.yml (the build serves
it as /admin/config.yml beside the editor); a test fails when the committed file is stale. The
collections are made here, their fields from the models (form_fields.py); what a build fills in
(repository, address, a new round's rows) is cms_build.py. Initiatives and meetings are folder
collections (one file per item, data/tiltag/<id>.yml); the small reference lists are file
collections.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from macros.data import model, rounds
from macros.editors.form_fields import PATTERN_MESSAGES, model_fields
from macros.editors.form_wording import (
    DATE_HINT,
    FILE_COLLECTIONS,
    FOLDER_LABELS,
)

CONFIG_PATH = Path(__file__).resolve().parent / "admin" / "config.yml"

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


class ConfigDumper(yaml.SafeDumper):
    """Block style, keys in the order given, long Danish text unwrapped."""


def rendered_config(categories: list[str]) -> str:
    header = ("# Generated by `python -m macros.editors.cms_config` from macros/data/model.py:\n"
              "# do not edit by hand (a test checks that it is current).\n")
    return header + yaml.dump(cms_config(categories), Dumper=ConfigDumper, allow_unicode=True,
                              sort_keys=False, width=100)


def blog_categories(root: Path) -> list[str]:
    from macros.editors.check import blog_settings  # the editors' check reads mkdocs.yml too

    return blog_settings(root)[1]


def main() -> int:
    # The news categories are this repository's (mkdocs.yml); a build replaces them with the
    # building site's own (cms_build.for_site).
    CONFIG_PATH.write_text(rendered_config(blog_categories(Path.cwd())), encoding="utf-8")
    print(f"skrev {CONFIG_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

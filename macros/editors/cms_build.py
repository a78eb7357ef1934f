"""What a build fills into the editor's configuration (macros/editors/admin/config.yml, generated
from the models): the repository and branch from EDIT_URI, the site's address, name and icon,
its news categories, and a new status round's rows from the newest round. Pure text work;
macros/adapter/admin.py serves the result.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import yaml

from macros.data import rounds

# libyaml's reader and writer where PyYAML has them (its wheels do): the same data and, for this
# file, the same text as the pure-Python ones (cms_config.ConfigDumper: block style, no custom
# tags), four to seven times faster on the 46 KB configuration every build fills in.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def round_starter(text: str, site: Any, categories: list[str] | None = None) -> str:
    """The build's configuration with a new round's rows filled in: each initiative's line from
    the newest round that reports on it (status, text, begrundelse, expected end), and for an
    initiative never reported only its id, in the plan's order. `site` is a loaded SiteData.
    With `categories`, the news posts' categories are the building site's (its blog plugin's
    `categories_allowed`)."""
    starter = []
    for t in site.tiltag.tiltag:
        entry = site.status_of(t.id)
        row = entry.line.model_dump(mode="json", exclude_none=True) if entry else {"tiltag": t.id}
        starter.append(row)
    return _with_starter(text, json.dumps(starter, ensure_ascii=False),
                         tuple(categories or ()))


@functools.lru_cache(maxsize=4)
def _with_starter(text: str, starter_json: str, categories: tuple[str, ...]) -> str:
    """Text in, text out, so a `mkdocs serve` rebuild whose rows did not change (most edits)
    reuses the last result and no build shares objects with another."""
    starter = json.loads(starter_json)
    config = yaml.load(text, Loader=_Loader)
    for collection in config["collections"]:
        if collection["name"] == rounds.FOLDER:
            field = next(f for f in collection["fields"] if f["name"] == "tiltag")
            field["default"] = starter
        if collection["name"] == "nyheder" and categories:
            field = next(f for f in collection["fields"] if f["name"] == "categories")
            field["options"] = list(categories)
    header = "".join(line + "\n" for line in text.splitlines()[:2] if line.startswith("#"))
    return header + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              width=100)


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

"""The browser editor's bundle (Sveltia CMS, npm `@sveltia/cms`) made to load everything from this
site.

Sveltia fetches its UI strings (`locales/da.json`), its update check, a fallback of its React
chunk and, on demand, npm modules (Immutable.js for the `preSave` hook redaktoer.js uses) from
unpkg.com, and sets three fonts (its text, code and icon fonts) from cdn.jsdelivr.net; none of
that is configurable in 0.221.1. The project serves nothing from
another host, so the copy this site serves has those addresses rewritten to files beside it,
taken from the same npm packages at exact pins (package.json: the fonts from `@fontsource`).
Every rewrite must match: a Sveltia release that moves them stops the build with a Danish
message instead of quietly loading from a CDN again. Pure text work: the adapter
(macros/adapter/admin.py) adds the files to the site.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PACKAGE = Path("node_modules") / "@sveltia" / "cms"
SCRIPT = PACKAGE / "dist" / "sveltia-cms.js"
CHUNKS = PACKAGE / "dist" / "chunks"
# The editor's language; Sveltia picks it from the browser, falling back to English (bundled).
# Its Danish lacks some strings (they would show in English: «Show Errors», «List Item
# Options»); the project's translations of those, sveltia-da-tillaeg.json beside this module,
# are merged into the file the site serves.
LOCALES = ("da",)
DANISH_ADDITIONS = Path(__file__).with_name("sveltia-da-tillaeg.json")

# `https://unpkg.com/@sveltia/cms` becomes `sveltia`: relative to /admin/, so the update check
# reads admin/sveltia/package.json and the strings admin/sveltia@<version>/locales/da.json.
UNPKG_BASE = "`https://unpkg.com/@sveltia/cms`"
LOCAL_BASE = "`sveltia`"
# Modules it imports from unpkg.com/<name>@<version>/<path>: `./npm/<name>@<version>/<path>`
# instead, and those of them the editor's configuration needs are served. The others (image
# conversion for uploads, maps, PDF thumbnails, code highlighting) are for widgets this site's
# configuration does not use; the page's policy refuses them rather than fetch from a CDN.
UNPKG_MODULE = re.compile(r"`https://unpkg\.com/\$\{(\w+)\}`")
SERVED_MODULES = {"immutable": "dist/immutable.es.js"}
# Before signing in to GitHub it asks githubstatus.com whether GitHub is down; the site answers
# "not known" itself (what Sveltia shows when the question fails) instead of asking a third party.
GITHUB_STATUS = "`https://www.githubstatus.com/api/v2/status.json`"
LOCAL_GITHUB_STATUS = "`sveltia/githubstatus.json`"
UNKNOWN_STATUS = '{"status": {"indicator": "unknown"}}\n'
FONT = re.compile(r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<name>[a-z0-9-]+)"
                  r"(?P<variable>:vf)?@(?P<version>[0-9.]+)/(?P<file>[a-z0-9-]+\.woff2)")
SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


class BundleChanged(Exception):
    """The bundle no longer has what the rewrite expects (a new Sveltia release)."""


@dataclass(frozen=True)
class EditorFile:
    """A file the site serves under admin/: `source` relative to the project, or `content`."""

    uri: str
    source: Path | None = None
    content: str | None = None


@dataclass(frozen=True)
class SelfHosted:
    script: str
    files: list[EditorFile]


def version(root: Path) -> str:
    return str(json.loads((root / PACKAGE / "package.json").read_text("utf-8"))["version"])


def _font(root: Path, match: re.Match[str]) -> EditorFile:
    scope = "@fontsource-variable" if match["variable"] else "@fontsource"
    package = Path("node_modules") / scope / match["name"]
    manifest = root / package / "package.json"
    if not manifest.exists():
        raise BundleChanged(f"skrifttypen {scope}/{match['name']} er ikke installeret – kør "
                            "`npm ci` (den skal stå i package.json)")
    installed = json.loads(manifest.read_text("utf-8"))["version"]
    if installed != match["version"]:
        raise BundleChanged(f"Sveltia bruger {scope}/{match['name']} {match['version']}, men "
                            f"{installed} er installeret – ret versionen i package.json")
    name = f"{match['name']}-{match['file']}"
    return EditorFile(f"admin/fonts/{name}", package / "files" / name)


def _merged(base: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in more.items():
        out[key] = _merged(out.get(key, {}), value) if isinstance(value, dict) else value
    return out


def strings(root: Path, code: str) -> str:
    """Sveltia's UI strings in language `code`, with the project's additions for Danish (only
    for keys Sveltia's own file lacks: its translations win)."""
    own = json.loads((root / PACKAGE / "locales" / f"{code}.json").read_text("utf-8"))
    if code == "da" and DANISH_ADDITIONS.exists():
        additions = json.loads(DANISH_ADDITIONS.read_text("utf-8"))
        own = _merged(additions, own)
    return json.dumps(own, ensure_ascii=False, indent=1) + "\n"


def _module(root: Path, script: str, name: str, path: str) -> EditorFile:
    """The module Sveltia would import from unpkg.com, at the version its bundle names."""
    wanted = re.search(rf'["`]?{re.escape(name)}["`]?:`\^?([0-9][^`]*)`', script)
    manifest = root / "node_modules" / name / "package.json"
    installed = json.loads(manifest.read_text("utf-8"))["version"] if manifest.exists() else None
    if wanted is None or installed != wanted[1]:
        raise BundleChanged(f"Sveltia bruger {name} {wanted[1] if wanted else '?'}, men "
                            f"{installed or 'ingen'} er installeret – ret versionen i package.json")
    return EditorFile(f"admin/npm/{name}@{installed}/{path}", Path("node_modules") / name / path)


def self_hosted(root: Path, script: str) -> SelfHosted:
    """`script` (the bundle's text) with its third-party addresses pointed at files under
    admin/, and those files."""
    if script.count(UNPKG_BASE) != 1:
        raise BundleChanged("Sveltia-pakken henter ikke længere sine tekster fra unpkg.com, som "
                            "macros/editors/bundle.py forventer")
    release = version(root)
    files = [EditorFile("admin/sveltia-cms.js", SCRIPT),
             EditorFile("admin/sveltia/package.json", PACKAGE / "package.json")]
    files += [EditorFile(f"admin/sveltia@{release}/locales/{code}.json",
                         content=strings(root, code)) for code in LOCALES]
    files += [EditorFile(f"admin/chunks/{chunk.name}", chunk.relative_to(root))
              for chunk in sorted((root / CHUNKS).glob("*.js"))]
    files += [_module(root, script, name, path) for name, path in SERVED_MODULES.items()]
    fonts: list[EditorFile] = []

    def local_font(match: re.Match[str]) -> str:
        font = _font(root, match)
        fonts.append(font)
        return font.uri.removeprefix("admin/")

    script, modules = UNPKG_MODULE.subn(lambda match: f"`./npm/${{{match[1]}}}`",
                                        script.replace(UNPKG_BASE, LOCAL_BASE))
    if modules != 1:
        raise BundleChanged("Sveltia-pakken henter ikke længere moduler fra unpkg.com, som "
                            "macros/editors/bundle.py forventer")
    if script.count(GITHUB_STATUS) != 1:
        raise BundleChanged("Sveltia-pakken spørger ikke længere githubstatus.com, som "
                            "macros/editors/bundle.py forventer")
    script = FONT.sub(local_font, script.replace(GITHUB_STATUS, LOCAL_GITHUB_STATUS))
    files.append(EditorFile("admin/sveltia/githubstatus.json", content=UNKNOWN_STATUS))
    if not fonts:
        raise BundleChanged("Sveltia-pakken sætter ikke længere sine skrifttyper fra "
                            "cdn.jsdelivr.net, som macros/editors/bundle.py forventer")
    return SelfHosted(SOURCE_MAP.sub("\n", script), files + fonts)


def vendored_files(root: Path) -> list[Path]:
    """Every file of node_modules/ the editor's bundle needs (what `self_hosted` serves and the
    manifests it reads for versions), relative to `root`: what the engine's wheel carries."""
    served = self_hosted(root, (root / SCRIPT).read_text(encoding="utf-8")).files
    needed = {f.source for f in served if f.source is not None}
    needed |= {PACKAGE / "locales" / f"{code}.json" for code in LOCALES}
    for source in list(needed):
        parts = source.parts  # node_modules/<name> or node_modules/@scope/<name>
        depth = 3 if parts[1].startswith("@") else 2
        needed.add(Path(*parts[:depth]) / "package.json")
    return sorted(needed)

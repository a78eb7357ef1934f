"""`python -m macros.editors.check [--root DIR] [--lix-graense N] [--site DIR]`: the editors'
fast check.

Validates everything a build validates in data/, then every Markdown page in docs/ (front
matter, internal links and anchors, raw HTML the site refuses, images without alternative text,
macros in pages with `render_macros: true`, impossible dates, citations) with `check_docs`,
which the build runs too, warns about capitalised abbreviations missing from the glossary,
about initiatives whose status is older than the half-yearly rhythm and about what the site's
identity still lacks (contact details, the accessibility statement's address), and prints each
page's LIX: measured on the built page (macros/editors/page_lix.py) when site/ (or --site) holds
a build newer than docs/ and data/; otherwise on the Markdown text of the pages without macros,
and it names the pages it cannot measure without a build. Prints one line per problem,
`file:line: field: message`, like the build. Exit code 1 on errors; warnings (unknown front
matter keys, abbreviations, missing contact details, LIX above the limit) are printed but do
not fail. Runs no MkDocs build, so it takes about a second.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.data.loading import SiteData, load_site_data
from macros.data.problems import DataError, Problem
from macros.data.sourcechecks import place_hint
from macros.data.writtendates import impossible_dates, impossible_message
from macros.editors import markdown_checks as md
from macros.editors.check_inputs import generated_pages as _generated_pages
from macros.editors.check_inputs import glossary_forms as _terms
from macros.editors.identity import identity_warnings
from macros.editors.lix import Lix, lix
from macros.editors.page_lix import MIN_WORDS, built_after_sources, site_lix, source_of
from macros.editors.status_rhythm import status_warnings
from macros.runtime.today import build_date
from macros.views.macro_table import MACROS, VARIABLES
from macros.views.pages import source_page_anchors

DEFAULT_LIX_LIMIT = 45.0
# {{ kilde("sag-24-1234", "Baggrund") }} in a page: the place must be a passage of the source.
_KILDE_CALL = re.compile(r"""\bkilde\(\s*["']([^"']+)["']\s*(?:,\s*["']([^"']*)["']\s*)?\)""")


@dataclass
class Report:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    lix: dict[str, Lix] = field(default_factory=dict)
    macro_pages: set[str] = field(default_factory=set)  # render_macros: text made at build


class _AnyTagLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """mkdocs.yml has !ENV and !!python tags; we only need plain values. libyaml's parser when
    PyYAML has it: the pure-Python one took half a second for mkdocs.yml."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _mkdocs_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml's plain values; empty when it is missing or not YAML."""
    path = root / "mkdocs.yml"
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _parsed_config(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _parsed_config(path: Path, mtime_ns: int, size: int) -> dict[str, Any]:
    try:
        config: Any = yaml.load(path.read_text(encoding="utf-8"), _AnyTagLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def extra_names(root: Path) -> set[str]:
    """Top-level keys of `extra:` in mkdocs.yml, which pages can use as variables."""
    extra = _mkdocs_config(root).get("extra")
    return set(extra) if isinstance(extra, dict) else set()


def site_name(root: Path) -> str | None:
    name = _mkdocs_config(root).get("site_name")
    return str(name) if name else None


def blog_settings(root: Path) -> tuple[str | None, list[str]]:
    """The blog folder (posts live in <folder>/posts/) and its allowed categories, if any."""
    for plugin in _mkdocs_config(root).get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("blog"), dict):
            settings = plugin["blog"]
            return str(settings.get("blog_dir", "blog")), list(settings.get("categories_allowed")
                                                               or [])
    return None, []


def _check_citations(display: str, text: str, site: SiteData | None) -> list[Problem]:
    """Every kilde() macro in a page names a source and a place that exist; every date the page
    writes is possible."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for phrase, reason in impossible_dates(line):
            problems.append(Problem(display, number, "dato", impossible_message(phrase, reason)))
        if site is None:
            continue
        for match in _KILDE_CALL.finditer(line):
            source_id, place = match.group(1), match.group(2) or ""
            source = site.kildetekster.get(source_id)
            if source is None and any(k.id == source_id for k in site.kilder.kilder):
                continue  # a reference without a transcription: cited by name only
            if source is None:
                problems.append(Problem(display, number, "kilde", f'ukendt kilde "{source_id}" – '
                                        "den skal findes i data/kilder.yml"))
            elif not source.resolve_places(place):
                problems.append(Problem(display, number, "kilde",
                                        f'stedet "{place}" findes ikke i kilden {source_id}'
                                        f"{place_hint(source, place)} – brug en overskrift eller "
                                        "et sted fra kildens side, fx \"Baggrund, afsnit 2\""))
    return problems


def run(root: Path) -> Report:
    report = Report()
    site: SiteData | None = None
    try:
        site = load_site_data(root)
    except DataError as error:
        report.errors.extend(error.problems)
    if site is not None:
        report.warnings.extend(status_warnings(site, build_date(os.environ.get("STRATEGI_DATO"))))
        report.warnings.extend(identity_warnings(site, site_name(root)))
    pages = check_docs(root, site)
    report.errors.extend(pages.errors)
    report.warnings.extend(pages.warnings)
    report.lix = pages.lix
    report.macro_pages = pages.macro_pages
    return report


def _read(docs: Path, rel: str) -> tuple[str, md.Page | None, list[Problem]]:
    display = f"docs/{rel}"
    raw = (docs / rel).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return display, None, [Problem(display, line, "", "filen er ikke gemt som UTF-8 – gem "
                                       "den igen med tegnsættet UTF-8")]
    text = text.replace("\r\n", "\n")
    return text, md.read_page(display, text), []


def check_docs(root: Path, site: SiteData | None, *, with_lix: bool = True) -> Report:
    """Every Markdown page in docs/: the rules `./dev check` and the build both apply (the
    build calls this from its on_files hook), so the two refuse the same pages."""
    report = Report()
    docs = root / "docs"
    files = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    written = {f for f in files if f.endswith(".md")}
    generated = _generated_pages(site)
    read = {rel: _read(docs, rel) for rel in sorted(written)}
    index = md.SiteIndex(
        pages=frozenset(written | (generated or set())),
        files=frozenset(files),
        names=frozenset(MACROS.keys() | VARIABLES.keys() | extra_names(root)),
        terms=_terms(site),
        generated_known=generated is not None,
        anchors={**{rel: md.anchors(page) for rel, (_, page, _) in read.items()
                    if page is not None and not page.render_macros and not page.problems},
                 **({f"kilder/{k}.md": source_page_anchors(text)
                     for k, text in site.kildetekster.items()} if site else {})},
    )
    blog_dir, categories = blog_settings(root)
    for rel, (text, page, unreadable) in read.items():
        report.errors.extend(unreadable)
        if page is None:
            continue
        report.errors.extend(page.problems)
        report.errors.extend(md.check_raw_html(page, text))
        report.errors.extend(md.check_images(page))
        report.warnings.extend(page.warnings)
        link_errors, link_warnings = md.check_links(page, index)
        report.errors.extend(link_errors)
        report.warnings.extend(link_warnings)
        report.errors.extend(md.check_macros(page, index))
        if blog_dir and rel.startswith(f"{blog_dir}/posts/") and not page.problems:
            report.errors.extend(md.check_post(page, categories))
        report.errors.extend(_check_citations(page.path, text, site))
        if with_lix:
            report.warnings.extend(md.check_abbreviations(page, index))
            report.lix[page.path] = lix(md.prose(page))
            if page.render_macros:
                report.macro_pages.add(page.path)
    return report


def _lix_warning(file: str, value: Lix, limit: float) -> Problem:
    return Problem(file, 1, "lix", f"LIX {value.score:.0f} ({value.level}) er over grænsen "
                   f"{limit:g} – skriv kortere sætninger og brug kortere ord")


def _rendered_lix(report: Report, root: Path, site_dir: Path, limit: float, *,
                  show: bool) -> None:
    """LIX as readers meet it: measured on each built page (macros/editors/page_lix.py)."""
    pages = [p for p in site_lix(site_dir) if p.measured]
    for page in pages:
        if page.lix.score > limit:
            report.warnings.append(_lix_warning(source_of(root, page.url), page.lix, limit))
    if show:
        print(f"LIX pr. side, målt på den byggede side i {site_dir.name}/ (det, læseren læser: "
              f"uden citater fra sagerne, tabeller og kode; sider med mindst {MIN_WORDS} ord; "
              "under 35 let, 35–44 middel, 45–54 svær, 55+ meget svær):")
        for page in sorted(pages, key=lambda p: -p.lix.score):
            where = source_of(root, page.url)
            address = "" if where == f"/{page.url}" else f"/{page.url}, "
            print(f"  {page.lix.score:5.1f}  {page.lix.level:<10}  {where}  "
                  f"({address}{page.lix.words} ord, {page.lix.sentences} sætninger)")


def _source_lix(report: Report, site_dir: Path, limit: float, *, show: bool) -> None:
    """Without a current build, LIX of the Markdown text only, and only where that is what the
    reader reads: a page made by macros (render_macros) cannot be measured."""
    plain = {path: value for path, value in report.lix.items()
             if path not in report.macro_pages and value.words >= MIN_WORDS}
    for path, value in plain.items():
        if value.score > limit:
            report.warnings.append(_lix_warning(path, value, limit))
    if show:
        print(f"LIX pr. side: der er ingen bygning af den nuværende tekst i {site_dir.name}/, så "
              f"LIX er målt på Markdown-teksten (sider med mindst {MIN_WORDS} ord). Det er kun "
              "rigtigt for sider uden makroer. Kør ./dev build og så ./dev check igen for at "
              "måle på siderne, som læseren ser dem (under 35 let, 35–44 middel, 45–54 svær, "
              "55+ meget svær):")
        for path, value in plain.items():
            print(f"  {value.score:5.1f}  {value.level:<10}  {path}  "
                  f"({value.words} ord, {value.sentences} sætninger)")
        if report.macro_pages:
            print("  Kan ikke måles uden en bygning (teksten laves af makroer): "
                  + ", ".join(sorted(report.macro_pages)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.editors.check",
                                     description="Tjek data/ og docs/ uden at bygge siden.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="projektets mappe")
    parser.add_argument("--lix-graense", type=float, default=DEFAULT_LIX_LIMIT,
                        help=f"advar, når en sides LIX er over dette tal (standard "
                             f"{DEFAULT_LIX_LIMIT:g})")
    parser.add_argument("--uden-lix", action="store_true", help="vis ikke LIX-tabellen")
    parser.add_argument("--site", type=Path, default=None,
                        help="den byggede side, som LIX måles på (standard: site/)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    report = run(root)
    site_dir = (args.site or root / "site").resolve()
    if built_after_sources(root, site_dir):
        _rendered_lix(report, root, site_dir, args.lix_graense, show=not args.uden_lix)
    else:
        _source_lix(report, site_dir, args.lix_graense, show=not args.uden_lix)
    for problem in sorted(report.warnings):
        print(f"{problem.file}:{problem.line}: {problem.field}: advarsel: {problem.message}")
    for problem in sorted(set(report.errors)):
        print(problem)
    errors, warnings = len(set(report.errors)), len(report.warnings)
    if errors:
        print(f"{errors} fejl, {warnings} advarsler – ret fejlene, ellers kan siden ikke bygges. "
              "Se REDAKTOERVEJLEDNING.md.", file=sys.stderr)
        return 1
    print(f"Ingen fejl ({warnings} advarsler).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One set of rules: what `./dev check` refuses in docs/, the strict build refuses, and back.

The build's on_files hook runs `check_docs`, the function `./dev check` runs, so the page rules
are one piece of code; MkDocs adds its own validation of links and anchors after rendering. The
walk below makes one mistake of every kind in one copy and asks `check_docs` (function level);
the kinds MkDocs or a plugin refuse on their own (links, anchors, macros, news posts) are in the
walk too, so the check knows every kind the build refuses. One real build of a copy without
.git (no history) then shows the build naming the check's lines and MkDocs' broken anchors on
each kind of page: plain, macro-rendered, paged overview, generated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from macros.data.loading import load_site_data
from macros.editors.check import check_docs
from macros.views.pages import source_page_anchors
from tests.conftest import ROOT, build_site, copy_project, page_line
from tests.test_mistakes import MISTAKES, edit, names, run_check


def new_page(rel: str, text: str, encoding: str = "utf-8") -> Callable[[Path], int]:
    """A new page in docs/; returns the line of the mistake, marked «X» in the text."""
    def apply(project: Path) -> int:
        line = text[: text.index("«X»")].count("\n") + 1 if "«X»" in text else 1
        (project / rel).write_bytes(text.replace("«X»", "").encode(encoding))
        return line
    return apply


def replace(rel: str, old: str, new: str) -> Callable[[Path], int]:
    return lambda project: edit(project, rel, old, new)


def first_source(project: Path) -> tuple[str, str]:
    """The copy's first transcribed source and the first of its headings (data/kilder.yml)."""
    sources = yaml.safe_load((project / "data" / "kilder.yml").read_text(encoding="utf-8"))
    source = next(k for k in sources["kilder"] if k.get("fil") and k.get("overskrifter"))
    return source["id"], source["overskrifter"][0]


def source_anchor(project: Path) -> int:
    """A link from the first news post to an anchor its source page lacks."""
    source = first_source(project)[0]
    return page_line(names(project)["P"],
                     f"Se [kilden](../../kilder/{source}.md#testdata-afsnit-99).")(project)


def news_category(project: Path) -> int:
    known = names(project)
    return edit(project, known["P"], f"  - {known['P_kategori']}\n", "  - Testkategori\n")


def source_place(project: Path) -> int:
    """A citation of the first source at a misspelt heading (test data)."""
    source, heading = first_source(project)
    return page_line("docs/was.md", f'{{{{ kilde("{source}", "{heading[:2] + heading[3:]}") }}}}'
                     )(project)


@dataclass(frozen=True)
class Kind:
    name: str
    file: str
    apply: Callable[[Path], int]
    words: tuple[str, ...]
    # who refused it before this change: "begge", "kun tjekket" or "kun bygningen"
    before: str


# One mistake of every kind the page check reports, each on its own page (or its own line), so
# they are independent and one copy holds them all. The pages and texts are test data.
KINDS = [
    Kind("ikke-utf8", "docs/latin.md",
         new_page("docs/latin.md", "---\ntitle: Latin\n---\n\nÆble og «X»Ærø\n", "latin-1"),
         ("UTF-8",), "begge (bygningen uden linje)"),
    Kind("front-matter-ikke-lukket", "docs/aaben.md",
         new_page("docs/aaben.md", "---\ntitle: Åben\n\n# Åben\n"),
         ("front matter", "ikke lukket"), "kun tjekket"),
    Kind("front-matter-yaml", "docs/citat.md",
         new_page("docs/citat.md", '---\ntitle: Citat\n«X»description: "åben\n---\n\n# C\n'),
         ("anførselstegn",), "kun tjekket"),
    Kind("front-matter-type", "docs/nyheder/index.md",
         replace("docs/nyheder/index.md", "description: ", "render_macros: ja\ndescription: "),
         ('"render_macros" skal være true eller false',), "kun tjekket"),
    Kind("html", "docs/nyheder/index.md",
         page_line("docs/nyheder/index.md", "<script>alert(1)</script>"),
         ("html", "<script> er ikke tilladt"), "begge"),
    Kind("link-side-findes-ikke", "docs/index.md",
         page_line("docs/index.md", "Se [planen](strategi.md)."),
         ("link", 'siden "strategi.md" findes ikke'), "begge"),
    Kind("link-til-adresse", "docs/status.md",
         page_line("docs/status.md", "Se [planen](plan/)."),
         ("link", '"plan/" er et link til en adresse'), "begge"),
    Kind("link-absolut", "docs/gantt.md",
         page_line("docs/gantt.md", "Se [planen](/plan/)."),
         ("link", '"/plan/" er et absolut link'), "kun bygningen"),
    Kind("link-fil-findes-ikke", "docs/tidslinje.md",
         page_line("docs/tidslinje.md", "Hent [planen](filer/plan.pdf)."),
         ("link", 'filen "filer/plan.pdf" findes ikke'), "kun bygningen (tjekket advarede)"),
    Kind("anker-paa-almindelig-side", "docs/index.md",
         page_line("docs/index.md", "Se [politikken](privatliv.md#findes-ikke)."),
         ("link", 'ankeret "#findes-ikke"'), "kun bygningen"),
    Kind("anker-paa-samme-side", "docs/privatliv.md",
         page_line("docs/privatliv.md", "Se [afsnittet](#det-goer-siden-ikke)."),
         ("link", 'ankeret "#det-goer-siden-ikke"', 'mente du "det-gør-siden-ikke"'),
         "kun bygningen"),
    Kind("anker-paa-kildeside", "{P}", source_anchor,
         ("link", 'ankeret "#testdata-afsnit-99"'), "kun bygningen"),
    Kind("makro-ukendt", "docs/ordliste.md",
         page_line("docs/ordliste.md", "{{ ordlisten() }}"),
         ("makro", 'ukendt makro eller variabel "ordlisten"'), "begge"),
    Kind("makro-syntaks", "docs/anbefalinger.md",
         page_line("docs/anbefalinger.md", "{{ anbefalinger( }}"),
         ("makro", "Jinja-fejl"), "begge"),
    Kind("nyhed-kategori", "{P}", news_category,
         ("front matter", 'ukendt kategori "Testkategori"'), "begge"),
    Kind("nyhed-uden-dato", "docs/nyheder/posts/testdata-uden-dato.md",
         new_page("docs/nyheder/posts/testdata-uden-dato.md",
                  "---\ndescription: Testdata.\n---\n\n# Uden dato\n"),
         ("front matter", "date:"), "begge"),
    Kind("dato-umulig", "docs/processen.md",
         page_line("docs/processen.md", "Mødet holdes 31. februar 2024."),
         ("dato", "«31. februar 2024» er ikke en mulig dato"), "kun tjekket"),
    Kind("kilde-sted", "docs/was.md", source_place,
         ("kilde", 'stedet "{heading_typo}" findes ikke'), "begge (bygningen uden linje)"),
    Kind("kilde-ukendt", "docs/beslutninger.md",
         page_line("docs/beslutninger.md", '{{ kilde("sag-99-1", "Baggrund") }}'),
         ("kilde", 'ukendt kilde "sag-99-1"'), "begge (bygningen uden linje)"),
]


def known(project: Path) -> dict[str, str]:
    """What a kind's file and words may name ({P}, {heading_typo}), read from the copy."""
    heading = first_source(project)[1]
    return {**names(project), "heading_typo": heading[:2] + heading[3:]}


def test_every_page_error_kind_is_reported_on_its_line_by_the_shared_check(tmp_path: Path
                                                                             ) -> None:
    project = copy_project(tmp_path / "projekt")
    named = known(project)
    lines = {kind.name: kind.apply(project) for kind in KINDS}
    errors = [str(p) for p in check_docs(project, load_site_data(project), with_lix=False).errors]
    missing = [kind.name for kind in KINDS
               if not any(e.startswith(f"{kind.file.format(**named)}:{lines[kind.name]}: ")
                          and all(w.format(**named) in e for w in kind.words) for e in errors)]
    assert missing == [], "\n".join(errors)
    # every field the page check reports is walked
    assert {e.split(": ")[1] if e.count(": ") > 1 else "" for e in errors} >= {
        "", "front matter", "html", "link", "makro", "dato", "kilde"}
    print("\n" + "\n".join(f"{k.name}: før {k.before}" for k in KINDS))


# Data mistakes in different files, independent of each other (tests/test_mistakes.py).
DATA_MISTAKES = [m for m in MISTAKES if m.name in ("misspelt-status", "date-not-iso",
                                                   "wrong-type")]


# -- the build, without history: the check's lines and MkDocs' anchors, on every kind of page --

def broken_anchors(project: Path) -> list[tuple[str, str, str, str]]:
    """(page the link is on, its kind, link target and the target's kind)."""
    first = load_site_data(project).tiltag.tiltag[0].id
    return [
        ("docs/privatliv.md", "plain", f"tiltag/{first}.md#findes-ikke-a", "generated"),
        ("docs/aendringer.md", "paged overview", "plan.md#et-afsnit-der-ikke-findes", "macro"),
        ("docs/ordliste.md", "macro", "privatliv.md#findes-ikke-c", "plain"),
        ("docs/processen.md", "macro", "gantt.md#findes-ikke-d", "paged overview"),
    ]
RENDERABLE = ["front-matter-ikke-lukket", "front-matter-type", "link-side-findes-ikke",
              "link-til-adresse", "link-absolut", "link-fil-findes-ikke", "dato-umulig"]


def test_the_build_without_history_refuses_the_same_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")  # without .git: no history
    assert not (project / ".git").exists()
    kinds = [k for k in KINDS if k.name in RENDERABLE]
    anchors = broken_anchors(project)
    lines = {k.name: k.apply(project) for k in kinds}
    for page, _, target, _ in anchors:
        page_line(page, f"Se [afsnittet]({target}).")(project)
    checked = run_check(project)
    site = tmp_path / "site"
    built = build_site(project, site)
    output = built.stdout + built.stderr
    assert built.returncode != 0 and not site.exists()
    for kind in kinds:
        prefix = f"{kind.file}:{lines[kind.name]}: "
        for name, text in (("tjekket", checked.stdout), ("bygningen", output)):
            assert any(prefix in out and all(w in out for w in kind.words)
                       for out in text.splitlines()), f"{name}: {kind.name}\n{text}"
    for page, _, target, _ in anchors:
        anchor = target.split("#")[1]
        # the plugin's Danish line for MkDocs' anchor warning: page, link and anchor
        assert any(f" {page}:" in f" {out}"
                   and f'"{target}"' in out and f'ankeret "#{anchor}"' in out
                   for out in output.splitlines()), output
    # the check sees the anchors it can know: those of a page without macros
    assert 'docs/ordliste.md' in checked.stdout and 'ankeret "#findes-ikke-c"' in checked.stdout


def test_the_check_knows_every_anchor_of_the_source_pages(site_pages: dict) -> None:
    site = load_site_data(ROOT)
    for source_id, text in site.kildetekster.items():
        article = site_pages[f"kilder/{source_id}/"].select_one("article")
        assert {e["id"] for e in article.select("[id]")} == source_page_anchors(text), source_id


def test_the_build_plugin_reports_exactly_what_the_check_reports(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The plugin's data check (on_config) and page check (on_files) log the check's lines:
    they are the check's own functions."""
    from mkdocs.exceptions import Abort

    from macros.adapter import pages as adapter
    from macros.editors.check import run

    broken = copy_project(tmp_path / "data-fejl")
    for mistake in DATA_MISTAKES:
        mistake.apply(broken)
    with caplog.at_level("ERROR", logger="mkdocs"), pytest.raises(Abort):
        adapter.load_data(broken)
    logged = {r.getMessage() for r in caplog.records}
    assert logged == {str(p) for p in run(broken).errors} and len(logged) >= len(DATA_MISTAKES)

    caplog.clear()
    pages = copy_project(tmp_path / "side-fejl")
    for kind in KINDS:
        kind.apply(pages)
    config = SimpleNamespace(config_file_path=str(pages / "mkdocs.yml"),
                             docs_dir=str(pages / "docs"))
    site = adapter.load_data(pages)
    with caplog.at_level("ERROR", logger="mkdocs"), pytest.raises(Abort):
        adapter.check_pages(config, site)
    logged = {r.getMessage() for r in caplog.records}
    assert logged == {str(p) for p in run(pages).errors} and len(logged) >= len(KINDS)

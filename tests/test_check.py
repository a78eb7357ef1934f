"""The editors' fast check: the real site passes; each kind of page problem is reported."""

from __future__ import annotations

import re
from pathlib import Path

from macros.data.loading import load_site_data
from macros.editors import markdown_checks as md
from tests.conftest import ROOT
from tests.conftest import run_check as check


def add_page(project: Path, rel: str, text: str) -> None:
    path = project / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_real_site_passes_and_gets_a_lix_report() -> None:
    result = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LIX pr. side" in result.stdout
    assert "docs/index.md" in result.stdout
    assert "Ingen fejl" in result.stderr
    # Contact details the sources do not give: a reminder, not an error.
    contact = load_site_data(ROOT).identity.kontakt
    absent = [f"kontakt.{name}" for name in ("adresse", "telefon", "email")
              if getattr(contact, name, None) is None]
    for name in absent:
        assert re.search(rf"^data/identitet.yml:\d+: {name}: advarsel:", result.stdout, re.M)


def test_a_page_that_calls_a_macro_the_table_lacks_is_refused(project_copy: Path) -> None:
    # The check reads the macro names from the one table the adapter registers
    # (macros/views/macro_table.py): a real macro passes, a misspelt one is refused.
    add_page(project_copy, "makro.md", "---\ntitle: Makro\nrender_macros: true\n---\n\n"
             "# Makro\n\n{{ tids_og_procesplan() }} {{ antal_tiltag }}\n\n{{ tidsplan() }}\n")
    result = check(project_copy, "--uden-lix")
    refused = [line for line in result.stdout.splitlines() if line.startswith("docs/makro.md")]
    assert len(refused) == 1, refused
    assert refused[0].startswith('docs/makro.md:10: makro: ukendt makro eller variabel "tidsplan"')


HARD = ("Kommunalbestyrelsen godkendte afrapporteringen vedrørende udviklingsprocessen "
        "på området efter indstilling fra det faste udvalg. ") * 8  # 104 words


def test_lix_limit_is_configurable_and_only_warns(project_copy: Path) -> None:
    add_page(project_copy, "svaer.md", f"---\ntitle: Svær\n---\n\n# Svær\n\n{HARD}\n")
    add_page(project_copy, "kort.md", "---\ntitle: Kort\n---\n\n# Kort\n\n" + HARD[:200] + "\n")
    result = check(project_copy, "--lix-graense", "200")
    assert "docs/svaer.md:1: lix" not in result.stdout
    result = check(project_copy)
    assert result.returncode == 0
    assert "docs/svaer.md:1: lix: advarsel: LIX" in result.stdout
    assert "over grænsen 45" in result.stdout
    # Fewer than 100 words give no figure worth a warning.
    assert "docs/kort.md:1: lix" not in result.stdout


def test_lix_is_measured_on_the_built_page_when_there_is_a_current_build(
        project_copy: Path) -> None:
    """A page made by macros is measured as built (its generated sentences included, its
    quotations left out); without a build newer than the sources, the check says it cannot."""
    result = check(project_copy)
    assert "ingen bygning af den nuværende tekst" in result.stdout
    assert re.search(r"Kan ikke måles uden en bygning.*docs/tidslinje\.md", result.stdout)
    assert "docs/tidslinje.md:1: lix" not in result.stdout
    site = project_copy / "site"
    (site / "tidslinje").mkdir(parents=True)
    (site / "tidslinje" / "index.html").write_text(
        f"<article><h1>Tidslinje</h1><p>{HARD}</p><blockquote>{'Citat. ' * 300}</blockquote>"
        "</article>", encoding="utf-8")
    (site / "index.html").write_text("<article><p>Forsiden.</p></article>", encoding="utf-8")
    result = check(project_copy)
    assert "målt på den byggede side i site/" in result.stdout
    assert "docs/tidslinje.md:1: lix: advarsel: LIX" in result.stdout
    assert re.search(r"docs/tidslinje\.md +\(/tidslinje/, 105 ord", result.stdout), result.stdout
    (project_copy / "docs" / "tidslinje.md").touch()  # edited after the build
    assert "ingen bygning af den nuværende tekst" in check(project_copy).stdout


def test_page_problems_fail_with_file_and_line(project_copy: Path) -> None:
    first = load_site_data(project_copy).tiltag.tiltag[0]
    add_page(project_copy, "nyheder/posts/ny.md",
             "---\ndate: 2026-11-20\ncategories: [Status]\n---\n\n# Ny\n\n"
             f"Se [planen](../../plan.md), [tiltaget](../../tiltag/{first.id}.md) "
             f"og [sporet](../../spor/{first.spor}.md).\n"
             "Se også [forsiden](../../forside.md).\n")
    result = check(project_copy)
    assert result.returncode == 1
    assert ('docs/nyheder/posts/ny.md:9: link: siden "../../forside.md" findes ikke'
            in result.stdout)
    assert "docs/nyheder/posts/ny.md:8" not in result.stdout  # existing and generated pages


def test_abbreviations_missing_from_the_glossary_warn(project_copy: Path) -> None:
    known = " og ".join([t.term for t in load_site_data(project_copy).ordliste.termer
                         if re.fullmatch(r"[A-ZÆØÅ]{2,}", t.term)][:2])
    add_page(project_copy, "forkort.md", "---\ntitle: Forkortelser\n---\n\n# Forkortelser\n\n"
             f"{known} er forklaret, men ABC er ikke. `XYZ` er kode, og kapitel IV tæller ikke."
             "\n")
    result = check(project_copy)
    assert result.returncode == 0
    lines = [x for x in result.stdout.splitlines() if x.startswith("docs/forkort.md")]
    assert lines == ['docs/forkort.md:7: forkortelse: advarsel: ukendt forkortelse "ABC" – '
                     "tilføj den til data/ordliste.yml, så læserne får den forklaret"]


def test_broken_data_does_not_make_links_to_generated_pages_fail(project_copy: Path) -> None:
    first = load_site_data(project_copy).tiltag.tiltag[0]
    path = project_copy / "data" / "tiltag" / f"{first.id}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"spor: {first.spor}\n",
                                                             f"\tspor: {first.spor}\n", 1),
                    encoding="utf-8")
    add_page(project_copy, "se.md", f"---\ntitle: Se\n---\n\n[x](tiltag/{first.id}.md)\n")
    result = check(project_copy, "--uden-lix")
    assert result.returncode == 1
    assert f"data/tiltag/{first.id}.yml" in result.stdout
    assert "docs/se.md:" not in result.stdout


def test_front_matter_must_be_closed() -> None:
    page = md.read_page("docs/x.md", "---\ntitle: X\n\n# X\n")
    assert [str(p) for p in page.problems] == [
        "docs/x.md:1: front matter: front matter er ikke lukket – tilføj en linje med --- under "
        "de sidste felter"]


def test_front_matter_syntax_error_names_the_page_line() -> None:
    page = md.read_page("docs/x.md", '---\ntitle: X\ndescription: "åben\n---\n')
    assert [(p.line, "anførselstegn" in p.message) for p in page.problems] == [(3, True)]


def test_links_in_code_and_jinja_are_not_checked() -> None:
    site = md.SiteIndex(pages=frozenset({"a.md"}))
    page = md.read_page("docs/a.md", "---\nrender_macros: true\n---\n\n"
                        "`[x](nej.md)`\n\n```\n[y](nej.md)\n```\n\n[z]({{ config.extra.x }})\n")
    assert md.check_links(page, site) == ([], [])


def test_prose_drops_markup_but_keeps_lines() -> None:
    page = md.read_page("docs/a.md", "# Titel\n\n<p class=\"x\">Tekst</p>\n\n- punkt\n")
    text = md.prose(page)
    assert text.count("\n") == page.body.count("\n")
    assert "class" not in text and "Titel." in text and "punkt." in text


def test_a_site_name_other_than_the_strategy_name_is_a_warning(project_copy: Path) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    name = load_site_data(project_copy).identity.strategi.navn
    config.write_text(text.replace(f"site_name: {name}",
                                   "site_name: Et andet navn", 1), encoding="utf-8")
    result = check(project_copy, "--uden-lix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mkdocs.yml:1: site_name: advarsel: sidens navn «Et andet navn»" in result.stdout

"""A corpus of mistakes editors really make, each checked for the line and the Danish hint.

Every mistake is applied to a copy of the real project. The fast check
(`python -m macros.editors.check`) must name the file, the line and the key words of the hint; a
representative subset also goes through the real atomic build, which must fail with the same line
and leave no site behind.
Mistakes that are not mistakes (a BOM, braces in plain prose, HTML in a title) must build.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import assert_reported, build_site, page_line

# One file per initiative and meeting (data/tiltag/<id>.yml), as the browser editor writes them.
TILTAG = "data/tiltag/ansaettelse-fagchefer.yml"
SECOND = "data/tiltag/aftaleholder-myndighed-visitation-voksen.yml"
MOEDER = "data/moeder/kb-2022-11-15.yml"
OMU = "data/moeder/omu-2023-09-12.yml"
POST = "docs/nyheder/posts/2023-10-30-dialogmoede.md"
FIRST_ID = "id: ansaettelse-fagchefer\n"
FIRST_TRACK = "spor: organisering\n"


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.editors.check", "--root", str(project), "--uden-lix"],
        cwd=project, capture_output=True, text=True, check=False,
    )


def edit(project: Path, rel: str, old: str, new: str) -> int:
    """Replace the first `old` in a file; return the line where it started."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text.count("\n", 0, index) + 1


@dataclass(frozen=True)
class Mistake:
    name: str
    file: str
    apply: Callable[[Path], int]  # makes the mistake, returns the line the message must name
    words: tuple[str, ...]  # key words of the Danish hint, all on that line


def replace(rel: str, old: str, new: str, shift: int = 0) -> Callable[[Path], int]:
    return lambda project: edit(project, rel, old, new) + shift


def after_first_track(extra: str) -> Callable[[Path], int]:
    """Insert lines after the first initiative's 'spor:' line; the message names the first."""
    return lambda project: edit(project, TILTAG, FIRST_TRACK, FIRST_TRACK + extra) + 1


def latin1(project: Path) -> int:
    path = project / TILTAG
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    return text.count("\n", 0, text.index("æ")) + 1


MISTAKES = [
    Mistake("indentation", TILTAG, replace(TILTAG, FIRST_TRACK, "  spor: organisering\n"),
            ("indrykningen",)),
    Mistake("tab", TILTAG, replace(TILTAG, FIRST_TRACK, "\tspor: organisering\n"),
            ("tabulator", "mellemrum")),
    Mistake("missing-colon", TILTAG, replace(TILTAG, FIRST_TRACK, "spor organisering\n"),
            ("kolon",)),
    Mistake("misspelt-field", TILTAG,
            replace(TILTAG, "titel: Ansættelse af to fagchefer",
                    "titl: Ansættelse af to fagchefer"),
            (": titl:", 'ukendt felt "titl"', 'mente du "titel"')),
    Mistake("status-on-initiative", TILTAG, after_first_track("status: i gang\n"),
            (": status:", "hører ikke længere til tiltaget", "data/statusrunder/")),
    Mistake("fifth-quarter", TILTAG,
            replace(TILTAG, "dato: juni 2023\n", "dato: 5. kvartal 2024\n"),
            ("milepaele[0].dato", "5. kvartal 2024", "kvartal")),
    Mistake("misspelt-season", TILTAG,
            replace(TILTAG, "dato: juni 2023\n", "dato: efteråt 2024\n"),
            ("efteråt 2024", 'mente du "efterår"')),
    Mistake("duplicate-id", SECOND,
            replace(SECOND, "id: aftaleholder-myndighed-visitation-voksen\n", FIRST_ID),
            ('id "ansaettelse-fagchefer"', "brugt før", "unikke")),
    Mistake("dangling-track", TILTAG, replace(TILTAG, FIRST_TRACK, "spor: organiseringen\n"),
            ('ukendt udviklingsspor "organiseringen"', 'mente du "organisering"',
             "data/spor.yml")),
    Mistake("date-not-iso", MOEDER,
            replace(MOEDER, "dato: 2022-11-15\n", "dato: 26-10-2023\n"),
            (": dato:", '"26-10-2023" er ikke en dato', "ÅÅÅÅ-MM-DD")),
    Mistake("missing-required", TILTAG,
            replace(TILTAG, "titel: Ansættelse af to fagchefer\n", "", shift=-1),
            ('feltet "titel" mangler',)),
    Mistake("text-for-list", MOEDER, replace(MOEDER, "udvalg:\n  - kb\n", "udvalg: kb\n"),
            (": udvalg:", "skal være en liste", "'- '")),
    Mistake("wrong-type", OMU,
            replace(OMU, "nr: 1\n    tekst: Drøftet.", "nr: et\n    tekst: Drøftet."),
            ("nr", '"et" skal være et helt tal')),
    Mistake("not-utf8", TILTAG, latin1, ("UTF-8",)),
    Mistake("word-smart-quotes", TILTAG,
            replace(TILTAG, "titel: Ansættelse af to fagchefer",
                    "titel: “Ansættelse af to fagchefer”"),
            (": titel:", "typografiske anførselstegn")),
    Mistake("unclosed-quote", TILTAG,
            replace(TILTAG, "titel: Ansættelse af to fagchefer",
                    'titel: "Ansættelse af to fagchefer'),
            ("anførselstegn", "ikke lukket")),
    Mistake("dangling-meeting", TILTAG,
            after_first_track("moeder: [kb-2022-11-16]\n"),
            ('ukendt møde "kb-2022-11-16"', 'mente du "kb-2022-11-15"')),
    Mistake("bad-id", TILTAG, replace(TILTAG, FIRST_ID, "id: Ansættelse fagchefer\n"),
            (": id:", "ikke et gyldigt id", "små bogstaver")),
    Mistake("id-not-file-name", TILTAG, replace(TILTAG, FIRST_ID, "id: fagchefer\n"),
            (": id:", "filens navn", "ansaettelse-fagchefer")),
    Mistake("single-file-beside-folder", "data/tiltag.yml",
            lambda project: (project / "data" / "tiltag.yml").write_text(
                "tiltag: []\n", encoding="utf-8") and 1,
            ("både data/tiltag.yml og mappen data/tiltag/",)),
    Mistake("missing-page", "docs/index.md",
            replace("docs/index.md", "(strategien.md)", "(strategi.md)"),
            ("link", 'siden "strategi.md" findes ikke', 'mente du "strategien.md"')),
    Mistake("missing-generated-page", "docs/index.md",
            page_line("docs/index.md", "Se [tiltaget](tiltag/ansaettelse-fagchef.md)."),
            ('"tiltag/ansaettelse-fagchef.md" findes ikke',
             'mente du "tiltag/ansaettelse-fagchefer.md"')),
    Mistake("link-to-address", "docs/index.md",
            page_line("docs/index.md", "Se [planen](plan/)."),
            ("link", '"plan/"', 'skriv "plan.md"')),
    Mistake("unknown-macro", "docs/ordliste.md",
            page_line("docs/ordliste.md", "{{ ordlisten() }}"),
            ("makro", 'ukendt makro eller variabel "ordlisten"', 'mente du "ordliste"')),
    Mistake("comment-brace-in-macro-page", "docs/ordliste.md",
            page_line("docs/ordliste.md", "Overskrifter kan få et anker som {#ordliste}."),
            ("makro", "Jinja-kommentar", "render_macros")),
    Mistake("front-matter-bool", "docs/ordliste.md",
            replace("docs/ordliste.md", "render_macros: true", "render_macros: ja"),
            ("front matter", '"render_macros" skal være true eller false')),
    Mistake("unknown-news-category", POST,
            replace(POST, "  - Arrangementer\n", "  - Arangementer\n"),
            ("front matter", 'ukendt kategori "Arangementer"', 'mente du "Arrangementer"')),
    Mistake("news-without-date", POST, replace(POST, "date: 2023-10-30\n", "", shift=-1),
            ("front matter", "date:", "ÅÅÅÅ-MM-DD")),
    Mistake("script-in-page", "docs/index.md",
            page_line("docs/index.md", "<script>alert('hej')</script>"),
            ("html", "<script> er ikke tilladt", "backticks")),
    Mistake("iframe-in-page", "docs/index.md",
            page_line("docs/index.md", '<iframe src="https://example.org/"></iframe>'),
            ("html", "<iframe> er ikke tilladt", "link til det i stedet")),
    Mistake("onerror-in-page", "docs/index.md",
            page_line("docs/index.md", '<img src="x.png" alt="" onerror="alert(1)">'),
            ("html", 'attributten "onerror" er ikke tilladt')),
    Mistake("onclick-in-attribute-list", "docs/index.md",
            page_line("docs/index.md", "Se [planen](plan.md){ onclick=\"alert(1)\" }."),
            ("html", 'attributten "onclick" er ikke tilladt')),
    Mistake("javascript-link-in-page", "docs/index.md",
            page_line("docs/index.md", "Se [planen](javascript:alert(1))."),
            ("html", '"javascript:" er ikke tilladt', "https://")),
    Mistake("script-in-description", "docs/ordliste.md",
            replace("docs/ordliste.md", "title: Ordliste",
                    "title: Ordliste\ndescription: '</title><script>alert(1)</script>'", shift=1),
            ("html", "<script> er ikke tilladt")),
    Mistake("onerror-in-data", TILTAG,
            replace(TILTAG, "titel: Ansættelse af to fagchefer\n",
                    "titel: Ansættelse af to fagchefer <img src=x onerror=alert(1)>\n"),
            (": titel: ", 'attributten "onerror" er ikke tilladt')),
    Mistake("script-in-data", OMU,
            replace(OMU, "    tekst: Drøftet.\n", "    tekst: Drøftet.<script>x()</script>\n"),
            ("beslutning[0].tekst", "<script> er ikke tilladt")),
    Mistake("javascript-url-in-data", SECOND,
            replace(SECOND, "bemaerkning: Ansættelsesforløb sker som med inddragelse af LMU.",
                    "bemaerkning: javascript:alert(1)"),
            (": bemaerkning: ", '"javascript:" er ikke tilladt')),
    Mistake("image-without-alt", "docs/index.md",
            page_line("docs/index.md", "![](assets/images/favicon.svg)"),
            ("billede", "ingen alternativ tekst", "skærmlæser")),
    Mistake("img-tag-without-alt", "docs/index.md",
            page_line("docs/index.md", '<img src="assets/images/favicon.svg">'),
            ("billede", "<img> uden alternativ tekst")),
    Mistake("front-matter-tab", "docs/ordliste.md",
            replace("docs/ordliste.md", "title: Ordliste", "title:\tOrdliste\n\tx: y"),
            ("tabulator",)),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_check_names_file_line_and_hint(project_copy: Path, mistake: Mistake) -> None:
    line = mistake.apply(project_copy)
    result = run_check(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_reported(result.stdout, f"{mistake.file}:{line}: ", mistake.words)


BUILD_SUBSET = ["indentation", "tab", "status-on-initiative", "fifth-quarter", "duplicate-id",
                "dangling-track", "wrong-type", "missing-required", "unknown-macro",
                "missing-page", "unknown-news-category"]
# Raw HTML the site refuses, and images that say nothing: the build names the same file and
# line as the check.
HTML_BUILD_SUBSET = ["script-in-page", "onerror-in-page", "javascript-link-in-page",
                     "script-in-description", "onerror-in-data", "script-in-data",
                     "image-without-alt"]


@pytest.mark.parametrize("name", BUILD_SUBSET)
def test_build_fails_on_the_same_line_and_publishes_nothing(project_copy: Path,
                                                            tmp_path: Path, name: str) -> None:
    mistake = next(m for m in MISTAKES if m.name == name)
    line = mistake.apply(project_copy)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("gammel udgave", encoding="utf-8")
    result = build_site(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    if mistake.file.startswith("data/"):
        assert f"{mistake.file}:{line}: " in output, output
    else:  # MkDocs names the page by its path inside docs/
        assert mistake.file.removeprefix("docs/") in output, output
    assert not site.exists(), "en halvt bygget eller gammel side blev liggende"


@pytest.mark.parametrize("name", HTML_BUILD_SUBSET)
def test_build_refuses_unsafe_html_on_the_same_line(project_copy: Path, tmp_path: Path,
                                                     name: str) -> None:
    mistake = next(m for m in MISTAKES if m.name == name)
    line = mistake.apply(project_copy)
    site = tmp_path / "site"
    result = build_site(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [out for out in output.splitlines() if f"{mistake.file}:{line}: " in out]
    assert any(all(word in out for word in mistake.words) for out in lines), output
    assert not site.exists()


def test_bom_is_accepted(project_copy: Path, tmp_path: Path) -> None:
    path = project_copy / TILTAG
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert run_check(project_copy).returncode == 0
    assert build_site(project_copy, tmp_path / "site").returncode == 0


def test_braces_in_plain_prose_build_and_show_literally(project_copy: Path,
                                                         tmp_path: Path) -> None:
    page = project_copy / "docs" / "privatliv.md"
    text = page.read_text(encoding="utf-8")
    assert "render_macros" not in text
    page.write_text(text.rstrip("\n") + "\n\nSkabelonen skriver {{ navn }} og {% if %}, og et "
                    "anker skrives {#id} efter en overskrift.\n", encoding="utf-8")
    result = run_check(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    built = build_site(project_copy, site)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (site / "privatliv" / "index.html").read_text(encoding="utf-8")
    assert "{{ navn }}" in html and "{% if %}" in html and "{#id}" in html


def test_html_in_a_title_is_escaped(project_copy: Path, tmp_path: Path) -> None:
    edit(project_copy, TILTAG, "titel: Ansættelse af to fagchefer",
         "titel: Ansættelse af to fagchefer <b>nu</b> & 5 < 6")
    assert run_check(project_copy).returncode == 0
    site = tmp_path / "site"
    built = build_site(project_copy, site)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (site / "tiltag" / "ansaettelse-fagchefer" / "index.html").read_text(encoding="utf-8")
    assert "fagchefer <b>nu" not in html
    assert "fagchefer &lt;b&gt;nu&lt;/b&gt; &amp; 5 &lt; 6" in html


def test_words_about_scripts_and_quoted_code_are_not_refused(project_copy: Path,
                                                               tmp_path: Path) -> None:
    page = project_copy / "docs" / "privatliv.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + "\n\nSiden bruger et script til søgningen. JavaScript: "
                    "et sprog. Et link som `<a onclick=\"x\">` eller `javascript:` virker ikke her."
                    "\n\n```html\n<script>alert(1)</script>\n```\n\n<!-- <script> -->\n\n"
                    "1 < 2 og 3 > 2.\n", encoding="utf-8")
    # a free-text field: a decision's own words are checked against the source, a title is not
    edit(project_copy, OMU, "titel: Fælles langsigtet strategi på Socialområdet og Børne- og "
         "familieområdet\n", "titel: 'Fælles langsigtet strategi. Et script og onerror er ord; "
         "JavaScript: også.'\n")
    result = run_check(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    built = build_site(project_copy, site)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (site / "privatliv" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<a onclick" not in html
    assert '<span class="nt">script</span>' in html  # the fenced block, shown as code


def test_unknown_front_matter_key_is_only_a_warning(project_copy: Path) -> None:
    line = edit(project_copy, "docs/ordliste.md", "title: Ordliste", "titel: Ordliste")
    result = run_check(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (f'docs/ordliste.md:{line}: front matter: advarsel: ukendt felt "titel" – mente du '
            '"title"?') in result.stdout


def test_the_corpus_is_large_enough() -> None:
    assert len(MISTAKES) >= 20

"""A corpus of mistakes editors really make, each checked for the line and the Danish hint.

Every mistake is applied to a copy of the project, in files and texts read from the copy (any
strategy's). The fast check (`python -m macros.editors.check`) must name the file, the line and
the key words of the hint; a representative subset also goes through the real atomic build,
which must fail with the same line and leave no site behind.
Mistakes that are not mistakes (a BOM, braces in plain prose, HTML in a title) must build.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pytest
import yaml

from tests import conftest
from tests.conftest import assert_reported, build_site, page_line, read_collection


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """The fast check of the project, without LIX (conftest.run_check)."""
    return conftest.run_check(project, "--uden-lix")


def edit(project: Path, rel: str, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` (after the first `after`) in a file; return the line where it
    started."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    index = text.index(old, text.index(after))
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text.count("\n", 0, index) + 1


def names(project: Path) -> dict[str, str]:
    """The files and texts the mistakes are made in, read from the copy's own files (plain
    YAML, so a mistake already made elsewhere in the copy does not stop it): {T} the first
    initiative with a milestone, {S} another initiative, {M} the first dated meeting, {D} the
    first meeting with decisions, {P} the first news post."""
    initiatives = read_collection(project, "tiltag")
    meetings = read_collection(project, "moeder")
    first = next((t for t in initiatives if t.get("milepaele")), initiatives[0])
    other = next(t for t in initiatives if t["id"] != first["id"])
    dated = next(m for m in meetings if m.get("dato") and m.get("udvalg"))
    decided = next(m for m in meetings if m.get("beslutning"))
    post = sorted((project / "docs" / "nyheder" / "posts").glob("*.md"))[0]
    meta = yaml.safe_load(post.read_text(encoding="utf-8").split("---\n")[1])
    category = meta["categories"][0]
    return {
        "T": f"data/tiltag/{first['id']}.yml", "T_id": first["id"],
        "T_id_cut": first["id"][:-2], "T_titel": first["titel"],
        "T_spor": first["spor"], "T_milepael": str((first.get("milepaele") or [{}])[0].get("dato")),
        "S": f"data/tiltag/{other['id']}.yml", "S_id": other["id"],
        "M": f"data/moeder/{dated['id']}.yml", "M_dato": str(dated["dato"]),
        "M_udvalg": dated["udvalg"][0], "M_typo": dated["id"][:-1] + "x",
        "M_id": dated["id"],
        "D": f"data/moeder/{decided['id']}.yml", "D_nr": str(decided["beslutning"][0]["nr"]),
        "D_tekst": decided["beslutning"][0]["tekst"], "D_titel": decided["titel"],
        "P": post.relative_to(project).as_posix(), "P_dato": str(meta["date"]),
        "P_kategori": category, "P_kategori_typo": category[0] + category[2:],
    }


@dataclass(frozen=True)
class Mistake:
    name: str
    file: str  # may name {T}, {S}, {M}, {D}, {P} (names())
    apply: Callable[[Path], int]  # makes the mistake, returns the line the message must name
    words: tuple[str, ...]  # key words of the Danish hint, all on that line ({…}: names())

    def made(self, project: Path) -> tuple[str, int, tuple[str, ...]]:
        """Make the mistake in the copy: the file, the line and the words of its message."""
        known = names(project)
        line = self.apply(project)
        return (self.file.format(**known), line,
                tuple(word.format(**known) for word in self.words))


def replace(rel: str, old: str, new: str, shift: int = 0, after: str = ""
            ) -> Callable[[Path], int]:
    """Replace a text of a file; each of them may name what names() knows, as {…}."""
    def apply(project: Path) -> int:
        known = names(project)
        return edit(project, rel.format(**known), old.format(**known), new.format(**known),
                    after.format(**known)) + shift
    return apply


def after_first_track(extra: str) -> Callable[[Path], int]:
    """Insert lines after {T}'s 'spor:' line; the message names the first."""
    return lambda project: replace("{T}", "spor: {T_spor}\n", "spor: {T_spor}\n" + extra)(
        project) + 1


def latin1(project: Path) -> int:
    path = project / names(project)["T"]
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    return text.count("\n", 0, next(i for i, c in enumerate(text) if ord(c) > 127)) + 1


def text_for_list(project: Path) -> int:
    """The meeting's committees written as text, not a list (either way YAML writes a list)."""
    known = names(project)
    text = (project / known["M"]).read_text(encoding="utf-8")
    block = f"udvalg:\n  - {known['M_udvalg']}\n"
    old = block if block in text else f"udvalg: [{known['M_udvalg']}]\n"
    return edit(project, known["M"], old, f"udvalg: {known['M_udvalg']}\n")


def remark(value: str) -> Callable[[Path], int]:
    """{S}'s remark set to value: its own line replaced, or a new line after its track."""
    def apply(project: Path) -> int:
        known = names(project)
        text = (project / known["S"]).read_text(encoding="utf-8")
        found = re.search(r"^bemaerkning:.*\n", text, re.M)
        if found:
            return edit(project, known["S"], found.group(0), f"bemaerkning: {value}\n")
        track = re.search(r"^spor:.*\n", text, re.M)
        assert track
        return edit(project, known["S"], track.group(0), track.group(0)
                    + f"bemaerkning: {value}\n") + 1
    return apply


T = "{T}"
TITLE = "titel: {T_titel}"
MISTAKES = [
    Mistake("indentation", T, replace(T, "spor: {T_spor}\n", "  spor: {T_spor}\n"),
            ("indrykningen",)),
    Mistake("tab", T, replace(T, "spor: {T_spor}\n", "\tspor: {T_spor}\n"),
            ("tabulator", "mellemrum")),
    Mistake("missing-colon", T, replace(T, "spor: {T_spor}\n", "spor {T_spor}\n"),
            ("kolon",)),
    Mistake("misspelt-field", T, replace(T, TITLE, "titl: {T_titel}"),
            (": titl:", 'ukendt felt "titl"', 'mente du "titel"')),
    Mistake("status-on-initiative", T, after_first_track("status: i gang\n"),
            (": status:", "hører ikke længere til tiltaget", "data/statusrunder/")),
    Mistake("fifth-quarter", T,
            replace(T, "dato: {T_milepael}\n", "dato: 5. kvartal 2024\n"),
            ("milepaele[0].dato", "5. kvartal 2024", "kvartal")),
    Mistake("misspelt-season", T,
            replace(T, "dato: {T_milepael}\n", "dato: efteråt 2024\n"),
            ("efteråt 2024", 'mente du "efterår"')),
    Mistake("duplicate-id", "{S}", replace("{S}", "id: {S_id}\n", "id: {T_id}\n"),
            ('id "{T_id}"', "brugt før", "unikke")),
    Mistake("dangling-track", T, replace(T, "spor: {T_spor}\n", "spor: {T_spor}en\n"),
            ('ukendt udviklingsspor "{T_spor}en"', 'mente du "{T_spor}"',
             "data/spor.yml")),
    Mistake("date-not-iso", "{M}",
            replace("{M}", "dato: {M_dato}\n", "dato: 25-10-2023\n"),
            (": dato:", '"25-10-2023" er ikke en dato', "ÅÅÅÅ-MM-DD")),
    Mistake("missing-required", T, replace(T, TITLE + "\n", "", shift=-1),
            ('feltet "titel" mangler',)),
    Mistake("text-for-list", "{M}", text_for_list,
            (": udvalg:", "skal være en liste", "'- '")),
    Mistake("wrong-type", "{D}",
            replace("{D}", "nr: {D_nr}\n", "nr: et\n", after="beslutning:"),
            ("nr", '"et" skal være et helt tal')),
    Mistake("not-utf8", T, latin1, ("UTF-8",)),
    Mistake("word-smart-quotes", T, replace(T, TITLE, "titel: “{T_titel}”"),
            (": titel:", "typografiske anførselstegn")),
    Mistake("unclosed-quote", T, replace(T, TITLE, 'titel: "{T_titel}'),
            ("anførselstegn", "ikke lukket")),
    Mistake("dangling-meeting", T,
            after_first_track("moeder: [{M_typo}]\n"),
            ('ukendt møde "{M_typo}"', 'mente du "{M_id}"')),
    Mistake("bad-id", T, replace(T, "id: {T_id}\n", "id: Et Tiltag\n"),
            (": id:", "ikke et gyldigt id", "små bogstaver")),
    Mistake("id-not-file-name", T, replace(T, "id: {T_id}\n", "id: {T_id}-x\n"),
            (": id:", "filens navn", "{T_id}")),
    Mistake("single-file-beside-folder", "data/tiltag.yml",
            lambda project: (project / "data" / "tiltag.yml").write_text(
                "tiltag: []\n", encoding="utf-8") and 1,
            ("både data/tiltag.yml og mappen data/tiltag/",)),
    Mistake("missing-page", "docs/index.md",
            page_line("docs/index.md", "Se [planen](pla.md)."),
            ("link", 'siden "pla.md" findes ikke', 'mente du "plan.md"')),
    Mistake("missing-generated-page", "docs/index.md",
            lambda project: page_line("docs/index.md", "Se [tiltaget](tiltag/{}.md).".format(
                names(project)["T_id_cut"]))(project),
            ('"tiltag/{T_id_cut}.md" findes ikke', 'mente du "tiltag/{T_id}.md"')),
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
    Mistake("unknown-news-category", "{P}",
            replace("{P}", "  - {P_kategori}\n", "  - {P_kategori_typo}\n"),
            ("front matter", 'ukendt kategori "{P_kategori_typo}"', 'mente du "{P_kategori}"')),
    Mistake("news-without-date", "{P}", replace("{P}", "date: {P_dato}\n", "", shift=-1),
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
    Mistake("onerror-in-data", T,
            replace(T, TITLE + "\n", TITLE + " <img src=x onerror=alert(1)>\n"),
            (": titel: ", 'attributten "onerror" er ikke tilladt')),
    Mistake("script-in-data", "{D}",
            replace("{D}", "tekst: {D_tekst}\n", "tekst: {D_tekst}<script>x()</script>\n",
                    after="beslutning:"),
            ("beslutning[0].tekst", "<script> er ikke tilladt")),
    Mistake("javascript-url-in-data", "{S}", remark("javascript:alert(1)"),
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
    file, line, words = mistake.made(project_copy)
    result = run_check(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_reported(result.stdout, f"{file}:{line}: ", words)


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
    file, line, _ = mistake.made(project_copy)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("gammel udgave", encoding="utf-8")
    result = build_site(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    if file.startswith("data/"):
        assert f"{file}:{line}: " in output, output
    else:  # MkDocs names the page by its path inside docs/
        assert file.removeprefix("docs/") in output, output
    assert not site.exists(), "en halvt bygget eller gammel side blev liggende"


@pytest.mark.parametrize("name", HTML_BUILD_SUBSET)
def test_build_refuses_unsafe_html_on_the_same_line(project_copy: Path, tmp_path: Path,
                                                     name: str) -> None:
    mistake = next(m for m in MISTAKES if m.name == name)
    file, line, words = mistake.made(project_copy)
    site = tmp_path / "site"
    result = build_site(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [out for out in output.splitlines() if f"{file}:{line}: " in out]
    assert any(all(word in out for word in words) for out in lines), output
    assert not site.exists()


def test_bom_is_accepted(project_copy: Path, tmp_path: Path) -> None:
    path = project_copy / names(project_copy)["T"]
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
    known = names(project_copy)
    replace(T, TITLE, TITLE + " <b>nu</b> & 5 < 6")(project_copy)
    assert run_check(project_copy).returncode == 0
    site = tmp_path / "site"
    built = build_site(project_copy, site)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (site / "tiltag" / known["T_id"] / "index.html").read_text(encoding="utf-8")
    last = escape(known["T_titel"].split()[-1], quote=False)
    assert f"{last} <b>nu" not in html
    assert f"{last} &lt;b&gt;nu&lt;/b&gt; &amp; 5 &lt; 6" in html


def test_words_about_scripts_and_quoted_code_are_not_refused(project_copy: Path,
                                                               tmp_path: Path) -> None:
    page = project_copy / "docs" / "privatliv.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + "\n\nSiden bruger et script til søgningen. JavaScript: "
                    "et sprog. Et link som `<a onclick=\"x\">` eller `javascript:` virker ikke her."
                    "\n\n```html\n<script>alert(1)</script>\n```\n\n<!-- <script> -->\n\n"
                    "1 < 2 og 3 > 2.\n", encoding="utf-8")
    # a free-text field: a decision's own words are checked against the source, a title is not
    replace("{D}", "titel: {D_titel}\n", "titel: 'Et møde. Et script og onerror er ord; "
            "JavaScript: også.'\n")(project_copy)
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

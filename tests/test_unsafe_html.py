"""What raw HTML editors may write (macros/data/unsafe_html.py): table-driven, plus the page
check's line numbers. The whole path through the check and the build is in test_mistakes.py."""

from __future__ import annotations

import pytest

from macros.data.unsafe_html import find_unsafe_html
from macros.editors.markdown_checks import check_raw_html, read_page

REFUSED = [
    ("<script>alert(1)</script>", "<script>"),
    ("<SCRIPT src=//x.example/a.js>", "<script>"),
    ("<iframe src=https://example.org></iframe>", "<iframe>"),
    ("<object data=x.swf></object>", "<object>"),
    ("<embed src=x>", "<embed>"),
    ('<base href="https://example.org/">', "<base>"),
    ('<meta http-equiv="refresh" content="0; url=https://example.org/">', "<meta>"),
    ("<style>body { display: none }</style>", "<style>"),
    ("<img src=x onerror=alert(1)>", '"onerror"'),
    ('<a href="#" ONCLICK="x()">', '"ONCLICK"'),
    ("<svg><g onload=alert(1)></g></svg>", '"onload"'),
    ("<details open ontoggle=x()>", '"ontoggle"'),
    ('<span style="color: red">rød</span>', '"style"'),
    ('<a href="javascript:alert(1)">x</a>', '"javascript:"'),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', '"javascript:"'),
    ('<a href="java&#x09;script:alert(1)">x</a>', '"javascript:"'),
    ('<a href="&#106;avascript:alert(1)">x</a>', '"javascript:"'),
    ('<a href="vbscript:msgbox(1)">x</a>', '"vbscript:"'),
    ("[planen](javascript:alert(1))", '"javascript:"'),
    ("![billede](javascript:alert(1))", '"javascript:"'),
    ("[planen](<javascript:alert(1)>)", '"javascript:"'),
    ("[planen][p]\n\n[p]: javascript:alert(1)", '"javascript:"'),
    ("<javascript:alert(1)>", '"javascript:"'),
    ('[planen](plan.md){ onclick="x()" }', '"onclick"'),
    ("## Overskrift {: onmouseover=x() }", '"onmouseover"'),
    ('[planen](plan.md){ href="javascript:x()" }', '"javascript:"'),
]

ALLOWED = [
    "Siden bruger et script til søgningen.",
    "JavaScript: et programmeringssprog.",
    "1 < 2 og 3 > 2, og a<b.",
    "<!-- <script>alert(1)</script> -->",
    "</script>",  # an end tag alone starts nothing
    '<abbr title="Ældre- og Plejeudvalget">VPU</abbr>',
    '<a href="https://example.org/onerror=1">link</a>',
    '<a title="onclick=x">tekst</a>',
    '<span class="note" data-on="1">x</span>',
    "[planen](plan.md) og [mail](mailto:a@example.org)",
    "## Overskrift {#anker .klasse}",
    "{{ tiltag_tabel(status='i gang') }} og {% set online = 1 %}",
    "onerror=alert(1) uden for et tag er bare tekst",
    '<svg viewBox="0 0 10 10"><rect width="5" height="5"></rect></svg>',
]


@pytest.mark.parametrize(("text", "named"), REFUSED)
def test_refused(text, named):
    findings = find_unsafe_html(text)
    assert len(findings) == 1, findings
    assert named in findings[0].message


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text):
    assert find_unsafe_html(text) == []


@pytest.mark.parametrize(("value", "refused"), [
    ("javascript:alert(1)", True),
    ("  JAVASCRIPT:alert(1)", True),
    ("vbscript:x", True),
    ("JavaScript: et sprog, som siden bruger", False),
    ("https://example.org/", False),
])
def test_a_data_value_that_is_itself_a_script_url(value, refused):
    assert bool(find_unsafe_html(value, data_value=True)) is refused


def test_page_check_names_the_line_and_lets_code_quote_anything():
    text = ("---\ntitle: Side\ndescription: '<script>x()</script>'\n---\n\n# Side\n\n"
            "`<script>` i kode er tekst.\n\n```html\n<iframe src=x></iframe>\n```\n\n"
            "Her er et <img src=x onerror=alert(1)> billede.\n")
    page = read_page("docs/side.md", text)
    problems = check_raw_html(page, text)
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("docs/side.md", 3, "html"), ("docs/side.md", 14, "html")]
    assert "<script>" in problems[0].message and '"onerror"' in problems[1].message


def test_page_without_front_matter_counts_lines_from_the_top():
    text = "# Side\n\n<script>x()</script>\n"
    problems = check_raw_html(read_page("docs/a.md", text), text)
    assert [p.line for p in problems] == [3]

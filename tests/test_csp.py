"""The Content-Security-Policy: the pure policy code (table-driven). What every built page
carries, and that the browser blocks nothing, is checked by macros/kvalitet/test_csp.py;
that everything still works under it, by tests/browser/test_csp.py."""

from __future__ import annotations

import base64
import hashlib

import pytest

from macros.views import csp

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>x</title>
<script>var a = 1;</script></head><body>
<script id="__config" type="application/json">{"x": 1}</script>
<script src="bundle.js"></script><script type="module">import "./m.js";</script>
<script>var a = 1;</script></body></html>"""


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


@pytest.mark.parametrize(("html", "expected"), [
    ("<script>var a = 1;</script>", [sha("var a = 1;")]),
    ("<SCRIPT>\n  x()\n</SCRIPT >", [sha("\n  x()\n")]),  # exactly the text between the tags
    ('<script src="a.js"></script>', []),  # a file: allowed by 'self', not by hash
    ('<script type="application/json">{}</script>', []),  # data, never run
    ('<script type="module">m()</script>', [sha("m()")]),
    ('<script type="text/javascript">t()</script>', [sha("t()")]),
    ("<script>æøå()</script>", [sha("æøå()")]),  # hashed as UTF-8
    ("<script>a()</script><script>a()</script>", [sha("a()")]),  # once
    (PAGE, [sha("var a = 1;"), sha('import "./m.js";')]),
])
def test_inline_script_hashes(html, expected):
    assert csp.inline_script_hashes(html) == expected


def test_public_policy_allows_scripts_only_from_the_site_and_by_hash():
    policy = csp.policy_for("public", PAGE)
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    module = sha('import "./m.js";')
    assert directives["script-src"] == f"'self' 'wasm-unsafe-eval' {sha('var a = 1;')} {module}"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'" and directives["form-action"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    # WebAssembly (the search) may be compiled; JavaScript may not be evaluated or inlined.
    assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(policy.replace(";", " ").split())


@pytest.mark.parametrize(("url", "kind"), [
    ("", "public"), ("plan/", "public"), ("404.html", "public"), ("tiltag/x/", "public"),
    ("admin/", "admin"), ("admin/index.html", "admin"), ("administration/", "public"),
])
def test_page_kind(url, kind):
    assert csp.page_kind(url) == kind


def test_admin_pages_get_no_public_policy():
    assert csp.policy_for("admin", PAGE) is None


def test_policy_goes_first_in_head_right_after_the_charset():
    out = csp.with_policy(PAGE, "default-src 'self'")
    head = out.split("<head>", 1)[1]
    assert head.startswith('<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" '
                           "content=\"default-src 'self'\">")


@pytest.mark.parametrize(("html", "why"), [
    ("<html><body>x</body></html>", "ingen <head>"),
    ("<head><script>x()</script><meta charset=utf-8></head>", "før"),
    ('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="x">'
     "</head>", "allerede"),
])
def test_pages_that_cannot_be_protected_are_refused(html, why):
    with pytest.raises(ValueError, match=why):
        csp.with_policy(html, "default-src 'self'")

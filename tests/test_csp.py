"""The Content-Security-Policy: the pure policy code (table-driven) and what every built page
carries. The browser side (no violations, everything still works) is tests/browser/test_csp.py."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from macros.views import csp

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content

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


def html_pages(built_site):
    return sorted(built_site.rglob("*.html"))


def test_every_page_carries_its_policy_before_any_script(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 40 and built_site / "404.html" in pages
    problems = []
    for path in pages:
        if path.relative_to(built_site).parts[0] == "admin":
            continue  # the editor brings its own policy (test_the_editor_has_its_own_policy)
        text = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if len(metas) != 1:
            problems.append(f"{path}: {len(metas)} politikker")
            continue
        head = [el for el in soup.head.children if getattr(el, "name", None)]
        if head[:2] != [soup.head.find("meta", charset=True), metas[0]]:
            problems.append(f"{path}: politikken står ikke først i <head>")
        policy = metas[0]["content"]
        hashes = {token for token in policy.split("script-src ", 1)[1].split(";", 1)[0].split()
                  if token.startswith("'sha256-")}
        if hashes != set(csp.inline_script_hashes(text)):
            problems.append(f"{path}: hashes passer ikke til sidens scripts")
        if {"'unsafe-inline'", "'unsafe-eval'"} & set(policy.replace(";", " ").split()):
            problems.append(f"{path}: unsafe-* i politikken")
    assert problems == [], "\n".join(problems[:20])


def test_the_editor_has_its_own_policy(built_site):
    """/admin/ (Sveltia CMS) needs inline styles, which no other page gets; it evaluates no code,
    loads scripts only from the site, and sends data only to the site and GitHub's API, never to
    a server on the visitor's own machine."""
    soup = BeautifulSoup((built_site / "admin" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    (meta,) = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    directives = dict(part.strip().split(" ", 1) for part in meta["content"].split(";"))
    assert directives["script-src"] == "'self'"  # no 'unsafe-eval', no 'wasm-unsafe-eval'
    assert "unsafe-eval" not in meta["content"]
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert set(directives["connect-src"].split()) == {"'self'", "blob:", "data:",
                                                      "https://api.github.com"}
    loopback = [f"{name} {sources}" for name, sources in directives.items()
                if re.search(r"localhost|127\.0\.0\.1|\[::1\]", sources)]
    assert loopback == []


def test_pages_need_no_inline_style_or_event_handler(built_site):
    """style-src 'self' allows no style="" and no <style>; script-src no onclick=…"""
    found = []
    for path in html_pages(built_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            attributes = [a for a in element.attrs if a == "style" or a.startswith("on")]
            if attributes or element.name == "style":
                found.append(f"{path.relative_to(built_site)}: <{element.name} {attributes}>")
    assert found == [], "\n".join(found[:20])

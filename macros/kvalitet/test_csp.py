"""The Content-Security-Policy of the built site: every page carries its policy before any
script, with a hash for each of its inline scripts and nothing unsafe; no page needs an inline
style or event handler; the editor (/admin/) has its own policy; and in Chromium every page
loads without the browser blocking anything (macros/kvalitet/page_walk.py)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros.kvalitet.page_walk import ADMIN, MISSING, WIDE
from macros.views import csp

pytestmark = pytest.mark.content  # checks content can fail: strategi test


def html_pages(built_site):
    return sorted(built_site.rglob("*.html"))


def test_every_page_carries_its_policy_before_any_script(built_site, site_pages):
    pages = html_pages(built_site)
    assert len(pages) > len(site_pages) and built_site / "404.html" in pages
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


@pytest.mark.browser
def test_every_page_loads_without_a_violation(page_walk):
    walk = page_walk(WIDE)
    assert walk.pages and MISSING in walk.visits
    # Material's inline head script defines __md_get; its bundle sets up document$. /admin/ is
    # The editor's own page, visited last for its policy only.
    not_running = [url for url, visit in walk.visits.items() if not visit.material_runs]
    assert not_running == []
    assert ADMIN not in walk.visits
    assert walk.csp == [], "\n".join(walk.csp[:20])

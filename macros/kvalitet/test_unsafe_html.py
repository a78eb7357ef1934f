"""No page's content carries HTML the site refuses: no <script>, <iframe>, <object>, <style>,
no event handler or style attribute, no javascript: address (macros/data/unsafe_html.py, the
rules `strategi check` holds pages and data to). Checked on the built pages' content, where the
Markdown, the data and the views have ended up: the policy (test_csp.py) would let an inline
script in a page run, as it hashes every script the page carries."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.data.unsafe_html import find_unsafe_html

pytestmark = pytest.mark.content  # checks content can fail: strategi test


def test_no_page_content_carries_unsafe_html(built_site):
    checked = 0
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        rel = path.relative_to(built_site)
        if rel.parts[0] in {"admin", "pagefind"}:
            continue  # the editor's own page, and the search's files
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        content = soup.select_one(".md-content")
        if content is None:
            continue  # a forwarding page
        checked += 1
        html = str(content)
        for finding in find_unsafe_html(html):
            problems.append(f"{rel}: {finding.message}: {html[finding.offset:][:80]!r}")
    assert checked, "ingen sider med indhold"
    assert not problems, "\n".join(problems[:40])

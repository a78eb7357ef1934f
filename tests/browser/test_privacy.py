"""The site asks nothing of any other host and sets no cookies (see docs/privatliv.md).

Every page is opened (macros/kvalitet/page_walk.py records every request the browser makes and
each page's cookies), and the search is used (it loads its index): all requests must go to the
local test server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.kvalitet.page_walk import WIDE

pytestmark = pytest.mark.browser


def _hosts(requests: list[str]) -> set[str | None]:
    return {urlsplit(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}


def test_no_page_asks_another_host_or_sets_a_cookie(page_walk):
    walk = page_walk(WIDE)
    assert len(walk.requests) > len(walk.pages)
    assert _hosts(walk.requests) == {"127.0.0.1"}, \
        sorted(u for u in walk.requests if "127.0.0.1" not in u)[:10]
    assert [url for url, visit in walk.visits.items() if visit.cookie] == []


def test_the_search_asks_no_other_host_and_sets_no_cookie(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(served_site)
        page.locator(".md-search__input").fill("strategi")
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
        cookies = context.cookies()
    finally:
        context.close()
    assert _hosts(requests) == {"127.0.0.1"}
    assert any("/pagefind/index/" in url for url in requests)  # the search did load its index
    assert cookies == []

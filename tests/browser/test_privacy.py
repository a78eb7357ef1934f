"""The site asks nothing of any other host and sets no cookies (see docs/privatliv.md).

Every page is opened, the search is used (it loads its worker and index), and every request the
browser makes is recorded: all must go to the local test server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_no_third_party_requests_and_no_cookies(browser, served_site, site_pages):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        for url in sorted(site_pages):
            page.goto(served_site + url)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.cookie") == "", url
        page.goto(served_site)
        page.locator(".md-search__input").fill("strategi")
        page.locator(".md-search-result__item").first.wait_for()
        page.goto(served_site + "findes-ikke/")
        page.wait_for_load_state("networkidle")
        cookies = context.cookies()
    finally:
        context.close()

    hosts = {urlsplit(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(u for u in requests if "127.0.0.1" not in u)[:10]
    assert any("/pagefind/index/" in url for url in requests)  # the search did load its index
    assert cookies == []

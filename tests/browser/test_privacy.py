"""The site asks nothing of any other host and sets no cookies (see docs/privatliv.md).

The search is used (it loads its index): all its requests must go to the local test server.
That no page asks another host or sets a cookie is a content check (macros/kvalitet/
test_privacy.py).
"""

from __future__ import annotations

import pytest

from macros.kvalitet.test_privacy import hosts

pytestmark = pytest.mark.browser


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
    assert hosts(requests) == {"127.0.0.1"}
    assert any("/pagefind/index/" in url for url in requests)  # the search did load its index
    assert cookies == []

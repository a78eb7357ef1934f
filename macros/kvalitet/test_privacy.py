"""No page asks anything of another host or sets a cookie: an image, a video or a script from
elsewhere in a page's content would tell that host who reads it. Every request the browser
makes and each page's cookies are recorded in the shared visit of every page (page_walk.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.kvalitet.page_walk import WIDE

pytestmark = [pytest.mark.content, pytest.mark.browser]


def hosts(requests: list[str]) -> set[str | None]:
    return {urlsplit(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}


def test_no_page_asks_another_host_or_sets_a_cookie(page_walk):
    walk = page_walk(WIDE)
    assert len(walk.requests) > len(walk.pages)
    assert hosts(walk.requests) == {"127.0.0.1"}, \
        sorted(u for u in walk.requests if "127.0.0.1" not in u)[:10]
    assert [url for url, visit in walk.visits.items() if visit.cookie] == []

"""Feeds: the news and status-round feeds are valid Atom with absolute links under the site
address, newest first; every page's head points feed readers and calendar apps to them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

SITE_URL = "http://127.0.0.1/strategi/"


def parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def page_exists(site: Path, url: str, base: str = SITE_URL) -> bool:
    assert url.startswith(base), url
    rel = urlsplit(url).path.removeprefix(urlsplit(base).path)
    return (site / rel / "index.html").is_file() if rel.endswith("/") or not rel else (
        site / rel).is_file()


@pytest.mark.content
def test_news_feed_lists_the_posts_newest_first(built_site: Path, site_url: str) -> None:
    feed = parse(built_site / "feed-nyheder.xml")
    assert feed.feed.title == "Nyheder – Strategi for Socialområdet"
    assert feed.version == "atom10"
    dates = [e.published_parsed[:3] for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert (2023, 9, 12) in dates and (2023, 10, 26) in dates
    for entry in feed.entries:
        assert page_exists(built_site, entry.link, site_url), entry.link
        assert entry.tags and entry.tags[0].term in {"Nyheder", "Hverdagshistorier",
                                                     "Arrangementer"}
        assert entry.summary
    omu = next(e for e in feed.entries if e.published_parsed[:3] == (2023, 9, 12))
    assert "OMU" in omu.title and "23/7776" in omu.summary


@pytest.mark.content
def test_status_feed_is_valid_and_empty_without_reports(built_site: Path, site_url: str) -> None:
    feed = parse(built_site / "feed-status.xml")
    assert feed.feed.title.startswith("Statusændringer")
    assert feed.entries == []
    assert all(link.href.startswith(site_url) for link in feed.feed.links)
    assert page_exists(built_site, feed.feed.link, site_url)


@pytest.mark.content
def test_every_page_head_links_the_feeds(site_pages: dict[str, BeautifulSoup],
                                        site_url: str) -> None:
    assert site_pages
    for url, page in site_pages.items():
        links = {link["href"]: link.get("type") for link in
                 page.select('head link[rel="alternate"]') if link.get("type")}
        assert links.get(site_url + "feed-nyheder.xml") == "application/atom+xml", url
        assert links.get(site_url + "feed-status.xml") == "application/atom+xml", url
        # Material fetches sitemap.xml beside each alternate link: only root files qualify.
        assert all(href.count("/") == site_url.count("/") for href in links), url

"""MkDocs hooks for open data, calendars and feeds: a thin adapter over exports, calendar_feed
and feeds.

- on_pre_build forgets the news posts of a previous (serve) build;
- on_page_context notes each blog post's title, date, categories and final URL;
- on_post_build writes data/*.json|csv, kalender/*.ics and the feeds
  (feed-*.xml, at the root) into the site folder.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import calendar_feed, exports, feeds
from macros.loading import load_site_data

log = logging.getLogger("mkdocs.plugins.strategi.exports")
_news: dict[str, feeds.NewsItem] = {}
BLOG_DIR = "nyheder"
POSTS = f"{BLOG_DIR}/posts/"


def on_pre_build(config: MkDocsConfig) -> None:
    _news.clear()


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dict):  # Material's {created: ..., updated: ...} form
        value = value.get("created")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    if page.file.src_uri.startswith(POSTS):
        day = _as_date(page.meta.get("date"))
        if day is None:
            log.warning("%s: nyheden mangler en dato ('date:' i toppen af filen)",
                        page.file.src_uri)
        else:
            categories = page.meta.get("categories") or []
            _news[page.file.src_uri] = feeds.NewsItem(
                title=str(page.title or ""), date=day, path=page.url,
                summary=str(page.meta.get("description") or ""),
                categories=tuple(str(c) for c in categories))
    return context


def _write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)


def on_post_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    site = load_site_data(root)
    base_url = config.site_url or ""
    if not base_url:
        log.warning("site_url mangler i mkdocs.yml: feeds og kalendere kræver absolutte adresser")
        return
    if not base_url.endswith("/"):
        base_url += "/"
    out = Path(config.site_dir)
    _write(out / "data", exports.export_files(site, base_url))
    _write(out / "kalender", calendar_feed.calendar_files(site, base_url, config.site_name))
    # Feeds live at the site root: Material fetches sitemap.xml next to every
    # <link rel="alternate"> target, and only the root has one.
    _write(out, {
        feeds.NEWS_FEED: feeds.news_feed(list(_news.values()), base_url, site, BLOG_DIR),
        feeds.STATUS_FEED: feeds.status_feed(site, base_url),
    })

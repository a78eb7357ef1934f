"""Open data, calendars and feeds: the adapter's part over macros.exports.

One `Exports` per build (held by the plugin):
- `start` begins writing data/*.json|csv, kalender/*.ics and the status feed into the site
  folder, and whatever else is made from data/ and its history alone (the change files,
  adapter/history.py): a second process writes them while this one builds the pages (on a
  2-core machine that takes their time off the build; macros/runtime/parallel.py);
- `note_post` keeps each blog post's title, date, categories and final URL;
- `finish` waits for those files and writes the news feed (feeds live at the root).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.data.loading import SiteData
from macros.exports import calendars, feeds, opendata
from macros.runtime import parallel

log = logging.getLogger("mkdocs.plugins.strategi.exports")
BLOG_DIR = "nyheder"
POSTS = f"{BLOG_DIR}/posts/"


def base_url(config: MkDocsConfig) -> str | None:
    """The site's address ending in a slash; None when mkdocs.yml has none."""
    url = config.site_url or ""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dict):  # Material's {created: ..., updated: ...} form
        value = value.get("created")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)


def write_data_files(site: SiteData, url: str, site_name: str, out: Path) -> None:
    """Everything made from data/ alone: open data, calendars and the status feed."""
    _write(out / "data", opendata.export_files(site, url))
    _write(out / "kalender", calendars.calendar_files(site, url, site_name))
    _write(out, {feeds.STATUS_FEED: feeds.status_feed(site, url)})


class Exports:
    """The exports of one build."""

    def __init__(self, site: SiteData) -> None:
        self.site = site
        self.news: dict[str, feeds.NewsItem] = {}
        self.writer: parallel.Background | None = None
        self.also: Callable[[str], None] = lambda url: None

    def start(self, config: MkDocsConfig, fork: bool,
              also: Callable[[str], None] = lambda url: None) -> None:
        """`also(url)` writes more files made from data/ alone, beside these."""
        # Runs after MkDocs has emptied the site folder, so what is written now stays.
        self.also = also
        url = base_url(config)
        if url is None or not fork or not parallel.available():
            return

        def write_all() -> None:
            write_data_files(self.site, url, config.site_name, Path(config.site_dir))
            also(url)

        self.writer = parallel.start(write_all)

    def note_post(self, page: Page) -> None:
        if not page.file.src_uri.startswith(POSTS):
            return
        day = _as_date(page.meta.get("date"))
        if day is None:
            log.warning("%s: nyheden mangler en dato ('date:' i toppen af filen)",
                        page.file.src_uri)
            return
        categories = page.meta.get("categories") or []
        self.news[page.file.src_uri] = feeds.NewsItem(
            title=str(page.title or ""), date=day, path=page.url,
            summary=str(page.meta.get("description") or ""),
            categories=tuple(str(c) for c in categories))

    def finish(self, config: MkDocsConfig, url: str) -> None:
        out = Path(config.site_dir)
        if self.writer is None:
            write_data_files(self.site, url, config.site_name, out)
            self.also(url)
        else:
            self.writer.result()  # a failure there is raised here, as if written here
            self.writer = None
        # Feeds live at the site root: Material fetches sitemap.xml next to every
        # <link rel="alternate"> target, and only the root has one.
        _write(out, {feeds.NEWS_FEED: feeds.news_feed(list(self.news.values()), url, self.site,
                                                      BLOG_DIR)})

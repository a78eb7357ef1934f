"""MkDocs hooks for open data, calendars and feeds: a thin adapter over macros.exports.

- on_pre_build forgets the news posts of a previous (serve) build;
- on_files starts writing data/*.json|csv, kalender/*.ics and the status feed into the site
  folder: they come from data/ alone, so a second process writes them while this one builds
  the pages (on a 2-core machine that takes their time off the build; see macros/build/parallel.py);
- on_page_context notes each blog post's title, date, categories and final URL;
- on_post_build waits for those files and writes the news feed (feeds live at the root).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.build import parallel
from macros.data.loading import SiteData, load_site_data
from macros.exports import calendars, feeds, opendata

log = logging.getLogger("mkdocs.plugins.strategi.exports")
_news: dict[str, feeds.NewsItem] = {}
BLOG_DIR = "nyheder"
POSTS = f"{BLOG_DIR}/posts/"
_state: dict[str, Any] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _news.clear()
    _state.pop("writer", None)


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


def _base_url(config: MkDocsConfig) -> str | None:
    base_url = config.site_url or ""
    if not base_url:
        return None
    return base_url if base_url.endswith("/") else base_url + "/"


def write_data_files(site: SiteData, base_url: str, site_name: str, out: Path) -> None:
    """Everything made from data/ alone: open data, calendars and the status feed."""
    _write(out / "data", opendata.export_files(site, base_url))
    _write(out / "kalender", calendars.calendar_files(site, base_url, site_name))
    _write(out, {feeds.STATUS_FEED: feeds.status_feed(site, base_url)})


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Runs after MkDocs has emptied the site folder, so what is written now stays.
    base_url = _base_url(config)
    if base_url is None or not parallel.enabled():  # not under `mkdocs serve`: see parallel
        return files
    site = load_site_data(Path(config.config_file_path).parent)
    _state["writer"] = parallel.start(functools.partial(
        write_data_files, site, base_url, config.site_name, Path(config.site_dir)))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    base_url = _base_url(config)
    if base_url is None:
        log.warning("site_url mangler i mkdocs.yml: feeds og kalendere kræver absolutte adresser")
        return
    site = load_site_data(Path(config.config_file_path).parent)
    out = Path(config.site_dir)
    writer: parallel.Background | None = _state.pop("writer", None)
    if writer is None:
        write_data_files(site, base_url, config.site_name, out)
    else:
        writer.result()  # a failure there is raised here, as if written here
    # Feeds live at the site root: Material fetches sitemap.xml next to every
    # <link rel="alternate"> target, and only the root has one.
    _write(out, {feeds.NEWS_FEED: feeds.news_feed(list(_news.values()), base_url, site, BLOG_DIR)})

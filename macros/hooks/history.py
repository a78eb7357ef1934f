"""MkDocs hooks for the history (macros/history): a thin adapter.

- on_config reads the history once per build (cached per commit pair under .cache/historik/)
  and says in one log line what it found, or that there is none (a shallow clone, a copy
  without git): pages then show no dates rather than invented ones;
- on_page_content adds "Sidst opdateret <dato>" to every page, from git: a Markdown page's own
  commits (and data/'s, when it renders data), a generated page's item;
- on_post_build writes the change list (CSV, JSON), its Atom feed, and each initiative's own
  feed and calendar.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.data.loading import load_site_data
from macros.data.periods import format_date_da
from macros.exports import changes
from macros.history.compute import describe
from macros.history.current import current, load_history, set_current
from macros.views import history as hist

log = logging.getLogger("mkdocs.plugins.strategi.historik")


@event_priority(90)  # after the data check (pages.py, 100), before pages are generated
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    history = load_history(Path(config.config_file_path).parent)
    set_current(history)
    log.info(describe(history))
    return config


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    root = Path(config.config_file_path).parent
    generated = not (Path(config.docs_dir) / page.file.src_uri).is_file()
    day = hist.page_updated(current(), load_site_data(root), page.file.src_uri, generated,
                            bool(page.meta.get("render_macros")))
    if day is None:
        return html_text
    return (f'{html_text}\n<p class="sidst-opdateret">Sidst opdateret '
            f'<time datetime="{day.isoformat()}">{html.escape(format_date_da(day))}</time></p>')


def _write(out: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def on_post_build(config: MkDocsConfig) -> None:
    base_url = config.site_url or ""
    if not base_url:
        return  # exports.py warns: feeds need absolute addresses
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    site = load_site_data(Path(config.config_file_path).parent)
    history = current()
    out = Path(config.site_dir)
    _write(out / "data", changes.open_data_files(site, history, base_url))
    _write(out, {changes.CHANGES_FEED: changes.changes_feed(site, history, base_url)})
    _write(out, changes.initiative_files(site, history, base_url, config.site_name))

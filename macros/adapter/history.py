"""The history's part of the adapter (macros/history): "Sidst opdateret" on every page, and
the change list's files.

- `last_updated` adds "Sidst opdateret <dato>" to a page, from git: a Markdown page's own
  commits (and data/'s, when it renders data), a generated page's item; nothing when the
  history is unavailable (a shallow clone, a copy without git): no invented dates;
- `write_change_files` writes the change list (CSV, JSON), its Atom feed, and each initiative's
  own feed and calendar.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.data.periods import format_date_da
from macros.exports import changes
from macros.views import changes as hist
from macros.views.context import BuildContext


def last_updated(html_text: str, page: Page, config: MkDocsConfig, build: BuildContext) -> str:
    generated = not (Path(config.docs_dir) / page.file.src_uri).is_file()
    day = hist.page_updated(build.history, build.site, page.file.src_uri, generated,
                            bool(page.meta.get("render_macros")))
    if day is None:
        return html_text
    return (f'{html_text}\n<p class="sidst-opdateret">Sidst opdateret '
            f'<time datetime="{day.isoformat()}">{html.escape(format_date_da(day))}</time></p>')


def write(out: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def write_change_files(config: MkDocsConfig, build: BuildContext, base_url: str) -> None:
    out, site, history = Path(config.site_dir), build.site, build.history
    write(out / "data", changes.open_data_files(site, history, base_url))
    write(out, {changes.CHANGES_FEED: changes.changes_feed(site, history, base_url)})
    write(out, changes.initiative_files(site, history, base_url, config.site_name))

"""MkDocs hooks: the thin adapter between MkDocs and the framework-free core.

- on_config validates data/ first and stops the build with one Danish line per problem;
- on_files applies the rules of `./dev check` to the Markdown pages of docs/ (check_docs: front
  matter, links, anchors, raw HTML the site refuses, macros, impossible dates, citations), one
  Danish line per problem like data errors, and adds one generated page per initiative and per
  track (never written into docs/);
- on_page_content puts back the views' HTML held out of Markdown (views/htmlstash.py)
  and adds glossary tooltips to every page, generated or written by hand.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.build import parallel
from macros.build.context import build_date
from macros.data.loading import SiteData, load_site_data
from macros.data.problems import DataError
from macros.editors.check import check_docs
from macros.views import glossary
from macros.views.htmlstash import STASH
from macros.views.pages import generated_pages

# Only loggers under "mkdocs." count towards --strict.
log = logging.getLogger("mkdocs.plugins.strategi")
_state: dict[str, Any] = {}


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve` runs a server thread, beside which forking is unsafe (build/parallel.py).
    parallel.allow(command != "serve")


@event_priority(100)  # before the macros plugin, so data errors are reported first and alone
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        site = load_site_data(_project_root(config))
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(
            f"Siden blev ikke bygget: {len(error.problems)} fejl i data/. Ret linjerne ovenfor "
            "(fil:linje: felt: besked) og gem igen. Se REDAKTOERVEJLEDNING.md."
        ) from None
    _state["site"] = site
    STASH.clear()  # a new build (mkdocs serve rebuilds) holds its own views
    pattern, titles = glossary.build_pattern(list(site.ordliste.termer))
    STASH.finish = functools.partial(glossary.annotate, pattern=pattern, titles=titles)
    return config


# Page problems MkDocs renders past (it validates links and anchors itself afterwards, and the
# build still fails); any other problem would break or taint the rendering, so it stops here.
_RENDERABLE = frozenset({"link", "dato", "front matter"})


def on_files(files: Files, config: MkDocsConfig) -> Files:
    problems = check_docs(_project_root(config), _state["site"], with_lix=False).errors
    for problem in sorted(set(problems)):
        log.error(str(problem))
    if any(problem.field not in _RENDERABLE for problem in problems):
        raise Abort(
            f"Siden blev ikke bygget: {len(set(problems))} fejl i docs/. Ret linjerne ovenfor "
            "(fil:linje: felt: besked) og gem igen. Se REDAKTOERVEJLEDNING.md."
        )
    site: SiteData = _state["site"]
    for page in generated_pages(site, build_date()):
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = "../" + page.edit_path  # edit_uri points into docs/; data/ is beside it
        files.append(file)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Held blocks were finished (glossary tooltips) when held; the page's own HTML is finished
    # the same way, around the placeholders, which are comments where nothing is marked.
    html, ids = STASH.release(STASH.finish(html))
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= ids
    return html

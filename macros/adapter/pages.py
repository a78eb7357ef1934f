"""The pages' part of the adapter: the data check that stops a build, the Markdown pages'
refused HTML, the generated pages, and each page's held views put back.

- `load_data` validates data/ first and stops the build with one Danish line per problem;
- `refuse_unsafe_html` refuses raw HTML the site does not allow in the Markdown pages of docs/
  (<script>, <iframe>, on…= handlers, javascript: links; macros/data/unsafe_html.py) and images
  without alternative text, one Danish line per problem like data errors;
- `add_generated_pages` adds one page per initiative, per track, per source and pages 2..N of
  the overviews (never written into docs/);
- `finish_page` puts back the views' HTML held out of Markdown (views/htmlstash.py) and adds
  glossary tooltips to every page, generated or written by hand.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.data.loading import SiteData, load_site_data
from macros.data.problems import DataError, Problem
from macros.editors import markdown_checks
from macros.views.context import BuildContext
from macros.views.htmlstash import HtmlStash
from macros.views.pages import generated_pages

# Only loggers under "mkdocs." count towards --strict.
log = logging.getLogger("mkdocs.plugins.strategi")


def load_data(root: Path) -> SiteData:
    try:
        return load_site_data(root)
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(
            f"Siden blev ikke bygget: {len(error.problems)} fejl i data/. Ret linjerne ovenfor "
            "(fil:linje: felt: besked) og gem igen. Se REDAKTOERVEJLEDNING.md."
        ) from None


def _refused_html(files: Files, config: MkDocsConfig) -> list[Problem]:
    docs = Path(config.docs_dir)
    problems: list[Problem] = []
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue  # made from data/ (checked as it loads) by templates that escape it
        path = Path(file.abs_src_path)
        display = "docs/" + path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        page = markdown_checks.read_page(display, text)
        problems.extend(markdown_checks.check_raw_html(page, text))
        problems.extend(markdown_checks.check_images(page))
    return problems


def refuse_unsafe_html(files: Files, config: MkDocsConfig) -> None:
    problems = _refused_html(files, config)
    if problems:
        for problem in sorted(problems):
            log.error(str(problem))
        raise Abort(
            f"Siden blev ikke bygget: {len(problems)} fejl i docs/. Ret linjerne ovenfor "
            "(fil:linje: felt: besked) og gem igen. Se REDAKTOERVEJLEDNING.md."
        )


def add_generated_pages(files: Files, config: MkDocsConfig, build: BuildContext) -> None:
    for page in generated_pages(build):
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = "../" + page.edit_path  # edit_uri points into docs/; data/ is beside it
        files.append(file)


def finish_page(html: str, page: Page, stash: HtmlStash) -> str:
    # Held blocks were finished (glossary tooltips) when held; the page's own HTML is finished
    # the same way, around the placeholders, which are comments where nothing is marked.
    html, ids = stash.release(stash.finish(html))
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= ids
    return html

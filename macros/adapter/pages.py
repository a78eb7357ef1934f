"""The pages' part of the adapter: the data check that stops a build, the Markdown pages'
refused HTML, the generated pages, and each page's held views put back.

- `load_data` validates data/ first and stops the build with one Danish line per problem;
- `check_pages` applies the rules of `./dev check` to the Markdown pages of docs/ (check_docs:
  front matter, links, anchors, raw HTML the site refuses, images without alternative text,
  macros, impossible dates, citations), one Danish line per problem like data errors;
- `add_generated_pages` adds one page per initiative, per track, per source and pages 2..N of
  the overviews (never written into docs/);
- `finish_page` puts back the views' HTML held out of Markdown (views/htmlstash.py) and adds
  glossary tooltips to every page, generated or written by hand.
"""

from __future__ import annotations

import logging
import pickle
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

import macros
from macros.data.loading import SiteData, load_site_data
from macros.data.problems import DataError, Problem
from macros.editors.check_inputs import SOURCE_FILES, data_the_check_reads
from macros.runtime.contentcache import ContentCache, code_digest, digest, files_digest
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


# Page problems MkDocs renders past (it validates links and anchors itself afterwards, and the
# build still fails); any other problem would break or taint the rendering, so it stops here.
_RENDERABLE = frozenset({"link", "dato", "front matter"})


def _page_problems(root: Path, site: SiteData) -> list[Problem]:
    """check_docs' errors, kept in .cache/tjek/ by everything they are made from (docs/,
    mkdocs.yml, the sources, what the check reads of the rest of data/, and the code), so a
    build of unchanged pages does not check them again (nor a `mkdocs serve` rebuild after a
    changed initiative)."""
    key = digest(files_digest(root, ["docs", "mkdocs.yml", *SOURCE_FILES]),
                 data_the_check_reads(site),
                 code_digest(Path(macros.__file__).parent.rglob("*.py")))
    cache = ContentCache(root, "tjek")
    kept = cache.read_bytes(key)
    if kept is not None:
        try:
            return list(pickle.loads(kept))
        except Exception:  # written by other code: checked again below
            pass
    from macros.editors.check import check_docs  # only when the pages changed: 40 ms to import

    problems = check_docs(root, site, with_lix=False).errors
    cache.write_bytes(key, pickle.dumps(problems))
    return problems


def check_pages(config: MkDocsConfig, site: SiteData) -> None:
    problems = _page_problems(Path(config.config_file_path).parent, site)
    for problem in sorted(set(problems)):
        log.error(str(problem))
    if any(problem.field not in _RENDERABLE for problem in problems):
        raise Abort(
            f"Siden blev ikke bygget: {len(set(problems))} fejl i docs/. Ret linjerne ovenfor "
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
    _skip_target(page, html)
    return html


_HEADING = re.compile(r'<h([2-3]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def _skip_target(page: Page, html: str) -> None:
    """A page whose headings are all held HTML (a status round's report) has no table of
    contents, and Material then leaves out the skip link ("Gå til indholdet", WCAG 2.4.1):
    its headings from the finished HTML give it one."""
    if list(page.toc):
        return
    tokens = [{"level": int(level), "id": anchor, "name": re.sub(r"<[^>]+>", "", name).strip(),
               "children": []} for level, anchor, name in _HEADING.findall(html)]
    if tokens:
        page.toc = get_toc(tokens)

"""The `strategi` MkDocs plugin: the site's one adapter to MkDocs, with `define_env`
(macros/__init__.py) for mkdocs-macros.

It translates MkDocs' events into calls on the layers below and holds one build's state on the
instance, made anew in `on_config`: the validated data, the history, the HTML stash (all in a
BuildContext the views and macros render from), what the pages tell the search, the news posts
and the open data being written. MkDocs keeps the instance across `mkdocs serve` rebuilds (it
has `on_startup`), so nothing of one build leaks into the next, except on purpose: what
`strategi preview` (serving with --dirty) needs to build only the pages a change touches, in
`rebuilds` (rebuilds.py). Shaped like Material's own
plugins (material/plugins/blog): typed options in config.py, the work in modules beside it.

Order of events: `on_config` runs before mkdocs-macros' (priority 100), so data errors are
reported first and alone, and define_env finds the build ready. The plugin is listed last in
mkdocs.yml, so events of equal priority run after Material's search and blog plugins.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.adapter import admin, csp, engine, history, pages, rebuilds, search, strictness, theme
from macros.adapter.config import StrategiConfig
from macros.adapter.exports import Exports, base_url
from macros.history.compute import describe
from macros.history.load import load_history
from macros.runtime import cancel
from macros.runtime.contentcache import CACHE_ROOT as CACHE
from macros.runtime.today import build_date
from macros.search.analysis import WordListMissing, require_word_list
from macros.views import glossary, rendering
from macros.views.context import BuildContext
from macros.views.htmlstash import HtmlStash

log = logging.getLogger("mkdocs.plugins.strategi")
# Seconds without a new change before a preview writes its search index and open data.
FINISH_AFTER_PAUSE = 2.0


class StrategiPlugin(BasePlugin[StrategiConfig]):
    supports_multiple_instances = False

    build: BuildContext
    search: search.SearchPages
    exports: Exports

    def __init__(self) -> None:
        self.serving = False
        # `strategi preview` serves with --dirty: only the pages a change touches are built
        # again (rebuilds.py).
        self.dirty = False
        self.rebuilds = rebuilds.Rebuilds()
        self.annotator = glossary.Annotator()  # kept across rebuilds, like rebuilds
        self.warnings = strictness.WarningCount()
        # The search index and open data of a preview build, written once the changes pause
        # (an editor who saves again at once would wait for them), given up by the next build
        # of the folder.
        self.finishing = cancel.LaterWork(pause=FINISH_AFTER_PAUSE)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(rebuilds.QuietDirtyWarning())

    def on_shutdown(self) -> None:
        self.finishing.end(give_up=False)  # what the last build shows is written before it stops

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # A build of the same folder writes them again; another folder (a test's second build)
        # leaves the last build's whole.
        self.finishing.end(give_up=config.site_dir == self.finishing.folder)
        self.warnings.start(strict=bool(config.strict), docs_dir=Path(config.docs_dir))
        engine.add_engine(config)
        root = Path(config.config_file_path).parent
        site = pages.load_data(root)
        # The site's identity (data/identitet.yml) is data, so editors change it in the browser
        # editor; the theme's templates (footer, head) see it as config.extra.identitet.
        config.extra["identitet"] = site.identity
        try:
            require_word_list()
        except WordListMissing as error:
            raise Abort(str(error)) from None
        # `mkdocs serve` runs a server thread, beside which forking is unsafe.
        fork = self.config.parallel and not self.serving
        found = load_history(root, self.config.historik, fork)
        log.info(describe(found))
        stash = HtmlStash()
        stash.finish = self.annotator.for_terms(list(site.ordliste.termer))
        self.build = BuildContext(site, build_date(self.config.dato), found, stash, fork)
        rendering.keep_compiled_templates(root / CACHE / "jinja" / "visninger")
        theme.keep_compiled_templates(config.theme, root / CACHE / "jinja" / "tema")
        self.search = search.SearchPages()
        self.exports = Exports(site)
        if self.dirty:
            rebuilds.forget_materials_merge(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        pages.check_pages(config, self.build.site)
        pages.add_generated_pages(files, config, self.build)
        self.exports.start(config, self.build.parallel, also=functools.partial(
            history.write_change_files, config, self.build))
        admin.add_editor_files(files, config, self.build.site)
        return files

    @event_priority(-100)  # after Material's blog plugin (-50) added its pages to the nav
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.dirty:
            self.rebuilds.mark(files, nav, config, self.build)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.dirty:
            for page in self.rebuilds.restore():
                self.search.note(page)
        theme.prepare_templates(env)
        env.globals["soeg_korte_ord"] = search.glossary_short_words(self.build.site)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, **_: Any) -> str:
        self.search.note(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        html = pages.finish_page(html, page, self.build.stash)
        return history.last_updated(html, page, config, self.build)

    @event_priority(10)  # before Material's search plugin (priority 0) reads the page
    def _before_search_reads(self, context: dict[str, Any], *, page: Page,
                             config: MkDocsConfig, nav: Navigation) -> None:
        self.search.lean_for_parser(page)

    @event_priority(-10)  # after it, before the theme renders the page
    def _after_search_read(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                           nav: Navigation) -> None:
        self.search.restore(page)
        self.exports.note_post(page)

    on_page_context = CombinedEvent(_before_search_reads, _after_search_read)

    @event_priority(-100)  # after every other change to the page's HTML
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return output if self.serving else csp.protect(output, page.url)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if self.serving or template_name not in csp.THEME_PAGES:
            return output_content  # sitemap.xml and other non-HTML templates
        return csp.protect(output_content, template_name)

    @event_priority(-100)  # after Material's search plugin (priority 0) wrote its index
    def _write_outputs(self, *, config: MkDocsConfig) -> None:
        url = base_url(config)
        if url is None:
            log.warning("site_url mangler i mkdocs.yml: feeds og kalendere kræver absolutte "
                        "adresser")
        if not self.serving:
            self._finish_site(config, url, self.search.read_docs(config))
            return
        # `mkdocs serve`: the pages are written, and the browser reloads as soon as this
        # returns; the search index and the open data follow (self.finishing). The search's
        # documents are taken now: a rebuild that builds only some pages adds the others'
        # (rebuilds.py), whether or not this build's index is ever written.
        docs = self.search.read_docs(config)
        if self.dirty and docs is not None:
            docs = self.rebuilds.search_docs(docs)
        self.finishing.start(functools.partial(self._finish_site_logged, config, url, docs),
                             config.site_dir)

    def _finish_site(self, config: MkDocsConfig, url: str | None,
                     docs: list[dict[str, Any]] | None) -> None:
        if docs is not None:
            self.search.write_index(config, self.build.site, docs)
        if url is not None:
            self.exports.finish(config, url)  # with the change files (write_change_files)

    def _finish_site_logged(self, config: MkDocsConfig, url: str | None,
                            docs: list[dict[str, Any]] | None) -> None:
        try:
            self._finish_site(config, url, docs)
        except Exception as error:  # the server goes on; the editor sees why in its log
            log.error("Søgeindekset eller de åbne data kunne ikke skrives: %s", error)

    @event_priority(-1000)  # the last word: every warning of the build has been logged
    def _refuse_warnings(self, *, config: MkDocsConfig) -> None:
        self.warnings.stop_if_any()
        if self.dirty:
            self.rebuilds.finish()

    on_post_build = CombinedEvent(_write_outputs, _refuse_warnings)

    def on_build_error(self, *, error: Exception) -> None:
        self.warnings.stop_counting()

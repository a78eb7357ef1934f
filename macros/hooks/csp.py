"""MkDocs hook: give every public page its Content-Security-Policy (macros/views/csp.py).

Runs on each page's final HTML (on_post_page, last of all hooks, so the hashes are of the
scripts as published) and on the theme's 404 page (on_post_template). Pages under /admin/ are
left alone: the editors' CMS brings a policy of its own.

Not under `mkdocs serve`: its live reload adds an inline script to every page as it serves it,
different on each request, which a hash cannot allow; the built site (`./dev build`, the tests,
the deploy) always carries the policy.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros.views import csp

THEME_PAGES = frozenset({"404.html"})  # pages Material renders from a template, not a page
_state: dict[str, Any] = {"serving": False}


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"


def _protect(html: str, url: str) -> str:
    if _state["serving"]:
        return html
    policy = csp.policy_for(csp.page_kind(url), html)
    if policy is None:
        return html
    try:
        return csp.with_policy(html, policy)
    except ValueError as error:
        raise PluginError(f"{url or 'forsiden'}: {error}") from None


@event_priority(-100)  # after every other change to the page's HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _protect(output, page.url)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name not in THEME_PAGES:
        return output_content  # sitemap.xml and other non-HTML templates
    return _protect(output_content, template_name)

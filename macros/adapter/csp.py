"""Every public page's Content-Security-Policy (macros/views/csp.py), written into its final
HTML: the plugin calls `protect` last of all on each page (on_post_page) and on the theme's 404
page (on_post_template), so the hashes are of the scripts as published. Pages under /admin/ are
left alone: the editors' CMS brings a policy of its own.

Not under `mkdocs serve`: its live reload adds an inline script to every page as it serves it,
different on each request, which a hash cannot allow; the built site (`./dev build`, the tests,
the deploy) always carries the policy.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from macros.views import csp

THEME_PAGES = frozenset({"404.html"})  # pages Material renders from a template, not a page


def protect(html: str, url: str) -> str:
    policy = csp.policy_for(csp.page_kind(url), html)
    if policy is None:
        return html
    try:
        return csp.with_policy(html, policy)
    except ValueError as error:
        raise PluginError(f"{url or 'forsiden'}: {error}") from None

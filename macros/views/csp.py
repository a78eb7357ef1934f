"""The Content-Security-Policy of the pages readers see, written into each page as a <meta>.

GitHub Pages sets no response headers, so the policy travels in the page itself:
`<meta http-equiv="Content-Security-Policy">`, placed first in <head>, since a browser applies
it only to what comes after it. Scripts run only from the site's own files, and the few inline
scripts the theme writes (Material's palette, scope and anchor snippets) are allowed by their
SHA-256 hash, computed from each page's final HTML: injected script, an inline event handler or
a `javascript:` link does not run. The same holds for styles: only the site's stylesheets
(the CSS object model that Material's script uses is not affected).

Pure functions of the HTML; the plugin (macros/adapter/csp.py) decides which pages get which
policy. A page type with other needs (the editors' /admin/) gets its own directives function
here and its own branch in `policy_for`, never a wider public policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

PageKind = Literal["public", "admin"]
ADMIN_PREFIX = "admin/"  # the editors' CMS, which carries a policy of its own

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Script types a browser runs; any other type (Material's application/json config) is data.
_RUNNABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_EXISTING = re.compile(r"<meta\s+http-equiv\s*=\s*[\"']?content-security-policy", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """`'sha256-…'` sources for every inline script the browser would run, in page order,
    each once. The hash is of the script's text exactly as written between its tags."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.groups()
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _RUNNABLE_TYPES):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def public_directives(script_hashes: Iterable[str]) -> dict[str, list[str]]:
    """What a public page may load. Everything is the site's own ('self' is the origin, so it
    holds under any sub-path of site_url)."""
    return {
        "default-src": ["'self'"],
        # No 'unsafe-inline' or 'unsafe-eval': the bundle and the search worker need neither.
        # 'wasm-unsafe-eval' lets the search (Pagefind) compile its own WebAssembly file from
        # the site; it allows no eval() of JavaScript.
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        # The theme's and the site's stylesheets only; no style="" or <style> in the HTML.
        "style-src": ["'self'"],
        # Material's stylesheet draws its icons (admonitions, links, details) as
        # data:image/svg+xml masks; an image cannot run script.
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def policy_text(directives: Mapping[str, Sequence[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def page_kind(url: str) -> PageKind:
    """Which policy a page (its site-relative URL, as MkDocs gives it) needs."""
    return "admin" if url.startswith(ADMIN_PREFIX) else "public"


def policy_for(kind: PageKind, html: str) -> str | None:
    """The policy for a page of this kind, or None when the page brings its own."""
    if kind == "public":
        return policy_text(public_directives(inline_script_hashes(html)))
    return None  # /admin/ writes its own <meta> with only what the editor needs


def with_policy(html: str, policy: str) -> str:
    """The page with its policy as the first element of <head> (after <meta charset>, which
    must stay within the first bytes). Raises ValueError when the page has no <head>, already
    carries a policy, or runs a script before the place the policy would go."""
    if _EXISTING.search(html):
        raise ValueError("siden har allerede en Content-Security-Policy")
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("siden har ingen <head>, så den kan ikke få en Content-Security-Policy")
    if re.search(r"<script\b", html[: anchor.end()], re.I):
        raise ValueError("et <script> står før stedet for Content-Security-Policy")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: anchor.end()] + "\n    " + meta + html[anchor.end():]

"""Finished HTML that Markdown need not read: held aside, and put back after Markdown has run.

The views (tables, timelines, lists) are complete HTML. Left in a page's Markdown, Python-Markdown
parses every tag of them to find where each raw HTML block ends, and passes them through
unchanged: at 1 000 initiatives that was the largest part of the build. Instead a view's HTML is
held here and the page gets a one-line comment in its place; after Markdown, `release` puts the
HTML back. The result is the same page, byte for byte. Only HTML that starts with a block-level
element is held: Markdown would wrap anything else in a paragraph. No MkDocs import.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

_PLACEHOLDER = re.compile(r"<!--strategi-html:(\d+)-->")
_ID = re.compile(r"<[a-zA-Z][^>]*?\sid=\"([^\"]+)\"")
_BLOCK_START = re.compile(
    r"\s*<(?:div|table|nav|figure|section|ul|ol|dl|p|h[1-6]|form|details|aside|blockquote)\b")


class HtmlStash:
    """Holds HTML blocks until the page's Markdown has been converted; one per build."""

    def __init__(self) -> None:
        self._blocks: dict[str, str] = {}
        self._numbers = itertools.count()
        # What every page's finished HTML gets (glossary tooltips), done to a block when it is
        # held: blocks of generated pages are then finished by the process that renders them
        # (macros/runtime/parallel.py), and the page itself only has its own text left to finish.
        self.finish: Callable[[str], str] = lambda html: html

    def hold(self, html: str) -> str:
        """A placeholder for a block of HTML, or the HTML itself if it is not a block."""
        if not _BLOCK_START.match(html):
            return html
        number = str(next(self._numbers))
        self._blocks[number] = self.finish(html.strip())
        return f"\n\n<!--strategi-html:{number}-->\n\n"

    def release(self, content: str) -> tuple[str, set[str]]:
        """The converted page with every held block back in place of its placeholder, and the
        ids the blocks give their elements (link targets MkDocs checks, as it would have found
        them in raw HTML)."""
        if "<!--strategi-html:" not in content:
            return content, set()
        ids: set[str] = set()

        def put_back(match: re.Match[str]) -> str:
            block = self._blocks.pop(match.group(1), match.group(0))
            ids.update(_ID.findall(block))
            return block

        return _PLACEHOLDER.sub(put_back, content), ids

    def clear(self) -> None:
        self._blocks.clear()

    # A second process renders half of the generated pages (macros/runtime/parallel.py): it holds
    # its blocks under numbers of its own, and this process takes them over.
    def number_from(self, start: int) -> None:
        self._numbers = itertools.count(start)

    def held(self) -> dict[str, str]:
        return dict(self._blocks)

    def take_over(self, blocks: dict[str, str]) -> None:
        self._blocks.update(blocks)


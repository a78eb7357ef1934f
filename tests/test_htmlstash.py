"""Views' HTML held out of Markdown comes back unchanged, in place (macros/views/htmlstash.py)."""

from __future__ import annotations

import markdown
import pytest

from macros.views.htmlstash import HtmlStash

TABLE = '<table id="plan-tabel">\n<tr><td>Organisering</td></tr>\n</table>'


def test_a_view_comes_back_unchanged_where_markdown_left_its_placeholder() -> None:
    stash = HtmlStash()
    page = f"# Planen\n\nFør tabellen.\n{stash.hold(TABLE)}\nEfter *tabellen*."
    html, ids = stash.release(markdown.markdown(page))
    assert html == ("<h1>Planen</h1>\n<p>Før tabellen.</p>\n" + TABLE +
                    "\n\n<p>Efter <em>tabellen</em>.</p>")
    assert ids == {"plan-tabel"}  # link targets MkDocs checks


@pytest.mark.parametrize("inline", ["<span>3 tiltag</span>", "18", "<abbr>VPU</abbr> mødes"])
def test_inline_html_is_left_to_markdown(inline: str) -> None:
    assert HtmlStash().hold(inline) == inline


def test_each_block_is_put_back_once() -> None:
    stash = HtmlStash()
    placeholder = stash.hold("<p>Én gang</p>")
    assert stash.release(placeholder)[0] == "\n\n<p>Én gang</p>\n\n"
    assert stash.release(placeholder)[0] == placeholder  # a second page gets no stale copy

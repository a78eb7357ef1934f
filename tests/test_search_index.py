"""The search index: Material's search parser finds the same text when it is handed pages
without the inline markup it drops (macros/search/pruning.py). What the built site's index
holds is checked by macros/kvalitet/test_search.py (and tests/indhold/test_search.py)."""

from __future__ import annotations

import pytest


def _sections(content: str) -> list[tuple[str | None, str, str]]:
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(content)
    parser.close()
    return [(s.id, " ".join("".join(s.title).split()), " ".join("".join(s.text).split()))
            for s in parser.data]


@pytest.mark.parametrize("content", [
    '<h1>Titel</h1><p class="sammendrag">Status: <span class="status">løbende</span>.</p>',
    '<h2 id="fakta">Fakta<a class="headerlink" href="#fakta" title="Link">&para;</a></h2>'
    '<dl><dt>Spor</dt> <dd><a href="../../spor/x/">Administrativ</a></dd></dl>',
    '<ol><li><strong>8. juli 2025</strong> – <abbr title="Områdeudvalg: &quot;x&quot; &gt; y">'
    "OMU</abbr> <em>godkendte</em></li></ol>",
    '<p>Før <span data-search-exclude>skjult</span> efter</p>',
    '<h2 id="a-b">A <span class="x">b</span><a class="headerlink" href="#a-b">&para;</a></h2>'
    '<p><a href="#a-b"><span>link</span></a> <time datetime="2025">2025</time></p>',
    '<table><thead><tr><th>Spor</th> <th>Tiltag</th></tr></thead><tbody><tr><td>Admin</td> '
    '<td><a href="x/">Ny <abbr title="t">MED</abbr>-aftale</a></td></tr></tbody></table>'
    '<h3 id="efter">Efter<a class="headerlink" href="#efter">&para;</a></h3><p>Mere</p>',
])
def test_search_finds_the_same_text_when_its_parser_skips_inline_markup(content):
    # Material's search parser is handed pages without the inline markup it drops
    # (macros/search_pruning.parser_input): what a search finds must not change.
    from macros.search.pruning import parser_input

    assert _sections(parser_input(content)) == _sections(content)
    if "data-search-exclude" not in content:
        assert parser_input(content).count("<") < content.count("<")

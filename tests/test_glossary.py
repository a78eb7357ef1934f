"""Glossary tooltips in finished HTML: a reader gets the meaning of a term where it is running
text, and nowhere it would break a link, a heading, a tag or a script (macros/views/glossary.py)."""

from __future__ import annotations

import pytest

from macros.data.model import Term
from macros.views.glossary import annotate, build_pattern

TERMS = [Term(id="omu", term="OMU", fuld_form="Områdeudvalg Skoleområdet", forklaring="Et udvalg.",
              varianter=["Områdeudvalget"]),
         Term(id="vpu", term="VPU", forklaring="Ældre- og Plejeudvalget.")]
PATTERN, TITLES = build_pattern(TERMS)
OMU = '<abbr title="Områdeudvalg Skoleområdet: Et udvalg.">OMU</abbr>'


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>OMU mødes.</p>", f"<p>{OMU} mødes.</p>"),
    ("<p>Områdeudvalget og VPU</p>", '<p><abbr title="Områdeudvalg Skoleområdet: Et udvalg.">'
     'Områdeudvalget</abbr> og <abbr title="Ældre- og Plejeudvalget.">VPU</abbr></p>'),
    ("<p>OMU-mødet, OMUs, xOMU, MED-OMU</p>", f"<p>{OMU}-mødet, OMUs, xOMU, MED-OMU</p>"),
    ('<p><a href="#x">OMU</a> OMU</p>', f'<p><a href="#x">OMU</a> {OMU}</p>'),
    ('<h2 id="omu">OMU</h2><p>OMU</p>', f'<h2 id="omu">OMU</h2><p>{OMU}</p>'),
    ('<p title="OMU">tekst</p>', '<p title="OMU">tekst</p>'),
    ("<script>var OMU = 1;</script><p>OMU</p>", f"<script>var OMU = 1;</script><p>{OMU}</p>"),
    ("<!-- OMU --><p>OMU</p>", f"<!-- OMU --><p>{OMU}</p>"),
    ('<dl><dt>OMU</dt><dd>OMU</dd></dl>', f'<dl><dt>OMU</dt><dd>{OMU}</dd></dl>'),
    ('<p><abbr title="x">OMU</abbr></p>', '<p><abbr title="x">OMU</abbr></p>'),
    ('<p><svg><title>OMU</title></svg> OMU</p>', f'<p><svg><title>OMU</title></svg> {OMU}</p>'),
])
def test_terms_get_their_meaning_only_in_running_text(html, expected):
    assert annotate(html, PATTERN, TITLES) == expected

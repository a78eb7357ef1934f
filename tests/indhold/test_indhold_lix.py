"""This site's own prose reads at or below LIX 45 on every page with enough of it: measured on
the built page as a reader reads it (macros/editors/page_lix.py: generated sentences
included; quotations from the case files, tables and code left out). `pytest -s` prints the
table, hardest page first."""

from __future__ import annotations

import pytest

from macros.editors.check import DEFAULT_LIX_LIMIT
from macros.editors.page_lix import PageLix, lix_table, page_lix

pytestmark = pytest.mark.content


def test_every_page_reads_at_or_below_the_limit(site_pages) -> None:
    pages = [PageLix(url, page_lix(str(soup))) for url, soup in site_pages.items()]
    measured = [p for p in pages if p.measured]
    print(f"\nLIX pr. side ({len(measured)} af {len(pages)} sider har mindst 100 ord):")
    print(lix_table(pages, DEFAULT_LIX_LIMIT))
    assert len(measured) >= len(pages) // 2  # the measure still finds the site's prose
    too_hard = {f"/{p.url}": round(p.lix.score, 1) for p in measured
                if p.lix.score > DEFAULT_LIX_LIMIT}
    assert not too_hard, "skriv kortere sætninger og ord på " + str(too_hard)

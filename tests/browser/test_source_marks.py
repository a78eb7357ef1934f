"""A "Kilde" link lands on its passage, and the passage is visibly marked there: an outline and
the word "Kildested" (not colour alone), wide and on a phone, in light and dark."""

from __future__ import annotations

import pytest

from macros.data.loading import load_site_data
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
SITE = load_site_data(ROOT)
MEETING = next(m.id for m in SITE.moeder.moeder if m.dato)

MARK = """
() => {
  const el = document.querySelector(':target');
  if (!el) return null;
  const s = getComputedStyle(el);
  const label = el.tagName === 'TR' ? el.firstElementChild : el;
  const before = getComputedStyle(label, '::before').content;
  const box = el.getBoundingClientRect();
  return {id: el.id, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), before,
          top: box.top, bottom: box.bottom, height: innerHeight};
}
"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(("page", "link"), [  # an initiative, a meeting, a track
    (f"tiltag/{SITE.tiltag.tiltag[0].id}/", "p.kilde a"),
    ("beslutninger/", f"#{MEETING} p.kilde a"),
    (f"spor/{SITE.spor.spor[0].id}/", "p.kilde a"),
])
def test_a_kilde_link_marks_its_passage(browser: object, served_site: str, width: int, page: str,
                                        link: str) -> None:
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": width, "height": 800},
                                      color_scheme=scheme, locale="da-DK")
        tab = context.new_page()
        tab.goto(served_site + page)
        anchor = tab.locator(link).first.get_attribute("href").split("#")[1]
        tab.locator(link).first.click()
        tab.wait_for_url(f"**/kilder/**#{anchor}")
        tab.wait_for_timeout(200)
        mark = tab.evaluate(MARK)
        context.close()
        assert mark is not None and mark["id"] == anchor
        assert mark["outline"] == "solid" and mark["width"] >= 2
        assert mark["before"] == '"Kildested"'
        assert mark["top"] < mark["height"] and mark["bottom"] > 0  # scrolled into view

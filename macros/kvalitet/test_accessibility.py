"""axe-core (WCAG 2.0/2.1/2.2, levels A and AA) finds nothing on any page of the built site, on
a wide screen and on the narrowest phone (320 px, where tables are cards), in the light colour
scheme with every rule and in the dark one for colour contrast (the one rule a scheme changes),
in the same visit (page_walk.py). The missing-page (404) answer is checked too; a page that
forwards elsewhere at once (the /was address) is checked where it lands. The phones between
(360 and 414 px) are the engine's own tests (tests/browser/test_accessibility.py)."""

from __future__ import annotations

from typing import Any

import pytest

from macros.kvalitet.page_walk import MISSING, WIDE

pytestmark = [pytest.mark.content, pytest.mark.browser]

CONTENT_WIDTHS = (WIDE, 320)
WIDTH_PARAMS = [pytest.param(w, id=f"{w}px") for w in CONTENT_WIDTHS]


def _report(failures: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}:\n  " + "\n  ".join(v) for url, v in failures.items())


def assert_axe_clean(walk: Any) -> None:
    """Every page of the walk (and the 404 answer) ran the same axe rules, many of them, and
    none found a WCAG violation in the light scheme."""
    assert MISSING in walk.visits and len(walk.visits) == len(walk.pages) + 1
    # Every visit ran the same rules (none skipped on a page), and they are many.
    rule_sets = {tuple(v.axe_rules) for v in walk.visits.values()}
    assert len(rule_sets) == 1 and len(rule_sets.pop()) > 50, rule_sets
    light = {url or "(forside)": v.axe for url, v in walk.visits.items() if v.axe}
    assert not light, _report(light)


def assert_dark_contrast_kept(walk: Any) -> None:
    """In the dark scheme every page keeps its colour contrast (the one rule a scheme changes)."""
    assert all(v.axe_dark_rules == ["color-contrast"] for v in walk.visits.values())
    dark = {url or "(forside)": v.axe_dark for url, v in walk.visits.items() if v.axe_dark}
    assert not dark, _report(dark)


@pytest.mark.parametrize("width", WIDTH_PARAMS)
def test_axe_finds_no_wcag_violations(page_walk, width):
    assert_axe_clean(page_walk(width))


@pytest.mark.parametrize("width", WIDTH_PARAMS)
def test_dark_scheme_keeps_every_contrast(page_walk, width):
    assert_dark_contrast_kept(page_walk(width))

"""This strategy's status rounds as the site shows them: none has been reported yet, and the
first was due half a year after the approval (moved from tests/test_rounds.py and
tests/test_history.py)."""

from __future__ import annotations

import pytest


def text_of(element: object) -> str:
    return " ".join(element.get_text(" ").split())  # type: ignore[attr-defined]


def test_the_real_site_says_no_round_is_reported_and_when_the_first_was_due(site_pages):
    status = text_of(site_pages["status/"].select_one("article"))
    assert "Der er endnu ikke offentliggjort nogen statusrunde her" in status
    assert "Seneste statusrunde: ingen endnu" in status
    for url in ("", "status/"):
        notice = text_of(site_pages[url].select_one(".statusrytme"))
        assert "Den første statusrunde er forsinket" in notice
        assert "12. marts 2024" in notice, url
    assert not any(url.startswith("status/runder/") for url in site_pages)


@pytest.mark.content
def test_real_site_says_plainly_that_status_is_overdue(site_pages) -> None:
    """Moved from tests/test_history.py."""
    for url in ("", "status/"):
        notice = site_pages[url].select_one(".statusrytme--forsinket")
        assert notice is not None, url
        assert "Den første statusrunde er forsinket" in text_of(notice)
        assert "12. marts 2024" in text_of(notice)
        assert "endnu ikke offentliggjort nogen statusrunde" in text_of(notice)

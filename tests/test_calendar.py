"""The calendars' UIDs are stable across builds, and folding never splits a Danish letter. What
the built calendars hold (valid iCalendar, one event per dated item, all-day spans, links back,
folded lines) is checked by macros/kvalitet/test_feeds.py."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from tests.conftest import build_site, copy_project


def events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def by_uid(path: Path) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in events(path)}


@pytest.fixture(scope="module")
def other_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second build of the same data under another address."""
    base = tmp_path_factory.mktemp("kalender")
    project = copy_project(base / "projekt")
    out = base / "site"
    result = build_site(project, out, site_url="https://example.org/andet/")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_uids_are_stable_across_builds(built_site: Path, other_build: Path) -> None:
    first = by_uid(built_site / "kalender" / "alle.ics")
    second = by_uid(other_build / "kalender" / "alle.ics")
    assert set(first) == set(second)
    for uid, event in first.items():
        assert event["DTSTAMP"].to_ical() == second[uid]["DTSTAMP"].to_ical()
        assert event.decoded("DTSTART") == second[uid].decoded("DTSTART")


def test_folding_never_splits_a_danish_letter() -> None:
    from macros.exports.calendars import escape_text, fold

    folded = fold("SUMMARY:" + "x" * 66 + "æøå" * 30).encode("utf-8")
    lines = folded.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert [line.decode("utf-8") for line in lines]
    assert b"".join(line.removeprefix(b" ") for line in lines).decode().endswith("æøå" * 30)
    assert escape_text('a\\b;c,d\ne') == "a\\\\b\\;c\\,d\\ne"

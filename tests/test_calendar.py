"""The calendars open in calendar apps: valid iCalendar, one event per dated item with a stable
UID, all-day spans with an exclusive end, fuzzy and open-ended periods said in words, a link back
to the site on every event, and lines folded at 75 octets without breaking a letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from macros.data.loading import load_site_data
from tests.conftest import ROOT, build_site, copy_project


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


@pytest.mark.content
def test_one_event_per_dated_item(built_site: Path) -> None:
    site = load_site_data(ROOT)
    expected = (len(site.moeder.moeder)
                + sum(len(t.perioder) + len(t.milepaele) for t in site.tiltag.tiltag)
                + sum(1 for f in site.faser.faser if f.periode))
    found = events(built_site / "kalender" / "alle.ics")
    assert len(found) == expected
    assert len({str(e["UID"]) for e in found}) == expected, "UID'er skal være unikke"


@pytest.mark.content
def test_decision_is_an_all_day_event_with_link(built_site: Path, site_url: str) -> None:
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    vpu = all_events["moede-vpu-2023-10-26@strategi-socialomraadet"]
    assert vpu.decoded("DTSTART") == dt.date(2023, 10, 26)
    assert vpu.decoded("DTEND") == dt.date(2023, 10, 27)  # exclusive end
    assert str(vpu["URL"]) == site_url + "beslutninger/#vpu-2023-10-26"
    assert "Sag 23/2079" in str(vpu["DESCRIPTION"])


@pytest.mark.content
def test_hearing_and_fuzzy_periods_keep_the_written_form(built_site: Path) -> None:
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    hearing = all_events["moede-hoering-2023@strategi-socialomraadet"]
    assert "oktober – november 2023" in str(hearing["SUMMARY"])
    assert hearing.decoded("DTSTART") == dt.date(2023, 10, 1)
    assert hearing.decoded("DTEND") == dt.date(2023, 12, 1)
    assert "Handicaprådet" in str(hearing["DESCRIPTION"])
    phase = all_events["fase-internt-arbejde@strategi-socialomraadet"]
    assert phase.decoded("DTSTART") == dt.date(2023, 3, 1)
    assert phase.decoded("DTEND") == dt.date(2023, 10, 1)


@pytest.mark.content
def test_open_ended_period_is_one_day_marked_loebende(built_site: Path) -> None:
    site = load_site_data(ROOT)
    open_items = [(t, n, p) for t in site.tiltag.tiltag
                  for n, p in enumerate(t.perioder, 1) if p.period.is_open]
    assert open_items, "datasættet har en løbende periode"
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    for t, n, p in open_items:
        event = all_events[f"tiltag-{t.id}-periode-{n}@strategi-socialomraadet"]
        assert event.decoded("DTSTART") == p.period.start
        assert event.decoded("DTEND") == p.period.start + dt.timedelta(days=1)
        assert "løbende" in str(event["SUMMARY"])
        assert p.tekst in str(event["DESCRIPTION"])


@pytest.mark.content
def test_every_event_links_back_under_site_url(built_site: Path, site_url: str) -> None:
    for event in events(built_site / "kalender" / "alle.ics"):
        assert str(event["URL"]).startswith(site_url)
        assert str(event["URL"]) in str(event["DESCRIPTION"])


@pytest.mark.content
def test_lines_are_crlf_and_folded_at_75_octets(built_site: Path) -> None:
    raw = (built_site / "kalender" / "alle.ics").read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert any(line.startswith(b" ") for line in lines), "lange linjer foldes"
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never splits a multi-byte letter


@pytest.mark.content
def test_text_is_escaped_and_unfolds_to_the_original(built_site: Path) -> None:
    site = load_site_data(ROOT)
    meeting = next(m for m in site.moeder.moeder if m.id == "kb-2022-11-15")
    raw = (built_site / "kalender" / "alle.ics").read_bytes().decode("utf-8")
    assert "\\," in raw
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    event = all_events["moede-kb-2022-11-15@strategi-socialomraadet"]
    assert meeting.resume in str(event["DESCRIPTION"])
    assert "\n\n" in str(event["DESCRIPTION"])


@pytest.mark.content
def test_committee_calendar_holds_only_its_meetings(built_site: Path) -> None:
    site = load_site_data(ROOT)
    vpu_ids = {f"moede-{m.id}@strategi-socialomraadet" for m in site.moeder.moeder
               if "vpu" in m.udvalg}
    assert set(by_uid(built_site / "kalender" / "vpu.ics")) == vpu_ids
    assert (built_site / "kalender" / "spor-organisering.ics").is_file()


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

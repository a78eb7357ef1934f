"""This strategy's open data, feeds and calendars (Norddjurs, Socialområdet): its meetings,
case numbers and attachments in the data set and the CSV files, the Data page's placeholder
licence, its news posts and empty status feed, and its decisions, hearing and phases in the
calendar. That any strategy's files are valid and hold its data is checked by the engine
(macros/kvalitet/test_open_data.py, test_feeds.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import feedparser
import icalendar
import pytest

from macros.data.loading import load_site_data
from macros.exports import opendata

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content

ROOT = Path(__file__).resolve().parents[2]


def read_csv(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def by_uid(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_json_holds_the_meetings_case_and_attachments(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "strategi.json").read_text(encoding="utf-8"))
    meeting = next(m for m in data["moeder"]["moeder"] if m["id"] == "vpu-2023-10-26")
    assert meeting["sag"] == "23/2079"
    assert [b["journalnr"] for b in meeting["bilag"]] == ["99754/23", "104260/23", "102002/23"]


def test_csv_rows_keep_this_plans_cells(built_site: Path, site_url: str) -> None:
    rows = read_csv(built_site / "data" / "tiltag.csv")
    header, body = rows[0], rows[1:]
    by_id = {row[header.index("id")]: dict(zip(header, row, strict=True)) for row in body}
    # A cell over several lines in the plan stays one cell (RFC 4180 quoting).
    aftaleholder = by_id["aftaleholder-myndighed-visitation-voksen"]
    assert aftaleholder["tidspunkt"].count("\n") == 2
    assert aftaleholder["titel"].startswith("Ansættelse af én aftaleholder")
    assert aftaleholder["url"] == site_url + "tiltag/aftaleholder-myndighed-visitation-voksen/"
    assert aftaleholder["planlagt_start"] == "2022-12-01"

    decisions = read_csv(built_site / "data" / "beslutninger.csv")
    omu = [dict(zip(decisions[0], r, strict=True)) for r in decisions[1:]
           if r[0] == "omu-2023-09-12" and r[4] == "beslutning"]
    assert [r["tekst"] for r in omu] == ["Drøftet.", "Godkendt,", "Godkendt.", "Godkendt."]
    assert "temadag" in omu[1]["bemaerkning"]

    milestones = read_csv(built_site / "data" / "milepaele.csv")
    open_ended = [r for r in milestones[1:] if r[milestones[0].index("loebende")] == "ja"]
    assert open_ended


def test_data_page_says_the_licence_is_a_placeholder(site_pages: dict) -> None:
    text = site_pages["data/"].get_text(" ")
    assert "Pladsholder" in text and "fastsættes af Norddjurs Kommune" in text


def test_news_feed_has_this_sites_posts(built_site: Path) -> None:
    feed = feedparser.parse((built_site / "feed-nyheder.xml").read_bytes())
    assert feed.feed.title == "Nyheder – Strategi for Socialområdet"
    dates = [e.published_parsed[:3] for e in feed.entries]
    assert (2023, 9, 12) in dates and (2023, 10, 26) in dates
    assert {e.tags[0].term for e in feed.entries} <= {"Nyheder", "Hverdagshistorier",
                                                     "Arrangementer"}
    omu = next(e for e in feed.entries if e.published_parsed[:3] == (2023, 9, 12))
    assert "OMU" in omu.title and "23/7776" in omu.summary


def test_status_feed_is_empty_without_reports(built_site: Path) -> None:
    feed = feedparser.parse((built_site / "feed-status.xml").read_bytes())
    assert not feed.bozo and feed.entries == []


def test_decision_is_an_all_day_event_with_link(built_site: Path, site_url: str) -> None:
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    vpu = all_events["moede-vpu-2023-10-26@strategi-socialomraadet"]
    assert vpu.decoded("DTSTART") == dt.date(2023, 10, 26)
    assert vpu.decoded("DTEND") == dt.date(2023, 10, 27)  # exclusive end
    assert str(vpu["URL"]) == site_url + "beslutninger/#vpu-2023-10-26"
    assert "Sag 23/2079" in str(vpu["DESCRIPTION"])


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


def test_this_plan_has_an_open_ended_period() -> None:
    site = load_site_data(ROOT)
    assert any(p.period.is_open for t in site.tiltag.tiltag for p in t.perioder), \
        "datasættet har en løbende periode"


def test_text_is_escaped_and_unfolds_to_the_original(built_site: Path) -> None:
    site = load_site_data(ROOT)
    meeting = next(m for m in site.moeder.moeder if m.id == "kb-2022-11-15")
    raw = (built_site / "kalender" / "alle.ics").read_bytes().decode("utf-8")
    assert "\\," in raw
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    event = all_events["moede-kb-2022-11-15@strategi-socialomraadet"]
    assert meeting.resume in str(event["DESCRIPTION"])
    assert "\n\n" in str(event["DESCRIPTION"])


def test_committee_calendar_holds_only_its_meetings(built_site: Path) -> None:
    site = load_site_data(ROOT)
    vpu_ids = {f"moede-{m.id}@strategi-socialomraadet" for m in site.moeder.moeder
               if "vpu" in m.udvalg}
    assert set(by_uid(built_site / "kalender" / "vpu.ics")) == vpu_ids
    assert (built_site / "kalender" / "spor-organisering.ics").is_file()


def test_data_page_documents_every_file_and_column(site_pages: dict) -> None:
    """This site's page of open data documents the format and every file and column."""
    text = site_pages["data/"].get_text(" ")
    assert "semikolon" in text.lower() and "BOM" in text
    for name, (columns, _rows) in opendata.CSV_FILES.items():
        assert name in text, name
        for column in columns:
            assert f"{column}" in text, f"kolonnen {column} i {name} er ikke beskrevet"

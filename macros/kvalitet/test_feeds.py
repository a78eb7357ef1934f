"""Feeds and calendars open in feed readers and calendar apps. The news and status-round feeds
are valid Atom with absolute links under the site address, newest first, one status entry per
round; every page's head points feed readers to them. The calendars are valid iCalendar with one
event per dated item and unique UIDs, all-day spans with an exclusive end, open-ended periods
said in words, a link back to the site on every event, one calendar per committee and track,
and lines folded at 75 octets without breaking a letter. Expected from the strategy's data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from macros.editors.check import blog_settings

pytestmark = pytest.mark.content  # checks content can fail: strategi test


def parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def page_exists(site: Path, url: str, base: str) -> bool:
    assert url.startswith(base), url
    rel = unquote(urlsplit(url).path).removeprefix(urlsplit(base).path)
    return (site / rel / "index.html").is_file() if rel.endswith("/") or not rel else (
        site / rel).is_file()


def events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def by_uid(path: Path) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in events(path)}


def test_news_feed_lists_the_posts_newest_first(built_site: Path, site_url: str, site_data,
                                                strategy_root: Path) -> None:
    feed = parse(built_site / "feed-nyheder.xml")
    assert feed.feed.title == f"Nyheder – {site_data.identity.strategi.navn}"
    assert feed.version == "atom10"
    dates = [e.published_parsed[:3] for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    blog_dir, categories = blog_settings(strategy_root)
    posts = list((strategy_root / "docs" / blog_dir / "posts").rglob("*.md")) if blog_dir else []
    assert len(feed.entries) == len(posts)
    for entry in feed.entries:
        assert page_exists(built_site, entry.link, site_url), entry.link
        assert entry.tags and entry.tags[0].term in categories
        assert entry.summary


def test_status_feed_has_one_entry_per_round(built_site: Path, site_url: str,
                                             site_data) -> None:
    feed = parse(built_site / "feed-status.xml")
    assert feed.feed.title.startswith("Statusændringer")
    assert len(feed.entries) == len(site_data.statusrunder)
    assert all(link.href.startswith(site_url) for link in feed.feed.links)
    assert page_exists(built_site, feed.feed.link, site_url)
    for entry in feed.entries:
        assert page_exists(built_site, entry.link, site_url), entry.link


def test_every_page_head_links_the_feeds(site_pages: dict[str, BeautifulSoup],
                                        site_url: str) -> None:
    assert site_pages
    for url, page in site_pages.items():
        links = {link["href"]: link.get("type") for link in
                 page.select('head link[rel="alternate"]') if link.get("type")}
        assert links.get(site_url + "feed-nyheder.xml") == "application/atom+xml", url
        assert links.get(site_url + "feed-status.xml") == "application/atom+xml", url
        # Material fetches sitemap.xml beside each alternate link: only root files qualify.
        assert all(href.count("/") == site_url.count("/") for href in links), url


def test_one_event_per_dated_item(built_site: Path, site_data) -> None:
    expected = (len(site_data.moeder.moeder)
                + sum(len(t.perioder) + len(t.milepaele) for t in site_data.tiltag.tiltag)
                + sum(1 for f in site_data.faser.faser if f.periode))
    found = [e for e in events(built_site / "kalender" / "alle.ics")
             if not str(e["UID"]).endswith("-forventet-slut")]
    assert len(found) == expected
    assert len({str(e["UID"]) for e in found}) == expected, "UID'er skal være unikke"


def test_every_meeting_is_an_all_day_event_with_link(built_site: Path, site_url: str,
                                                     site_data) -> None:
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    domain = site_data.identity.strategi.id
    for meeting in site_data.moeder.moeder:
        event = all_events[f"moede-{meeting.id}@{domain}"]
        period = meeting.period
        assert event.decoded("DTSTART") == period.start, meeting.id
        if period.end is not None:
            assert event.decoded("DTEND") == period.end + dt.timedelta(days=1)  # exclusive end
        assert str(event["URL"]).startswith(site_url + "beslutninger/")
        assert str(event["URL"]).endswith(f"#{meeting.id}")
        if meeting.sag:
            assert f"Sag {meeting.sag}" in str(event["DESCRIPTION"])


def test_open_ended_period_is_one_day_marked_loebende(built_site: Path, site_data) -> None:
    open_items = [(t, n, p) for t in site_data.tiltag.tiltag
                  for n, p in enumerate(t.perioder, 1) if p.period.is_open]
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    domain = site_data.identity.strategi.id
    for t, n, p in open_items:
        event = all_events[f"tiltag-{t.id}-periode-{n}@{domain}"]
        assert event.decoded("DTSTART") == p.period.start
        assert event.decoded("DTEND") == p.period.start + dt.timedelta(days=1)
        assert "løbende" in str(event["SUMMARY"])
        assert p.tekst in str(event["DESCRIPTION"])


def test_every_event_links_back_under_site_url(built_site: Path, site_url: str) -> None:
    for event in events(built_site / "kalender" / "alle.ics"):
        assert str(event["URL"]).startswith(site_url)
        assert str(event["URL"]) in str(event["DESCRIPTION"])


def test_lines_are_crlf_and_folded_at_75_octets(built_site: Path) -> None:
    for path in sorted((built_site / "kalender").glob("*.ics")):
        raw = path.read_bytes()
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), path.name
        lines = raw.split(b"\r\n")[:-1]
        assert any(line.startswith(b" ") for line in lines), "lange linjer foldes"
        for line in lines:
            assert len(line) <= 75, path.name
            line.decode("utf-8")  # a fold never splits a multi-byte letter


def test_meeting_text_unfolds_to_the_original(built_site: Path, site_data) -> None:
    all_events = by_uid(built_site / "kalender" / "alle.ics")
    domain = site_data.identity.strategi.id
    for meeting in site_data.moeder.moeder:
        if meeting.resume:
            description = str(all_events[f"moede-{meeting.id}@{domain}"]["DESCRIPTION"])
            assert meeting.resume in description, meeting.id
            assert "\n\n" in description, meeting.id


def test_committee_and_track_calendars_hold_only_their_items(built_site: Path,
                                                            site_data) -> None:
    domain = site_data.identity.strategi.id
    committees = {c for m in site_data.moeder.moeder for c in m.udvalg}
    for committee in committees:
        ids = {f"moede-{m.id}@{domain}" for m in site_data.moeder.moeder if committee in m.udvalg}
        assert set(by_uid(built_site / "kalender" / f"{committee}.ics")) == ids, committee
    for track in {t.spor for t in site_data.tiltag.tiltag if t.perioder or t.milepaele}:
        found = by_uid(built_site / "kalender" / f"spor-{track}.ics")
        assert found and all(uid.startswith("tiltag-") for uid in found), track

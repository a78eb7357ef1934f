"""The history as files: the change list as CSV and JSON (open data), an Atom feed of all
changes, and per initiative its own Atom feed and iCalendar file (written with `icalendar`).

Dates are commit dates from git (macros/history), at midnight UTC in the feeds, so the same
repository always gives the same bytes. Without history the change files are written empty and
the feeds have no entries, never invented dates. No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Sequence

from macros.data.loading import SiteData
from macros.data.model import Tiltag
from macros.exports import calendars, feeds, opendata
from macros.history.record import Change, History
from macros.runtime import cancel
from macros.views import changes as hist
from macros.views import viewmodels as views

CHANGES_FEED = "feed-aendringer.xml"
_OWN_EVENT = re.compile(r"^tiltag-(.+)-(?:periode|milepael)-\d+@")
COLUMNS = ("dato", "commit", "type", "id", "navn", "handling", "felt", "foer", "efter",
           "begrundelse", "beskrivelse", "url")


def _entry_ids(site: SiteData, changes: Sequence[Change]) -> list[str]:
    """A stable id per change: its commit, item and field, numbered within the commit."""
    seen: dict[str, int] = {}
    out = []
    for c in changes:
        base = f"{c.sha[:12]}/{c.kind}/{c.item_id}/{c.change.field or c.change.action}"
        seen[base] = seen.get(base, 0) + 1
        suffix = f"/{seen[base]}" if seen[base] > 1 else ""
        out.append(feeds.tag_id(site.identity, c.day, f"aendring/{base}{suffix}"))
    return out


def _url(site: SiteData, base_url: str, c: Change) -> str:
    path = hist.item_url(site, c.kind, c.item_id)
    return base_url + (path if path is not None else "aendringer/")


def rows(site: SiteData, history: History, base_url: str) -> list[opendata.Row]:
    return [{
        "dato": c.day.isoformat(), "commit": c.sha, "type": c.kind, "id": c.item_id,
        "navn": c.change.title, "handling": c.change.action, "felt": c.change.field,
        "foer": c.change.old or "", "efter": c.change.new or "",
        "begrundelse": c.change.reason or "", "beskrivelse": hist.sentence(c),
        "url": _url(site, base_url, c),
    } for c in history.changes]


def open_data_files(site: SiteData, history: History, base_url: str) -> dict[str, bytes]:
    table = rows(site, history, base_url)
    document = {"historik_tilgaengelig": history.available, "aendringer": table}
    return {
        "aendringer.csv": opendata.csv_bytes(COLUMNS, table),
        "aendringer.json": (json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        .encode("utf-8"),
    }


def _entries(site: SiteData, changes: Sequence[Change], base_url: str) -> list[feeds.Entry]:
    return [feeds.Entry(
        entry_id=entry_id, title=f"{c.change.title}: {hist.sentence(c)}"[:200], date=c.day,
        link=_url(site, base_url, c), summary=hist.sentence(c),
        categories=(hist.KIND_LABELS[c.kind],))
        for c, entry_id in zip(changes, _entry_ids(site, changes), strict=True)]


def changes_feed(site: SiteData, history: History, base_url: str) -> bytes:
    return feeds.atom_bytes(
        identity=site.identity, title=f"Ændringer – {site.identity.strategi.navn}",
        subtitle="Alt, der er ændret i sidens data, nyeste først: status, tidsplaner, rettede "
        "tekster, nye og fjernede tiltag, møder og ordforklaringer.",
        feed_url=base_url + CHANGES_FEED, page_url=base_url + "aendringer/",
        entries=_entries(site, history.changes, base_url),
        fallback_updated=feeds.source_date(site))


def initiative_feed(site: SiteData, history: History, t: Tiltag, base_url: str) -> bytes:
    page = base_url + views.initiative_url(t.id)
    record = history.record("tiltag", t.id)
    return feeds.atom_bytes(
        identity=site.identity, title=f"{t.titel} – ændringer",
        subtitle=f"Ændringer af tiltaget «{t.titel}» i {site.identity.strategi.navn}, "
        "nyeste først.",
        feed_url=page + "aendringer.xml", page_url=page,
        entries=_entries(site, history.for_item("tiltag", t.id), base_url),
        fallback_updated=record.published if record else feeds.source_date(site))


def initiative_calendar(site: SiteData, t: Tiltag, events: Sequence[calendars.Event],
                        site_name: str, stamp: dt.datetime) -> bytes:
    """The initiative's periods and milestones and the meetings it belongs to."""
    return _calendar(calendars.prodid(site.identity), t.titel, tuple(events), site_name, stamp)


# Everything a calendar is made from, so a process that writes them again (`mkdocs serve`
# after each change: 1 000 calendars took a second and a half) makes only the changed ones.
@functools.lru_cache(maxsize=4096)
def _calendar(prodid: str, title: str, events: tuple[calendars.Event, ...], site_name: str,
              stamp: dt.datetime) -> bytes:
    import icalendar  # here: 30 ms to import, needed only for these files

    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{site_name} – {title}")
    calendar.add("x-wr-caldesc", f"Perioder, milepæle og møder for tiltaget «{title}».")
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    for e in events:
        event = icalendar.Event()
        event.add("uid", e.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", e.start)
        event.add("dtend", e.end + dt.timedelta(days=1))
        event.add("summary", e.summary, parameters={"LANGUAGE": "da"})
        event.add("description", e.description, parameters={"LANGUAGE": "da"})
        event.add("categories", [e.category])
        event.add("url", e.url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def initiative_files(site: SiteData, history: History, base_url: str,
                     site_name: str) -> dict[str, bytes]:
    """'tiltag/<id>/aendringer.xml' and 'tiltag/<id>/kalender.ics' for every initiative."""
    all_events = calendars.events(site, base_url)
    own: dict[str, list[calendars.Event]] = {}
    for e in all_events:
        found = _OWN_EVENT.match(e.uid)
        if found:
            own.setdefault(found.group(1), []).append(e)
    meetings = {e.uid.removeprefix("moede-").split("@")[0]: e for e in all_events
                if e.uid.startswith("moede-")}
    stamp = dt.datetime.strptime(calendars.stamp(site), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    files: dict[str, bytes] = {}
    for t in site.tiltag.tiltag:
        cancel.checkpoint()
        chosen = own.get(t.id, []) + [meetings[m.id] for m in views.meetings_for_initiative(site, t)
                                      if m.id in meetings]
        chosen.sort(key=lambda e: (e.start, e.uid))
        folder = views.initiative_url(t.id)
        files[folder + "aendringer.xml"] = initiative_feed(site, history, t, base_url)
        files[folder + "kalender.ics"] = initiative_calendar(site, t, chosen, site_name, stamp)
    return files

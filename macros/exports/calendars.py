"""iCalendar (RFC 5545) feeds of meetings, hearings, phases and initiative periods/milestones.

Every event is an all-day (VALUE=DATE) span: a date gives one day; a fuzzy period such as
"2. halvår 2023" is shown as its whole resolved span and keeps the written form in SUMMARY; an
open-ended period ("løbende fra ...") becomes one day on its start date, marked "løbende". UIDs
come from the data ids, DTSTAMP from the newest date in the sources, so the same data always give
the same bytes. Text is escaped and lines are folded at 75 octets without splitting a UTF-8
character. PRODID and the UIDs' domain come from the site's identity (data/identitet.yml).
No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from macros.data.loading import SiteData
from macros.data.model import IdentitetFil
from macros.data.periods import Period, Precision, format_date_da, parse_period, period_label
from macros.views import viewmodels as views


def prodid(identity: IdentitetFil) -> str:
    return f"-//{identity.myndighed}//{identity.strategi.navn}//DA"


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    description: str
    start: dt.date
    end: dt.date  # inclusive; written as DTEND = end + 1 day
    url: str
    category: str
    committees: tuple[str, ...] = ()
    track: str | None = None


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuations start with a space), CRLF-terminated."""
    data = line.encode("utf-8")
    out: list[str] = []
    start, limit = 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # never split a character: back off to its first byte
            end -= 1
        out.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # a continuation line starts with a space
    out.append(data[start:].decode("utf-8"))
    return "\r\n ".join(out) + "\r\n"


def _timing(period: Period, title: str) -> tuple[str, dt.date, dt.date, str]:
    """(summary, first day, last day, sentence about the timing) for a period."""
    written = period.text.strip()
    if period.end is None:
        return (f"{title} (løbende)", period.start, period.start,
                f"Løbende fra {period_label(period).removeprefix('fra ').removesuffix(' og frem')}"
                f" – som skrevet i kilden: «{written}». Vist på startdatoen.")
    if period.precision == Precision.DAY and period.start == period.end:
        return title, period.start, period.end, f"Dato: {format_date_da(period.start)}."
    if period.precision == Precision.DAY:
        return (title, period.start, period.end,
                f"Periode: {period_label(period)} (som skrevet i kilden: «{written}»).")
    return (f"{title} ({written})", period.start, period.end,
            f"Omtrentlig periode – som skrevet i kilden: «{written}». Vist som hele perioden "
            f"{period_label(period)}.")


def _event(uid: str, title: str, period: Period, details: Iterable[str | None], url: str,
           category: str, committees: tuple[str, ...] = (), track: str | None = None) -> Event:
    summary, start, end, timing = _timing(period, title)
    text = "\n\n".join([timing, *(d for d in details if d), f"Læs mere: {url}"])
    return Event(uid, summary, text, start, end, url, category, committees,
                 track)


def events(site: SiteData, base_url: str) -> list[Event]:
    """All events of the site, sorted by start date, then UID."""
    names = {term.id: term.fuld_form or term.term for term in site.ordliste.termer}
    domain = site.identity.strategi.id
    out: list[Event] = []
    for m in site.moeder.moeder:
        committees = ", ".join(names.get(u, u) for u in m.udvalg)
        details = [
            f"{m.type.capitalize()}" + (f" – {committees}" if committees else "") + ".",
            f"Sag {m.sag}." if m.sag else None,
            m.resume,
            ("Parter: " + ", ".join(m.parter) + ".") if m.parter else None,
        ]
        out.append(_event(f"moede-{m.id}@{domain}", m.titel, m.period, details,
                          base_url + views.meeting_url(m.id, site), m.type.capitalize(),
                          committees=tuple(m.udvalg)))
    for t in site.tiltag.tiltag:
        track = site.track(t.spor).titel
        url = base_url + views.initiative_url(t.id)
        for nr, p in enumerate(t.perioder, 1):
            title = t.titel + (f" – {p.betegnelse}" if p.betegnelse else "")
            out.append(_event(f"tiltag-{t.id}-periode-{nr}@{domain}", title, p.period,
                              [f"Tiltag i sporet {track}.", t.ansvarlig and
                               f"Ansvarlig: {t.ansvarlig}"], url, "Tiltag", track=t.spor))
        for nr, ms in enumerate(t.milepaele, 1):
            out.append(_event(f"tiltag-{t.id}-milepael-{nr}@{domain}", f"{t.titel}: {ms.titel}",
                              ms.period, [f"Milepæl for tiltag i sporet {track}."], url,
                              "Milepæl", track=t.spor))
        moved = views.expected_change(site, t)
        if moved is not None and moved.line.expected_end is not None:
            out.append(_event(
                f"tiltag-{t.id}-forventet-slut", f"{t.titel}: forventet slut",
                moved.line.expected_end,
                [f"Forventet slut ifølge statusrunden {format_date_da(moved.round.dato)}; "
                 "planen er uændret.",
                 moved.line.begrundelse and f"Begrundelse: {moved.line.begrundelse}"],
                url, "Forventet slut", track=t.spor))
    for f in site.faser.faser:
        if f.periode:
            out.append(_event(f"fase-{f.id}@{domain}", f"Fase: {f.titel}", parse_period(f.periode),
                              [f.beskrivelse], base_url + f"processen/#{f.id}", "Fase"))
    return sorted(out, key=lambda e: (e.start, e.uid))


def stamp(site: SiteData) -> str:
    """DTSTAMP derived from the data: the newest source or status date (never the clock)."""
    dates = [k.dato for k in site.kilder.kilder if k.dato]
    dates += [r.dato for r in site.statusrunder]
    newest = max(dates, default=dt.date(1970, 1, 1))
    return newest.strftime("%Y%m%dT000000Z")


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _header(product: str, name: str, description: str) -> str:
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{product}", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-CALDESC:{escape_text(description)}", "X-WR-TIMEZONE:Europe/Copenhagen",
    ]  # fmt: skip
    return "".join(fold(line) for line in lines)


def event_text(e: Event, dtstamp: str) -> str:
    """One VEVENT, folded and CRLF-terminated."""
    lines = [
        "BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{dtstamp}",
        f"DTSTART;VALUE=DATE:{_date(e.start)}",
        f"DTEND;VALUE=DATE:{_date(e.end + dt.timedelta(days=1))}",
        f"SUMMARY;LANGUAGE=da:{escape_text(e.summary)}",
        f"DESCRIPTION;LANGUAGE=da:{escape_text(e.description)}",
        f"CATEGORIES:{escape_text(e.category)}", f"URL;VALUE=URI:{e.url}",
        "TRANSP:TRANSPARENT", "END:VEVENT",
    ]  # fmt: skip
    return "".join(fold(line) for line in lines)


def calendar_bytes(product: str, name: str, description: str, items: Iterable[Event],
                   dtstamp: str, rendered: dict[str, str] | None = None) -> bytes:
    """A calendar of the events; `rendered` (UID -> `event_text`) saves rendering an event
    again for each calendar it appears in."""
    parts = [_header(product, name, description)]
    for e in items:
        text = rendered.get(e.uid) if rendered is not None else None
        if text is None:
            text = event_text(e, dtstamp)
            if rendered is not None:
                rendered[e.uid] = text
        parts.append(text)
    parts.append(fold("END:VCALENDAR"))
    return "".join(parts).encode("utf-8")


def calendar_files(site: SiteData, base_url: str, site_name: str) -> dict[str, bytes]:
    """'alle.ics' plus one file per committee ('<udvalg>.ics') and per track ('spor-<id>.ics')."""
    all_events = events(site, base_url)
    dtstamp = stamp(site)
    product = prodid(site.identity)
    rendered: dict[str, str] = {}  # each event is rendered once, for all its calendars
    files = {"alle.ics": calendar_bytes(
        product, site_name, "Møder, beslutninger, høring, faser og tiltag i strategien.",
        all_events, dtstamp, rendered)}
    names = {term.id: term.fuld_form or term.term for term in site.ordliste.termer}
    for committee in sorted({c for e in all_events for c in e.committees}):
        chosen = [e for e in all_events if committee in e.committees]
        label = names.get(committee, committee)
        files[f"{committee}.ics"] = calendar_bytes(
            product, f"{site_name} – {label}", f"Møder og beslutninger med {label}.", chosen,
            dtstamp, rendered)
    by_track: dict[str, list[Event]] = {}
    for e in all_events:
        if e.track is not None:
            by_track.setdefault(e.track, []).append(e)
    for track in site.spor.spor:
        chosen = by_track.get(track.id, [])
        if chosen:
            files[f"spor-{track.id}.ics"] = calendar_bytes(
                product, f"{site_name} – {track.titel}",
                f"Tiltag og milepæle i sporet {track.titel}.", chosen, dtstamp, rendered)
    return files

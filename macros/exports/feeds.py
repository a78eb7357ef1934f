"""Atom 1.0 feeds (RFC 4287): the news posts and the half-yearly status rounds.

Feeds are built with ElementTree (so every string is escaped by the serializer) from plain
values: `NewsItem`s collected from the blog posts' front matter, and the status rounds in
data/statusrunder/. All URLs are absolute under the site's base URL. Timestamps are the items' own
dates at midnight UTC and the feed's <updated> is its newest entry (or, for an empty feed, the
newest date in the sources), so the same input always gives the same bytes. Titles, author and
the tag: ids come from the site's identity (data/identitet.yml). No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from macros.data import model, rounds
from macros.data.loading import SiteData
from macros.data.model import IdentitetFil
from macros.data.periods import format_date_da

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)

NEWS_FEED = "feed-nyheder.xml"
STATUS_FEED = "feed-status.xml"


@dataclass(frozen=True)
class NewsItem:
    """One blog post as the feed needs it; `path` is its URL relative to the site root."""

    title: str
    date: dt.date
    path: str
    summary: str = ""
    categories: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Entry:
    entry_id: str
    title: str
    date: dt.date
    link: str
    summary: str
    categories: tuple[str, ...]


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def tag_id(identity: IdentitetFil, day: dt.date, specific: str) -> str:
    """A tag: URI (RFC 4151) that stays the same when the site moves to another address."""
    return f"tag:{identity.strategi.id},{day.year}:{specific}"


def atom_bytes(*, identity: IdentitetFil, title: str, subtitle: str, feed_url: str,
               page_url: str, entries: Sequence[Entry], fallback_updated: dt.date) -> bytes:
    """An Atom document; entries are written in the order given (newest first by convention)."""
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "da"})
    _sub(feed, "id", feed_url)
    _sub(feed, "title", title)
    _sub(feed, "subtitle", subtitle)
    newest = max((e.date for e in entries), default=fallback_updated)
    _sub(feed, "updated", _timestamp(newest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=page_url)
    author = _sub(feed, "author")
    _sub(author, "name", identity.myndighed)
    _sub(feed, "rights", f"Offentlige sagsoplysninger fra {identity.myndighed}.")
    for e in entries:
        entry = _sub(feed, "entry")
        _sub(entry, "id", e.entry_id)
        _sub(entry, "title", e.title)
        _sub(entry, "updated", _timestamp(e.date))
        _sub(entry, "published", _timestamp(e.date))
        _sub(entry, "link", rel="alternate", type="text/html", href=e.link)
        for category in e.categories:
            _sub(entry, "category", term=category)
        if e.summary:
            _sub(entry, "summary", e.summary)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def source_date(site: SiteData) -> dt.date:
    """The newest date in the sources: the `updated` of a feed that has no entries yet."""
    dates = [k.dato for k in site.kilder.kilder if k.dato]
    dates += [r.dato for r in site.statusrunder]
    return max(dates, default=dt.date(1970, 1, 1))


def news_feed(items: Sequence[NewsItem], base_url: str, site: SiteData, blog_dir: str) -> bytes:
    ordered = sorted(items, key=lambda i: (i.date, i.path), reverse=True)
    entries = [Entry(base_url + i.path, i.title, i.date, base_url + i.path, i.summary,
                     i.categories) for i in ordered]
    identity = site.identity
    return atom_bytes(
        identity=identity, title=f"Nyheder – {identity.strategi.navn}",
        subtitle=f"Nyheder om {identity.strategi.navn} fra {identity.myndighed}.",
        feed_url=base_url + NEWS_FEED, page_url=base_url + blog_dir.strip("/") + "/",
        entries=entries, fallback_updated=source_date(site))


def status_entries(site: SiteData, base_url: str) -> list[Entry]:
    """One entry per status round, newest first, linking to the round's page."""
    entries = []
    for r in site.statusrunder:
        counts = Counter(line.status.value for line in r.tiltag)
        summary = (f"Status for {len(r.tiltag)} tiltag: "
                   + ", ".join(f"{s.value}: {counts[s.value]}" for s in model.Status
                               if counts[s.value]) + ".")
        entries.append(Entry(
            entry_id=tag_id(site.identity, r.dato, f"statusrunde/{r.dato.isoformat()}"),
            title=f"Statusrunden {format_date_da(r.dato)}", date=r.dato,
            link=base_url + rounds.round_url(r.dato), summary=summary,
            categories=("Status",)))
    return sorted(entries, key=lambda e: (e.date, e.entry_id), reverse=True)


def status_feed(site: SiteData, base_url: str) -> bytes:
    return atom_bytes(
        identity=site.identity, title=f"Statusændringer – {site.identity.strategi.navn}",
        subtitle="Én post pr. halvårlig statusrunde for tiltagene i tids- og procesplanen, "
        "nyeste først. Tom, indtil den første statusrunde er offentliggjort.",
        feed_url=base_url + STATUS_FEED, page_url=base_url + "status/",
        entries=status_entries(site, base_url), fallback_updated=source_date(site))

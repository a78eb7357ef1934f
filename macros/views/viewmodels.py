"""View models: the facts each page shows, computed from validated data and a fixed 'today'.

Pure functions over `SiteData`: ordering by resolved start, half-year grouping, past / ongoing /
upcoming, overdue initiatives, status counts, the recommendation matrix. Templates only lay out
what these return, so the logic is unit-testable without a build.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from macros.data import model, rounds
from macros.data.loading import SiteData
from macros.data.periods import Period, format_date_da, parse_period, period_label

NO_STATUS = "ingen status rapporteret endnu"


def initiative_url(initiative_id: str) -> str:
    return f"tiltag/{initiative_id}/"


round_url = rounds.round_url


def track_url(track_id: str) -> str:
    return f"spor/{track_id}/"


def source_url(source_id: str, anchor: str | None = None) -> str:
    """A source's page, or one passage on it (macros/data/sources.py gives the anchors)."""
    return f"kilder/{source_id}/" + (f"#{anchor}" if anchor else "")


MEETINGS_PER_PAGE = 10  # the decision register is split into pages of this many meetings


def meeting_url(meeting_id: str, site: SiteData | None = None) -> str:
    """The meeting's section in the decision register, on whichever page of it it falls."""
    page = 1
    if site is not None and len(site.moeder.moeder) > MEETINGS_PER_PAGE:
        ids = [m.id for m in site.moeder.moeder]
        page = ids.index(meeting_id) // MEETINGS_PER_PAGE + 1
    base = "beslutninger/" if page == 1 else f"beslutninger/side-{page}/"
    return f"{base}#{meeting_id}"


def status_of(site: SiteData, initiative: model.Tiltag) -> model.Status | None:
    """The status in the newest round that reports on the initiative (data/statusrunder/)."""
    entry = site.status_of(initiative.id)
    return entry.line.status if entry else None


def status_label(site: SiteData, initiative: model.Tiltag) -> str:
    status = status_of(site, initiative)
    return status.value if status else NO_STATUS


def when(period: Period, today: dt.date) -> str:
    """'afsluttet', 'i gang' or 'kommende' relative to today, in words (never colour alone)."""
    if period.start > today:
        return "kommende"
    if period.end is not None and period.end < today:
        return "overstået"
    return "i gang nu"


def half_year_label(day: dt.date) -> str:
    return f"{1 if day.month <= 6 else 2}. halvår {day.year}"


@dataclass(frozen=True)
class TimelineItem:
    title: str
    kind: str
    written: str
    period: Period
    url: str
    state: str
    track: str | None = None

    @property
    def resolved(self) -> str:
        return period_label(self.period)

    @property
    def resolved_differs(self) -> bool:
        """Whether the resolved dates add anything to the written form."""
        squeeze = str.maketrans("", "", " –-.")
        return self.written.lower().translate(squeeze) != self.resolved.lower().translate(squeeze)

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        return (self.period.start, self.period.end or dt.date.max, self.title)


def timeline_items(site: SiteData, today: dt.date) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for t in site.tiltag.tiltag:
        track = site.track(t.spor).titel
        for p in t.perioder:
            label = f"{t.titel}" + (f" – {p.betegnelse}" if p.betegnelse else "")
            items.append(TimelineItem(label, "Tiltag", p.tekst, p.period, initiative_url(t.id),
                                      when(p.period, today), track))
        for m in t.milepaele:
            items.append(TimelineItem(f"{t.titel}: {m.titel}", "Milepæl", m.dato, m.period,
                                      initiative_url(t.id), when(m.period, today), track))
        moved = expected_change(site, t)
        if moved is not None and moved.line.forventet_slut:
            period = parse_period(moved.line.forventet_slut)
            items.append(TimelineItem(
                f"{t.titel}: forventet slut (statusrunden {format_date_da(moved.round.dato)})",
                "Forventet slut", moved.line.forventet_slut, period, initiative_url(t.id),
                when(period, today), track))
    for m in site.moeder.moeder:
        written = format_date_da(m.dato) if m.dato else (m.periode or "")
        items.append(TimelineItem(m.titel, m.type.capitalize(), written, m.period,
                                  meeting_url(m.id, site), when(m.period, today)))
    for f in site.faser.faser:
        if f.periode:
            period = parse_period(f.periode)
            items.append(TimelineItem(f.titel, "Fase", f.periode_som_skrevet, period,
                                      f"processen/#{f.id}", when(period, today)))
    return sorted(items, key=lambda i: i.sort_key)


def group_by_half_year(items: list[TimelineItem]) -> list[tuple[str, list[TimelineItem]]]:
    groups: dict[str, list[TimelineItem]] = {}
    for item in items:
        groups.setdefault(half_year_label(item.period.start), []).append(item)
    return list(groups.items())


def by_track(site: SiteData, initiatives: Iterable[model.Tiltag],
             ) -> list[tuple[model.Spor, list[model.Tiltag]]]:
    """Initiatives grouped by development track, in the plan's track order, leaving out tracks
    without any. One pass over the initiatives: a page of a view does not scan every track."""
    groups: dict[str, list[model.Tiltag]] = {}
    for t in initiatives:
        groups.setdefault(t.spor, []).append(t)
    return [(track, groups[track.id]) for track in site.spor.spor if track.id in groups]


def undated_initiatives(site: SiteData) -> list[model.Tiltag]:
    return [t for t in site.tiltag.tiltag if not t.perioder and not t.milepaele]


def next_steps(site: SiteData, today: dt.date, months: int = 6,
               timeline: list[TimelineItem] | None = None) -> list[TimelineItem]:
    """What starts or is due from today and the coming months (of `timeline`, if the caller
    has the timeline already)."""
    horizon = today + dt.timedelta(days=months * 31)
    items = timeline if timeline is not None else timeline_items(site, today)
    return [i for i in items
            if today <= (i.period.end or i.period.start) and i.period.start <= horizon]


def planned_span(t: model.Tiltag) -> tuple[dt.date, dt.date | None] | None:
    """The whole planned span of an initiative: earliest start to latest end (None = open)."""
    periods = [p.period for p in t.perioder] + [m.period for m in t.milepaele]
    if not periods:
        return None
    start = min(p.start for p in periods)
    end = None if any(p.end is None for p in periods) else max(p.end for p in periods if p.end)
    return start, end


def expected_change(site: SiteData, t: model.Tiltag) -> rounds.Entry | None:
    """The newest round's line when it expects an end other than the plan's (the plan stays
    as written; the current schedule is the plan with this end)."""
    entry = site.status_of(t.id)
    expected = entry.line.expected_end if entry else None
    if entry is None or expected is None:
        return None
    return entry if expected.end != rounds.plan_end(t) else None


def current_end(site: SiteData, t: model.Tiltag) -> dt.date | None:
    """The end as now expected: the newest round's `forventet_slut`, else the plan's end."""
    entry = site.status_of(t.id)
    expected = entry.line.expected_end if entry else None
    if expected is not None:
        return expected.end
    span = planned_span(t)
    return span[1] if span else None


def is_overdue(site: SiteData, t: model.Tiltag, today: dt.date) -> bool:
    """The end as now expected has passed and the initiative is not reported finished."""
    end = current_end(site, t)
    if end is None or status_of(site, t) == model.Status.AFSLUTTET:
        return False
    return end < today and t.faktisk_slut is None


def overdue(site: SiteData, initiatives: Iterable[model.Tiltag], today: dt.date,
            ) -> list[tuple[model.Tiltag, dt.date]]:
    """Overdue initiatives with the end they passed, in the order given."""
    out = []
    for t in initiatives:
        end = current_end(site, t)
        if end and is_overdue(site, t, today):
            out.append((t, end))
    return out


@dataclass
class StatusRow:
    track: model.Spor
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


STATUS_COLUMNS = [s.value for s in model.Status] + [NO_STATUS]
# With more tracks than this, the status page's table per track would outgrow the page: it then
# shows the totals, and each track's counts stand at the track in the paged list of initiatives.
STATUS_TRACK_ROWS = 40


def status_rows(site: SiteData) -> list[StatusRow]:
    rows = [StatusRow(track) for track in site.spor.spor]
    by_id = {row.track.id: row for row in rows}
    for t in site.tiltag.tiltag:
        by_id[t.spor].counts[status_label(site, t)] += 1
    return rows


def round_counts(r: rounds.Statusrunde) -> list[tuple[str, int]]:
    """The statuses a round reports, with how many initiatives have each, in the list's order."""
    found = Counter(line.status.value for line in r.tiltag)
    return [(s.value, found[s.value]) for s in model.Status if found[s.value]]


def last_status_report(site: SiteData) -> dt.date | None:
    newest = site.newest_round()
    return newest.dato if newest else None


@dataclass(frozen=True)
class RecommendationRow:
    recommendation: model.Anbefaling
    initiatives: list[model.Tiltag]


def recommendation_rows(site: SiteData) -> list[RecommendationRow]:
    """Each recommendation with the initiatives answering it, grouped by sender in the order
    the matrix shows them (senders alphabetically, as Jinja's groupby sorts them)."""
    answering: dict[str, list[model.Tiltag]] = {}
    for t in site.tiltag.tiltag:
        for ref in t.anbefalinger:
            answering.setdefault(ref, []).append(t)
    rows = [RecommendationRow(a, answering.get(a.id, [])) for a in site.anbefalinger.anbefalinger]
    return sorted(rows, key=lambda row: row.recommendation.afsender)


# The matrix lists at most this many initiatives per recommendation (each initiative's page
# names the recommendations it answers), and a page of it at most RECOMMENDATIONS_PAGE_WEIGHT
# rows and listed initiatives together, so no page grows with the plan.
RECOMMENDATION_SHOWN = 20
RECOMMENDATIONS_PAGE_WEIGHT = 120


def recommendation_weight(row: RecommendationRow) -> int:
    return 1 + min(len(row.initiatives), RECOMMENDATION_SHOWN)


def chunked(items: Sequence[Any], size: int,
            weight: Callable[[Any], int] = lambda item: 1) -> list[Sequence[Any]]:
    """Consecutive runs of items whose total weight stays within size (at least one each)."""
    chunks: list[Sequence[Any]] = []
    start, total = 0, 0
    for index, item in enumerate(items):
        cost = weight(item)
        if index > start and total + cost > size:
            chunks.append(items[start:index])
            start, total = index, 0
        total += cost
    chunks.append(items[start:])
    return chunks


# The page of the matrix each recommendation is on, for the build's SiteData only (an initiative
# page links each recommendation it answers: thousands of look-ups at scale). Held by a weak
# reference to that SiteData, so a new build's data is never answered from an old build's.
_recommendation_pages: list[tuple[weakref.ref[SiteData], dict[str, int]]] = []


def recommendation_url(recommendation_id: str, site: SiteData) -> str:
    """The recommendation's row in the matrix, on whichever page of it it falls."""
    if not (_recommendation_pages and _recommendation_pages[0][0]() is site):
        chunks = chunked(recommendation_rows(site), RECOMMENDATIONS_PAGE_WEIGHT,
                         recommendation_weight)
        pages = {row.recommendation.id: number
                 for number, chunk in enumerate(chunks, 1) for row in chunk}
        _recommendation_pages[:] = [(weakref.ref(site), pages)]
    page = _recommendation_pages[0][1].get(recommendation_id, 1)
    base = "anbefalinger/" if page == 1 else f"anbefalinger/side-{page}/"
    return f"{base}#{recommendation_id}"


def initiatives_for_meeting(site: SiteData, meeting: model.Moede) -> list[model.Tiltag]:
    """Both directions count: the meeting lists the initiative, or the initiative the meeting."""
    ids = set(meeting.tiltag) | {t.id for t in site.tiltag.tiltag if meeting.id in t.moeder}
    return [t for t in site.tiltag.tiltag if t.id in ids]


def meetings_for_initiative(site: SiteData, initiative: model.Tiltag) -> list[model.Moede]:
    return [m for m in site.moeder.moeder
            if m.id in initiative.moeder or initiative.id in m.tiltag]

"""Overview pages that stay small as the plan grows: each view is split into numbered pages.

A small plan (the real one) shows everything on one page. When a view has more items than its
page size, its Markdown page shows page 1 with a pager, and pages 2..N are generated beside it
(`gantt/side-2/` …), so no HTML page grows with the number of initiatives. The same functions
render page 1 (from the macro) and the generated pages, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from macros.data import model
from macros.data.loading import SiteData
from macros.history.record import History
from macros.views import changes as hist
from macros.views import gantt
from macros.views import viewmodels as views
from macros.views.rendering import Renderer

# A pager lists every page up to this many; beyond, the first and last page, the current one
# and its neighbours, so its size (and each page's) does not grow with the plan.
FULL_PAGER = 9
PAGER_NEIGHBOURS = 2


def shown_page_numbers(number: int, count: int) -> list[int | None]:
    """The page numbers a pager links, in order, with None where pages are skipped."""
    if count <= FULL_PAGER:
        return list(range(1, count + 1))
    keep = {1, count, *range(max(1, number - PAGER_NEIGHBOURS),
                             min(count, number + PAGER_NEIGHBOURS) + 1)}
    shown: list[int | None] = []
    previous = 0
    for n in sorted(keep):
        if n - previous > 1:
            shown.append(None)
        shown.append(n)
        previous = n
    return shown


@dataclass(frozen=True)
class Pager:
    base_url: str  # the view's own page, e.g. 'gantt/'
    number: int
    count: int
    # (number, url, what the page covers) per linked page; None where pages are skipped
    pages: tuple[tuple[int, str, str] | None, ...]
    title: str = ""  # the view's heading, e.g. 'Ændringer': what the pager's label names

    def url(self, number: int) -> str:
        return page_url(self.base_url, number)


def page_url(base_url: str, number: int) -> str:
    """The address of page `number` of the view at base_url ('gantt/' -> 'gantt/side-2/')."""
    return base_url if number == 1 else f"{base_url}side-{number}/"


@dataclass(frozen=True)
class PagedView:
    base_url: str
    title: str
    template: str
    size: int
    items: Callable[[SiteData, dt.date], Sequence[Any]]
    context: Callable[[SiteData, dt.date, Sequence[Any], bool], dict[str, Any]]
    label: Callable[[Sequence[Any]], str]
    data_name: str = "tiltag"  # the data its items come from (SiteData.edit_path)
    # How much of the page an item takes; `size` is the budget per page in these units.
    weight: Callable[[Any], int] = lambda item: 1


chunked = views.chunked  # consecutive runs of items within a page's weight (viewmodels.py)


def pager_for(view: PagedView, chunks: list[Sequence[Any]], number: int) -> Pager:
    pages = tuple(None if n is None else (n, page_url(view.base_url, n), view.label(chunks[n - 1]))
                  for n in shown_page_numbers(number, len(chunks)))
    return Pager(view.base_url, number, len(chunks), pages, view.title)


def view_chunks(view: PagedView, site: SiteData, today: dt.date) -> list[Sequence[Any]]:
    """The items of each page of a view."""
    return chunked(view.items(site, today), view.size, view.weight)


def render_page(view: PagedView, renderer: Renderer, number: int,
                chunks: list[Sequence[Any]] | None = None) -> str:
    """The HTML of page `number` of a view, with a pager when there is more than one page.

    Pass `chunks` (from `view_chunks`) when rendering every page of a view: working out the
    items (a timeline of every dated item, say) once, not once per page, keeps the build
    linear in the number of initiatives."""
    site, today = renderer.site, renderer.today
    if chunks is None:
        chunks = view_chunks(view, site, today)
    chunk = chunks[number - 1]
    context = view.context(site, today, chunk, number == len(chunks))
    pager = pager_for(view, chunks, number)
    body = renderer.render(view.template, **context)
    if pager.count == 1:
        return body
    # The same pager above and below the list: each its own label, so the two navigation
    # regions can be told apart in a screen reader's list of landmarks.
    above = renderer.render("pager.html", pager=pager, where="øverst")
    below = renderer.render("pager.html", pager=pager, where="nederst")
    return f"{above}\n\n{body}\n\n{below}"


def page_count(view: PagedView, site: SiteData, today: dt.date) -> int:
    return len(view_chunks(view, site, today))


# --- The paged views ----------------------------------------------------------------------

def _initiatives(site: SiteData, today: dt.date) -> Sequence[model.Tiltag]:
    order = {track.id: i for i, track in enumerate(site.spor.spor)}
    return sorted(site.tiltag.tiltag, key=lambda t: order[t.spor])


def _track_label(site: SiteData) -> Callable[[Sequence[model.Tiltag]], str]:
    def label(chunk: Sequence[model.Tiltag]) -> str:
        if not chunk:
            return ""
        first, last = site.track(chunk[0].spor).titel, site.track(chunk[-1].spor).titel
        return first if first == last else f"{first} – {last}"

    return label


def _date_label(chunk: Sequence[views.TimelineItem]) -> str:
    if not chunk:
        return ""
    return f"{views.half_year_label(chunk[0].period.start)} – " \
           f"{views.half_year_label(chunk[-1].period.start)}"


def _filters(site: SiteData, items: Sequence[model.Tiltag]) -> list[tuple[str, str, list[str]]]:
    present = {t.spor for t in items}
    return [
        ("spor", "Udviklingsspor", [s.titel for s in site.spor.spor if s.id in present]),
        ("niveau", "Niveau", sorted({t.niveau or "Ikke angivet" for t in items})),
        ("ansvarlig", "Ansvarlig", sorted({t.ansvarlig or "Ikke angivet" for t in items})),
        ("status", "Status", [s for s in views.STATUS_COLUMNS
                              if any(views.status_label(site, t) == s for t in items)]),
    ]


def _recommendation_label(chunk: Sequence[views.RecommendationRow]) -> str:
    if not chunk:
        return ""
    first = chunk[0].recommendation
    return f"{first.afsender}: {first.titel[:40]} …"


def _status_context(site: SiteData, today: dt.date,
                    chunk: Sequence[model.Tiltag]) -> dict[str, Any]:
    """A page of the status list; with many tracks, each track's counts at its heading (the
    overview above the list then shows only the totals, statusoverblik)."""
    counts = None
    if len(site.spor.spor) > views.STATUS_TRACK_ROWS:
        counts = {row.track.id: row for row in views.status_rows(site)}
    return {"initiatives": chunk, "overdue": views.overdue(site, chunk, today),
            "track_counts": counts, "columns": views.STATUS_COLUMNS}


def _gantt_context(chart: gantt.Chart) -> dict[str, object]:
    return {"chart": chart, "phone": gantt.phone_chart(chart)}


def build_views(site: SiteData, history: History) -> dict[str, PagedView]:
    track_label = _track_label(site)
    return {
        "plan": PagedView(
            "plan/", "Tids- og procesplan", "plan_table.html", 40, _initiatives,
            lambda s, d, chunk, last: {"initiatives": chunk}, track_label),
        "tiltag": PagedView(
            "tiltag/", "Alle tiltag", "initiatives.html", 60, _initiatives,
            lambda s, d, chunk, last: {"initiatives": chunk, "filters": _filters(s, chunk)},
            track_label),
        "gantt": PagedView(
            "gantt/", "Planen i tid", "gantt.html", 60, _initiatives,
            lambda s, d, chunk, last: _gantt_context(gantt.build_chart(s, d, history, chunk)),
            track_label,
            weight=lambda t: 1 + len(t.perioder) + len(t.milepaele)),
        "tidslinje": PagedView(
            "tidslinje/", "Tidslinje", "timeline.html", 80,
            lambda s, d: views.timeline_items(s, d),
            lambda s, d, chunk, last: {
                "groups": views.group_by_half_year(list(chunk)),
                "undated": views.undated_initiatives(s) if last else []},
            _date_label),
        "status": PagedView(
            "status/", "Status", "status_list.html", 80, _initiatives,
            lambda s, d, chunk, last: _status_context(s, d, chunk), track_label),
        "anbefalinger": PagedView(
            "anbefalinger/", "Anbefalinger", "recommendation_matrix.html",
            views.RECOMMENDATIONS_PAGE_WEIGHT, lambda s, d: views.recommendation_rows(s),
            lambda s, d, chunk, last: {"rows": chunk}, _recommendation_label, "anbefalinger",
            weight=views.recommendation_weight),
        "beslutninger": PagedView(
            "beslutninger/", "Beslutninger og møder", "meetings.html", views.MEETINGS_PER_PAGE,
            lambda s, d: list(s.moeder.moeder),
            lambda s, d, chunk, last: {"meetings": chunk},
            lambda chunk: f"{chunk[0].titel[:40]} …" if chunk else "",
            "moeder"),
        "aendringer": PagedView(
            "aendringer/", "Ændringer", "changes.html", hist.CHANGES_PER_PAGE,
            lambda s, d: history.changes,
            lambda s, d, chunk, last: {"changes": chunk}, hist.day_label, "docs/aendringer.md"),
    }

"""The macros and variables a Markdown page may use (pages with `render_macros: true`).

One table: the adapter's `define_env` registers each entry with mkdocs-macros, and the editors'
check (`./dev check`) reads the names from it, so a page that calls a macro that does not exist
is refused by both. Each macro gets the page's Renderer first and returns the view's HTML held
out of Markdown (htmlstash.py). No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.data import model, rhythm
from macros.data.loading import SiteData
from macros.data.model import Kildehenvisning
from macros.views import paging
from macros.views import viewmodels as views
from macros.views.rendering import Renderer

Macro = Callable[..., str]


def _view(r: Renderer, template: str, **context: Any) -> str:
    return r.hold(r.render(template, **context))


def moeder(r: Renderer, *ids: str, type: str | None = None) -> str:
    items = [m for m in r.site.moeder.moeder
             if (not ids or m.id in ids) and (type is None or m.type == type)]
    return _view(r, "meetings.html", meetings=items)


def faser(r: Renderer, *ids: str) -> str:
    return _view(r, "phases.html", phases=[f for f in r.site.faser.faser if not ids or f.id in ids])


def ordliste(r: Renderer) -> str:
    terms = sorted(r.site.ordliste.termer, key=lambda t: t.term.lower())
    return _view(r, "glossary.html", terms=terms)


def anbefalinger(r: Renderer, afsender: str | None = None) -> str:
    items = [a for a in r.site.anbefalinger.anbefalinger
             if afsender is None or a.afsender == afsender]
    return _view(r, "recommendations.html", recommendations=items)


def kilde(r: Renderer, dokument: str, sted: str | None = None) -> str:
    return _view(r, "source.html", ref=Kildehenvisning(dokument=dokument, sted=sted))


def _paged(key: str) -> Macro:
    """Page 1 of an overview view; pages 2..N are generated (macros/views/pages.py)."""
    def page_one(r: Renderer) -> str:
        view = paging.build_views(r.site, r.history)[key]
        return r.hold(paging.render_page(view, r, 1))
    return page_one


def statusrytme(r: Renderer) -> str:
    return _view(r, "status_rhythm.html", rhythm=rhythm.rhythm(r.site, r.today))


def naeste_skridt(r: Renderer, maaneder: int = 6, hoejst: int = 10) -> str:
    timeline = views.timeline_items(r.site, r.today)
    items = views.next_steps(r.site, r.today, maaneder, timeline)
    latest = sorted(timeline, key=lambda i: i.period.end or i.period.start)[-3:]
    return _view(r, "next_steps.html", items=items[:hoejst], more=len(items) - hoejst,
                 latest=latest, months=maaneder)


def statusoverblik(r: Renderer) -> str:
    rows = views.status_rows(r.site)
    totals = {s: sum(row.counts[s] for row in rows) for s in views.STATUS_COLUMNS}
    # Many tracks: the totals here, each track's counts in the paged list (paging.py).
    summarised = len(rows) > views.STATUS_TRACK_ROWS
    return _view(r, "status.html", rows=[] if summarised else rows, track_count=len(rows),
                 columns=views.STATUS_COLUMNS, totals=totals,
                 last_report=views.last_status_report(r.site),
                 overdue_count=len(views.overdue(r.site, r.site.tiltag.tiltag, r.today)),
                 definitions=model.STATUS_DEFINITIONS)


MACROS: dict[str, Macro] = {
    "moeder": moeder,
    "faser": faser,
    "ordliste": ordliste,
    "anbefalinger": anbefalinger,
    "analyseforloeb": lambda r: _view(r, "analysis_tracks.html"),
    "kilde": kilde,
    "kildeliste": lambda r: _view(r, "sources.html"),
    "anbefalingsmatrix": _paged("anbefalinger"),
    "tids_og_procesplan": _paged("plan"),
    "tiltagsoversigt": _paged("tiltag"),
    "gantt_plan": _paged("gantt"),
    "tidslinje": _paged("tidslinje"),
    "statusliste": _paged("status"),
    "beslutningsregister": _paged("beslutninger"),
    "aendringsliste": _paged("aendringer"),
    "statusrytme": statusrytme,
    "naeste_skridt": naeste_skridt,
    "statusoverblik": statusoverblik,
    "fortolkninger": lambda r: _view(r, "interpretations.html"),
}

VARIABLES: dict[str, Callable[[SiteData], Any]] = {
    "identitet": lambda site: site.identity,
    "antal_tiltag": lambda site: len(site.tiltag.tiltag),
    "antal_spor": lambda site: len(site.spor.spor),
}

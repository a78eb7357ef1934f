"""mkdocs-macros entry point: wiring only. The macros render views from validated data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros.build.context import build_date
from macros.data import model
from macros.data.loading import load_site_data
from macros.data.model import Kildehenvisning
from macros.history import rhythm
from macros.views import paging
from macros.views import viewmodels as views
from macros.views.htmlstash import STASH
from macros.views.rendering import Renderer


def define_env(env: Any) -> None:
    root = Path(env.project_dir)

    def renderer() -> Renderer:
        return Renderer(load_site_data(root), build_date(), env.page.url if env.page else "")

    # Views go into the page as placeholders; hooks.py puts the HTML back after Markdown.
    def view(template: str, **context: Any) -> str:
        return STASH.hold(renderer().render(template, **context))

    site = load_site_data(root)
    env.variables["antal_tiltag"] = len(site.tiltag.tiltag)
    env.variables["antal_spor"] = len(site.spor.spor)

    @env.macro
    def moeder(*ids: str, type: str | None = None) -> str:
        items = [m for m in renderer().site.moeder.moeder
                 if (not ids or m.id in ids) and (type is None or m.type == type)]
        return view("meetings.html", meetings=items)

    @env.macro
    def faser(*ids: str) -> str:
        items = [f for f in renderer().site.faser.faser if not ids or f.id in ids]
        return view("phases.html", phases=items)

    @env.macro
    def ordliste() -> str:
        terms = sorted(renderer().site.ordliste.termer, key=lambda t: t.term.lower())
        return view("glossary.html", terms=terms)

    @env.macro
    def anbefalinger(afsender: str | None = None) -> str:
        items = [a for a in renderer().site.anbefalinger.anbefalinger
                 if afsender is None or a.afsender == afsender]
        return view("recommendations.html", recommendations=items)

    @env.macro
    def analyseforloeb() -> str:
        return view("analysis_tracks.html")

    @env.macro
    def kilde(dokument: str, sted: str | None = None) -> str:
        return view("source.html", ref=Kildehenvisning(dokument=dokument, sted=sted))

    @env.macro
    def kildeliste() -> str:
        return view("sources.html")

    @env.macro
    def anbefalingsmatrix() -> str:
        return view("recommendation_matrix.html")

    def paged(key: str) -> str:
        r = renderer()
        return STASH.hold(paging.render_page(paging.build_views(r.site)[key], r, 1))

    # The overview views show page 1 here; pages 2..N are generated (macros/views/pages.py).
    env.macro(lambda: paged("plan"), "tids_og_procesplan")
    env.macro(lambda: paged("tiltag"), "tiltagsoversigt")
    env.macro(lambda: paged("gantt"), "gantt_plan")
    env.macro(lambda: paged("tidslinje"), "tidslinje")
    env.macro(lambda: paged("status"), "statusliste")
    env.macro(lambda: paged("beslutninger"), "beslutningsregister")
    env.macro(lambda: paged("aendringer"), "aendringsliste")

    @env.macro
    def statusrytme() -> str:
        r = renderer()
        return STASH.hold(r.render("status_rhythm.html", rhythm=rhythm.rhythm(r.site, r.today)))

    @env.macro
    def naeste_skridt(maaneder: int = 6, hoejst: int = 10) -> str:
        r = renderer()
        timeline = views.timeline_items(r.site, r.today)
        items = views.next_steps(r.site, r.today, maaneder, timeline)
        latest = sorted(timeline, key=lambda i: i.period.end or i.period.start)[-3:]
        return STASH.hold(r.render("next_steps.html", items=items[:hoejst],
                                   more=len(items) - hoejst, latest=latest, months=maaneder))

    @env.macro
    def statusoverblik() -> str:
        r = renderer()
        rows = views.status_rows(r.site)
        totals = {s: sum(row.counts[s] for row in rows) for s in views.STATUS_COLUMNS}
        return STASH.hold(r.render(
            "status.html", rows=rows, columns=views.STATUS_COLUMNS, totals=totals,
            last_report=views.last_status_report(r.site),
            overdue_count=len(views.overdue(r.site, r.site.tiltag.tiltag, r.today)),
            definitions=model.STATUS_DEFINITIONS))

    @env.macro
    def fortolkninger() -> str:
        return view("interpretations.html")

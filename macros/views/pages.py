"""Page generation: one page per initiative, per track and per source document, and pages 2..N
of paged views.

Returns (path, markdown, edit path) triples; the plugin (macros/adapter/pages.py) turns them
into generated files.
Titles go into front matter as JSON strings (valid YAML), HTML-escaped because the theme prints
page titles unescaped, so no data text can break the page or inject markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from macros.data import model
from macros.data.loading import SiteData
from macros.data.periods import format_date_da
from macros.data.sources import SourceText
from macros.runtime import parallel
from macros.views import paging
from macros.views import viewmodels as views
from macros.views.context import BuildContext
from macros.views.rendering import Renderer
from macros.views.roundreport import CHANGES_SHOWN, LINES_PER_PAGE, RoundReport, round_report


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. 'tiltag/faelles-handleplan.md'; '.css': a stylesheet, not a page
    markdown: str
    edit_path: str  # the data file an editor changes, relative to the repository root


def _front_matter_value(text: str) -> str:
    return json.dumps(html.escape(" ".join(text.split()), quote=False), ensure_ascii=False)


def _page_url(src_uri: str) -> str:
    return src_uri.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"


def track_view(site: SiteData, track_id: str, rows: list[model.Tiltag]) -> paging.PagedView:
    track = site.track(track_id)
    return paging.PagedView(
        views.track_url(track_id), f"Spor: {track.titel}", "track_list.html", 60,
        lambda s, d: rows, lambda s, d, chunk, last: {"initiatives": chunk},
        lambda chunk: f"{chunk[0].titel[:30]} …" if chunk else "", "data/spor.yml")


def _markdown_text(text: str) -> str:
    """Text as literal Markdown inline content (a title from data may hold * or [)."""
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", html.escape(text, quote=False))


def _paged_page(view: paging.PagedView, renderer: Renderer, number: int,
                chunks: list[Sequence[Any]], src: str) -> GeneratedPage:
    count = len(chunks)
    markdown = renderer.render(
        "paged.md",
        title_yaml=_front_matter_value(f"{view.title} – side {number} af {count}"),
        heading_md=_markdown_text(f"{view.title} – side {number} af {count}"),
        description_yaml=_front_matter_value(f"{view.title}, side {number} af {count}."),
        body=renderer.hold(paging.render_page(view, renderer, number, chunks)),
    )
    return GeneratedPage(src, markdown, renderer.site.edit_path(view.data_name))


# Numbers for the HTML blocks the second process holds (macros/views/htmlstash.py): far above any
# this process reaches.
_CHILD_BLOCKS_FROM = 10**9


def generated_pages(build: BuildContext) -> list[GeneratedPage]:
    """Every generated page, rendered by two processes where the build may fork
    (macros/runtime/parallel.py): at 1 000 initiatives rendering them is the largest part of our
    own work in a build."""
    site, today, stash = build.site, build.today, build.stash
    jobs: list[Callable[[], GeneratedPage]] = []
    for t in site.tiltag.tiltag:
        jobs.append(functools.partial(_initiative_page, build, t))
    paged = list(paging.build_views(site, build.history).values())
    in_track = {track.id: rows for track, rows in views.by_track(site, site.tiltag.tiltag)}
    for track in site.spor.spor:
        rows = in_track.get(track.id, [])
        view = track_view(site, track.id, rows)
        jobs.append(functools.partial(_track_page, build, track, view, len(rows)))
        paged.append(view)
    for kilde in site.kilder.kilder:
        jobs.append(functools.partial(_source_page, build, kilde))
    for r in site.statusrunder:
        report = round_report(site, r.dato)
        view = round_view(report)
        jobs.append(functools.partial(_round_page, build, report, view))
        jobs.append(functools.partial(_round_print_css, build, r.dato))
        paged.append(view)
    for view in paged:
        chunks = paging.view_chunks(view, site, today)
        for number in range(2, len(chunks) + 1):
            src = paging.page_url(view.base_url, number).rstrip("/") + ".md"
            renderer = Renderer(build, _page_url(src))
            jobs.append(functools.partial(_paged_page, view, renderer, number, chunks, src))

    def child_numbers_its_own_blocks() -> None:
        stash.clear()
        stash.number_from(_CHILD_BLOCKS_FROM)

    return parallel.split_map(lambda job: job(), jobs, enabled=build.parallel,
                              in_child=child_numbers_its_own_blocks,
                              child_state=stash.held, merge_state=stash.take_over)


def _initiative_page(build: BuildContext, t: model.Tiltag) -> GeneratedPage:
    site = build.site
    src = views.initiative_url(t.id).rstrip("/") + ".md"
    renderer = Renderer(build, _page_url(src))
    track = site.track(t.spor)
    description = f"Tiltag i sporet {track.titel}: {t.tidspunkt or 'ingen tidsangivelse'}"
    markdown = renderer.render(
        "initiative.md", t=t, track=track,
        title_yaml=_front_matter_value(t.titel),
        description_yaml=_front_matter_value(description[:300]),
    )
    return GeneratedPage(src, markdown, site.edit_path("tiltag", t.id))


def _track_page(build: BuildContext, track: model.Spor, view: paging.PagedView,
                count: int) -> GeneratedPage:
    src = views.track_url(track.id).rstrip("/") + ".md"
    renderer = Renderer(build, _page_url(src))
    markdown = renderer.render(
        "track.md", track=track, count=count,
        list_html=renderer.hold(paging.render_page(view, renderer, 1)),
        title_yaml=_front_matter_value(f"Spor: {track.titel}"),
        description_yaml=_front_matter_value(
            f"De {count} tiltag i udviklingssporet {track.titel}."),
    )
    return GeneratedPage(src, markdown, "data/spor.yml")


# The search ranks a source page's records by this factor (1 is a normal page; Pagefind reads
# `soeg_vaegt`): the sources repeat what the site's own pages say, so a
# search finds those first and the source below.
SOURCE_SEARCH_BOOST = 0.3


def source_page_anchors(text: SourceText) -> frozenset[str]:
    """Every id source_page.md gives a source's page, so `./dev check` can check a link to a
    passage without a build (tests/test_one_set_of_rules.py holds it to the built pages)."""
    ids = {"titel", "dokumentets-tekst"} | ({"sagsnummer"} if text.case_number else set())
    for section in text.sections:
        ids.add(section.anchor)
        if section.heading:
            ids.add(f"{section.anchor}-overskrift")
    return frozenset(ids | {p.anchor for p in text.passages})


def _source_page(build: BuildContext, kilde: model.Kilde) -> GeneratedPage:
    site = build.site
    src = views.source_url(kilde.id).rstrip("/") + ".md"
    renderer = Renderer(build, _page_url(src))
    corrections = next((r.ord for r in site.rettelser.rettelser if r.kilde == kilde.id), [])
    if kilde.id not in site.kildetekster:  # a reference, not transcribed here (yet)
        markdown = renderer.render(
            "source_reference.md", kilde=kilde, search_boost=SOURCE_SEARCH_BOOST,
            title_yaml=_front_matter_value(kilde.titel),
            description_yaml=_front_matter_value(f"Kildedokument: {kilde.beskrivelse}"[:300]))
        return GeneratedPage(src, markdown, "data/kilder.yml")
    markdown = renderer.render(
        "source_page.md", kilde=kilde, text=site.kildetekster[kilde.id], corrections=corrections,
        search_boost=SOURCE_SEARCH_BOOST,
        title_yaml=_front_matter_value(kilde.titel),
        description_yaml=_front_matter_value(f"Kildedokument: {kilde.beskrivelse}"[:300]),
    )
    return GeneratedPage(src, markdown, f"data/kildetekster/{kilde.id}.txt")


def round_view(report: RoundReport) -> paging.PagedView:
    """A round's lines as a paged view: one page for a plan's size, more for a large plan."""
    day = report.round.dato
    return paging.PagedView(
        views.round_url(day), f"Statusrunden {format_date_da(day)}", "round_lines.html",
        LINES_PER_PAGE, lambda s, d: report.lines,
        lambda s, d, chunk, last: {"report": report, "lines": chunk, "last": last},
        lambda chunk: f"{chunk[0].initiative.titel[:30]} …" if chunk else "",
        f"statusrunder/{day.isoformat()}")


def _round_page(build: BuildContext, report: RoundReport,
                view: paging.PagedView) -> GeneratedPage:
    """A round's dated edition: the report the meeting prints (macros/views/roundreport.py)."""
    site = build.site
    day = report.round.dato
    src = views.round_url(day).rstrip("/") + ".md"
    renderer = Renderer(build, _page_url(src))
    meeting = next((m for m in site.moeder.moeder if m.id == report.round.moede), None)
    title = f"Statusrunden {format_date_da(day)}"
    markdown = renderer.render(
        "round.md", report=report, meeting=meeting, cap=CHANGES_SHOWN,
        lines_html=paging.render_page(view, renderer, 1),
        title_yaml=_front_matter_value(title),
        description_yaml=_front_matter_value(
            f"Status på {len(report.lines)} tiltag i {site.identity.strategi.navn}, behandlet "
            f"{format_date_da(day)}, og hvad der er ændret siden runden før."),
    )
    return GeneratedPage(src, markdown, f"data/statusrunder/{day.isoformat()}.yml")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _round_print_css(build: BuildContext, day: dt.date) -> GeneratedPage:
    """The round's printed footer: its date, source and sheet number in the bottom margin of
    every sheet (an @page margin box: its text must come from a stylesheet, and the site's
    security policy allows no inline style, so each round has its own, beside its page)."""
    r = next(x for x in build.site.statusrunder if x.dato == day)
    renderer = Renderer(build)
    source = f"Kilde: {renderer.cite(r.kilde)}" if r.kilde else \
        "Kilde: referatet er ikke offentliggjort her endnu"
    text = f"Statusrunden {format_date_da(day)} · {source} · ark "
    css = ("/* Generated for the printed round (macros/views/pages.py). */\n"
           "@media print {\n  @page runde {\n    @bottom-left {\n"
           f"      content: {_css_string(text)} counter(page) \" af \" counter(pages);\n"
           "      font: 8.5pt system-ui, sans-serif; vertical-align: top; padding-top: 3mm;\n"
           "      border-top: 1px solid #000;\n    }\n  }\n}\n")
    src = views.round_url(day) + "udskrift.css"
    return GeneratedPage(src, css, f"data/statusrunder/{day.isoformat()}.yml")

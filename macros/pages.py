"""Page generation: one page per initiative and per track, and pages 2..N of paged views.

Returns (path, markdown, edit path) triples; the MkDocs hook turns them into generated files.
Titles go into front matter as JSON strings (valid YAML), HTML-escaped because the theme prints
page titles unescaped, so no data text can break the page or inject markup.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from macros import model, paging, views
from macros.htmlstash import STASH
from macros.loading import SiteData
from macros.rendering import Renderer


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. 'tiltag/ansaettelse-fagchefer.md'
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


def _paged_page(view: paging.PagedView, renderer: Renderer, number: int,
                chunks: list[Sequence[Any]], src: str) -> GeneratedPage:
    count = len(chunks)
    markdown = renderer.render(
        "paged.md",
        title_yaml=_front_matter_value(f"{view.title} – side {number} af {count}"),
        description_yaml=_front_matter_value(f"{view.title}, side {number} af {count}."),
        body=STASH.hold(paging.render_page(view, renderer, number, chunks)),
    )
    return GeneratedPage(src, markdown, view.edit_path)


def generated_pages(site: SiteData, today: dt.date) -> list[GeneratedPage]:
    pages = []
    for t in site.tiltag.tiltag:
        src = views.initiative_url(t.id).rstrip("/") + ".md"
        renderer = Renderer(site, today, _page_url(src))
        track = site.track(t.spor)
        description = f"Tiltag i sporet {track.titel}: {t.tidspunkt or 'ingen tidsangivelse'}"
        markdown = renderer.render(
            "initiative.md", t=t, track=track,
            title_yaml=_front_matter_value(t.titel),
            description_yaml=_front_matter_value(description[:300]),
        )
        pages.append(GeneratedPage(src, markdown, "data/tiltag.yml"))
    paged = list(paging.build_views(site).values())
    in_track = {track.id: rows for track, rows in views.by_track(site, site.tiltag.tiltag)}
    for track in site.spor.spor:
        rows = in_track.get(track.id, [])
        view = track_view(site, track.id, rows)
        src = views.track_url(track.id).rstrip("/") + ".md"
        renderer = Renderer(site, today, _page_url(src))
        count = len(rows)
        markdown = renderer.render(
            "track.md", track=track, count=count,
            list_html=STASH.hold(paging.render_page(view, renderer, 1)),
            title_yaml=_front_matter_value(f"Spor: {track.titel}"),
            description_yaml=_front_matter_value(
                f"De {count} tiltag i udviklingssporet {track.titel}."),
        )
        pages.append(GeneratedPage(src, markdown, "data/spor.yml"))
        paged.append(view)
    for view in paged:
        chunks = paging.view_chunks(view, site, today)
        for number in range(2, len(chunks) + 1):
            src = paging.page_url(view.base_url, number).rstrip("/") + ".md"
            renderer = Renderer(site, today, _page_url(src))
            pages.append(_paged_page(view, renderer, number, chunks, src))
    return pages

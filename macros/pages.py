"""Page generation: the Markdown source of one page per initiative and per track.

Returns (path, markdown, edit path) triples; the MkDocs hook turns them into generated files.
Titles go into front matter as JSON strings (valid YAML), HTML-escaped because the theme prints
page titles unescaped, so no data text can break the page or inject markup.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass

from macros import views
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
    return src_uri.removesuffix(".md") + "/"


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
    for track in site.spor.spor:
        src = views.track_url(track.id).rstrip("/") + ".md"
        renderer = Renderer(site, today, _page_url(src))
        rows = [t for t in site.tiltag.tiltag if t.spor == track.id]
        markdown = renderer.render(
            "track.md", track=track, rows=rows,
            title_yaml=_front_matter_value(f"Spor: {track.titel}"),
            description_yaml=_front_matter_value(
                f"De {len(rows)} tiltag i udviklingssporet {track.titel}."),
        )
        pages.append(GeneratedPage(src, markdown, "data/spor.yml"))
    return pages

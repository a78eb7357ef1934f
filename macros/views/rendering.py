"""HTML for the site's data views, from Jinja templates in macros/views/templates/.

One Jinja environment with autoescaping for the whole build: every string from data is escaped,
and templates are compiled once. Links are written relative to the page they appear on, so the
site works under any sub-path. No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from macros.data import model
from macros.data.loading import SiteData
from macros.data.periods import format_date_da, parse_period, period_label
from macros.history.record import History
from macros.views import changes as hist
from macros.views import viewmodels as views
from macros.views.context import BuildContext
from macros.views.htmlstash import HtmlStash

TEMPLATES = Path(__file__).parent / "templates"
# Adjacent cells and terms ("</dt><dd>") render apart, but a text extractor (Material's search
# index, a screen reader's text view) joins their words: "UdviklingssporAdministrativ".
_ADJACENT_CELLS = re.compile(r"(</(?:dt|dd|td|th)>)(?=<(?:dt|dd|td|th)[\s>])")


def spaced_cells(html: str) -> str:
    return _ADJACENT_CELLS.sub(r"\1 ", html)


_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["dato"] = format_date_da


def keep_compiled_templates(folder: Path) -> None:
    """Keep the templates' compiled code in folder (the project's .cache/), so a new build
    process loads it instead of compiling every template again; a template whose source
    changed is compiled anew (Jinja checks each one's checksum). One process compiles each
    template once in any case: the environment lives as long as the process."""
    current = _environment.bytecode_cache
    if not (isinstance(current, FileSystemBytecodeCache) and current.directory == str(folder)):
        folder.mkdir(parents=True, exist_ok=True)
        _environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
_environment.filters["periode"] = lambda text: period_label(parse_period(text))


def _url_breaks(text: str) -> Markup:
    """Web addresses in a text may break after each slash (<wbr>), not inside a word: a phone
    line is narrower than a long address."""
    return Markup(re.sub(r"(https?://)([^\s<\"]+)",
                         lambda m: m.group(1) + m.group(2).replace("/", "/<wbr>"),
                         str(escape(text))))


_environment.filters["url_brud"] = _url_breaks


@pass_context
def _hold(context: Context, html: str) -> Markup:
    """`{% filter hold %}<dl>…</dl>{% endfilter %}` in a Markdown template: see htmlstash.py.
    The block arrives as Markup under autoescape; the placeholder must not be escaped."""
    stash: HtmlStash = context["stash"]
    return Markup(stash.hold(spaced_cells(str(html))))


_environment.filters["hold"] = _hold


def relative_url(target: str, page_url: str) -> str:
    """A link from the page at page_url (e.g. 'plan/') to a site path (e.g. 'tiltag/x/#a')."""
    path, _, anchor = target.partition("#")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    rel = _relative_path(path, base) if path else ""
    if path.endswith("/") and rel not in ("", "."):
        rel += "/"
    if rel == ".":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def _relative_path(path: str, base: str) -> str:
    """posixpath.relpath for site paths, without its calls to os.getcwd(): thousands of links
    per build."""
    to, start = path.strip("/").split("/"), base.strip("/").split("/")
    if "." in to or ".." in to or "." in start or ".." in start:
        return posixpath.relpath(path, base or ".")
    to, start = [p for p in to if p], [p for p in start if p]
    common = 0
    for a, b in zip(to, start, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) or "."


class Renderer:
    """Renders views for one page; `page_url` is that page's URL relative to the site root."""

    def __init__(self, build: BuildContext, page_url: str = "") -> None:
        self.build = build
        self.page_url = page_url

    @property
    def site(self) -> SiteData:
        return self.build.site

    @property
    def today(self) -> dt.date:
        return self.build.today

    @property
    def history(self) -> History:
        return self.build.history

    def hold(self, html: str) -> str:
        """A placeholder for a finished block of HTML (htmlstash.py)."""
        return self.build.stash.hold(html)

    def render(self, template: str, **context: Any) -> str:
        html = _environment.get_template(template).render(
            site=self.site,
            today=self.today,
            views=views,
            model=model,
            history=self.history,
            stash=self.build.stash,
            hist=hist,
            link=lambda target: relative_url(target, self.page_url),
            cite=self.cite,
            cite_places=self.cite_places,
            cite_source=self.cite_source,
            **context,
        )
        return spaced_cells(html)

    def cite_places(self, ref: model.Kildehenvisning) -> list[tuple[str, str]]:
        """(link, label) of each passage the citation names, relative to this page.

        Raises ValueError (Danish) for a place the source does not have; data/ is checked when
        loaded, so this is reached only from a page's own kilde() macro."""
        text = self.site.kildetekster.get(ref.dokument)
        if text is None and any(k.id == ref.dokument for k in self.site.kilder.kilder):
            # A reference without a transcription: the document's page, said plainly.
            return [(relative_url(views.source_url(ref.dokument), self.page_url),
                     (f"{ref.sted} – " if ref.sted else "") + "ikke gengivet her")]
        places = text.resolve_places(ref.sted or "") if text else None
        if not places:
            raise ValueError(f'kilde("{ref.dokument}", "{ref.sted}"): stedet findes ikke i '
                             "kilden – brug en overskrift eller et sted fra kildens side, fx "
                             '"Baggrund" eller "Baggrund, afsnit 2"')
        return [(relative_url(views.source_url(ref.dokument, anchor), self.page_url), label)
                for anchor, label in places]

    def cite_source(self, ref: model.Kildehenvisning) -> str:
        """'sag 24/1234, Udvalget 1. marts 2030'."""
        source = self.site.source(ref.dokument)
        parts = []
        if source.sag:
            parts.append(f"sag {source.sag}")
        else:
            parts.append(f"«{source.titel}»")
        if source.udvalg and source.dato:
            parts.append(f"{source.udvalg} {format_date_da(source.dato)}")
        return ", ".join(parts)

    def cite(self, ref: model.Kildehenvisning | None) -> str:
        """'sag 24/1234, Udvalget 1. marts 2030 – Baggrund'."""
        if ref is None:
            return ""
        text = self.cite_source(ref)
        return f"{text} – {ref.sted}" if ref.sted else text

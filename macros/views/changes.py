"""View models for the history: a change as a Danish sentence, where an item lives, when a
page was last updated, and the planned-against-current lines of an initiative.

Pure functions over a `History` (macros/history) and validated data. Dates shown are commit
dates from git; without history they are None, and the templates then show no date at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from macros.data import model
from macros.data.loading import SiteData
from macros.data.periods import format_date_da
from macros.history.planned import PlannedVsCurrent, planned_vs_current
from macros.history.record import Change, History
from macros.views import viewmodels as views

# Kinds whose title is quoted from the case files (the site's glossary terms and rounds are not).
QUOTED_TITLES = frozenset({"tiltag", "moede", "spor"})
KIND_LABELS = {"tiltag": "Tiltag", "moede": "Møde eller beslutning", "spor": "Udviklingsspor",
               "term": "Ordforklaring", "statusrunde": "Statusrunde"}
FIELD_LABELS = {
    "titel": "Titlen", "beskrivelse": "Beskrivelsen", "tidspunkt": "Iværksættelse (som i planen)",
    "ansvarlig": "Ansvarlig", "bemaerkning": "Bemærkningen", "niveau": "Niveauet",
    "fortolkning": "Læsningen af planens række", "begrundelse": "Begrundelsen",
    "perioder": "Perioderne", "milepaele": "Milepælene",
    "ikke_tegnet": "Tidsangivelserne, der ikke tegnes", "faktisk_start": "Faktisk start",
    "faktisk_slut": "Faktisk afslutning", "kilde": "Kilden", "spor": "Udviklingssporet",
    "pejlemaerker": "Pejlemærkerne", "anbefalinger": "Anbefalingerne", "moeder": "Møderne",
    "dato": "Datoen", "periode": "Perioden", "resume": "Resuméet", "moede": "Mødet",
    "linje": "Linjen om et tiltag",
    "indstilling": "Indstillingen", "indstilling_af": "Indstillet af", "beslutning": "Beslutningen",
    "bilag": "Bilagene", "parter": "Parterne", "udvalg": "Udvalgene", "sag": "Sagsnummeret",
    "type": "Typen", "fravaerende": "Fraværende", "term": "Ordet", "fuld_form": "Den fulde form",
    "forklaring": "Forklaringen", "almen_forklaring": "Almen forklaring",
    "varianter": "Stavemåderne",
}
CHANGES_PER_PAGE = 50


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def _quoted(value: str | None, empty: str = "ingen") -> str:
    return f"«{value}»" if value else empty


def _quoted_html(value: str | None, empty: str = "ingen") -> str:
    # Values quoted from the data carry <q> on the page, so readers' tools (and the LIX
    # measure, macros/editors/page_lix.py) can tell them from the site's own words.
    return f"<q>{escape(value)}</q>" if value else empty


def sentence(change: Change, quoted: Callable[..., str] = _quoted) -> str:
    """What happened, in one Danish sentence (without the item's name)."""
    c = change.change
    if c.action == "tilfoejet":
        return "Lagt på siden."
    if c.action == "fjernet":
        return "Fjernet fra siden."
    if c.action == "tidsplan":
        text = f"{field_label(c.field)} flyttet fra {quoted(c.old)} til {quoted(c.new)}."
        reason = c.reason if quoted is _quoted else escape(c.reason or "")
        return text + (f" Begrundelse: {reason}" if c.reason else "")
    if c.old is None:
        return f"{field_label(c.field)} tilføjet: {quoted(c.new)}."
    if c.new is None:
        return f"{field_label(c.field)} fjernet (var {quoted(c.old)})."
    verb = "rettet" if c.action == "tekst" else "ændret"
    return f"{field_label(c.field)} {verb} fra {quoted(c.old)} til {quoted(c.new)}."


def sentence_html(change: Change) -> Markup:
    """The sentence for a page: escaped, with the quoted values in <q>."""
    return Markup(sentence(change, _quoted_html))


_present: dict[int, tuple[SiteData, dict[str, frozenset[str]]]] = {}


def _ids(site: SiteData) -> dict[str, frozenset[str]]:
    """The ids of each kind in today's data, worked out once per data set (the change page
    asks for every change)."""
    known = _present.get(id(site))
    if known is None or known[0] is not site:
        known = (site, {"tiltag": frozenset(t.id for t in site.tiltag.tiltag),
                        "spor": frozenset(s.id for s in site.spor.spor),
                        "moede": frozenset(m.id for m in site.moeder.moeder),
                        "term": frozenset(t.id for t in site.ordliste.termer),
                        "statusrunde": frozenset(r.dato.isoformat() for r in site.statusrunder)})
        _present.clear()
        _present[id(site)] = known
    return known[1]


def item_url(site: SiteData, kind: str, item_id: str) -> str | None:
    """The item's place on the site, or None when it is gone."""
    if item_id not in _ids(site).get(kind, frozenset()):
        return None
    if kind == "tiltag":
        return views.initiative_url(item_id)
    if kind == "spor":
        return views.track_url(item_id)
    if kind == "moede":
        return views.meeting_url(item_id, site)
    if kind == "statusrunde":
        return views.round_url(dt.date.fromisoformat(item_id))
    return f"ordliste/#{item_id}"


def group_by_day(changes: Sequence[Change]) -> list[tuple[dt.date, list[Change]]]:
    groups: dict[dt.date, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.day, []).append(change)
    return list(groups.items())


def day_label(chunk: Sequence[Change]) -> str:
    if not chunk:
        return ""
    first, last = format_date_da(chunk[0].day), format_date_da(chunk[-1].day)
    return first if first == last else f"{first} – {last}"


@dataclass(frozen=True)
class PlanLine:
    """Planned against current, as one initiative's views print it."""

    compared: PlannedVsCurrent

    @property
    def moved(self) -> str:
        months = self.compared.months
        if months is None or months == 0:
            return "samme slut" if months == 0 else "flyttet"
        word = "måned" if abs(months) == 1 else "måneder"
        return f"{abs(months)} {word} {'senere' if months > 0 else 'tidligere'}"


def plan_line(history: History, t: model.Tiltag) -> PlanLine | None:
    """The comparison, only when the timing has changed since it was first published."""
    compared = planned_vs_current(history, t)
    return PlanLine(compared) if compared is not None and compared.changed else None


def plan_compared(history: History, t: model.Tiltag) -> PlannedVsCurrent | None:
    return planned_vs_current(history, t)


def _newest(*days: dt.date | None) -> dt.date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None


def page_updated(history: History, site: SiteData, src_uri: str, generated: bool,
                 renders_data: bool) -> dt.date | None:
    """When what a page shows last changed in git: a Markdown page's own commits (and data/'s,
    when the page renders data), a generated page's item. None without history."""
    if not history.available:
        return None
    if not generated:
        own = history.page_dates.get(f"docs/{src_uri}")
        return _newest(own, history.data_changed) if renders_data else own
    parts = src_uri.removesuffix(".md").split("/")
    if len(parts) == 2 and parts[0] == "tiltag":
        record = history.record("tiltag", parts[1])
        return record.last_changed if record else None
    if len(parts) == 2 and parts[0] == "spor":
        track = history.record("spor", parts[1])
        days = [track.last_changed if track else None]
        for t in site.tiltag.tiltag:
            if t.spor == parts[1]:
                record = history.record("tiltag", t.id)
                days.append(record.last_changed if record else None)
        return _newest(*days)
    if parts[0] == "aendringer":
        return history.changes[0].day if history.changes else None
    if parts[0] == "nyheder":  # the blog's own index, archive and category pages
        return _newest(*(d for p, d in history.page_dates.items()
                         if p.startswith("docs/nyheder/")))
    return history.data_changed  # pages 2..N of an overview of data/

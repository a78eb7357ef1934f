"""Planned against current: an initiative's timing as first published beside today's, how many
months it moved and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data import model
from macros.data.periods import Period, PeriodError, parse_period
from macros.history.record import History


@dataclass(frozen=True)
class PlannedVsCurrent:
    published: dt.date
    first_texts: tuple[str, ...]  # the periods and milestones as first published
    current_texts: tuple[str, ...]
    first_span: tuple[dt.date, dt.date | None] | None
    current_span: tuple[dt.date, dt.date | None] | None
    reason: str | None

    @property
    def changed(self) -> bool:
        return self.first_texts != self.current_texts

    @property
    def first_only(self) -> tuple[str, ...]:
        """What the first published timing had that today's has not."""
        return tuple(x for x in self.first_texts if x not in self.current_texts)

    @property
    def current_only(self) -> tuple[str, ...]:
        return tuple(x for x in self.current_texts if x not in self.first_texts)

    @property
    def unchanged(self) -> int:
        return len([x for x in self.current_texts if x in self.first_texts])

    @property
    def start_months(self) -> int | None:
        """Months the start moved (positive: later)."""
        if not self.first_span or not self.current_span:
            return None
        return _months(self.first_span[0], self.current_span[0])

    @property
    def end_months(self) -> int | None:
        if not self.first_span or not self.current_span:
            return None
        old, new = self.first_span[1], self.current_span[1]
        return None if old is None or new is None else _months(old, new)

    @property
    def months(self) -> int | None:
        """How far the plan moved: the end's move, or the start's when there is no end."""
        return self.end_months if self.end_months is not None else self.start_months


def _months(old: dt.date, new: dt.date) -> int:
    return (new.year - old.year) * 12 + new.month - old.month


def _texts(periods: list[dict[str, str | None]], milestones: list[dict[str, str]]
           ) -> tuple[str, ...]:
    out = [f"{p['betegnelse']}: {p['tekst']}" if p.get("betegnelse") else str(p["tekst"])
           for p in periods]
    return (*out, *(f"Milepæl: {m['titel']}: {m['dato']}" for m in milestones))


def _span(texts: list[str]) -> tuple[dt.date, dt.date | None] | None:
    periods: list[Period] = []
    for text in texts:
        try:
            periods.append(parse_period(text))
        except PeriodError:  # an old text today's parser reads otherwise: leave it out
            continue
    if not periods:
        return None
    start = min(p.start for p in periods)
    end = None if any(p.end is None for p in periods) else max(p.end for p in periods if p.end)
    return start, end


def planned_vs_current(history: History, t: model.Tiltag) -> PlannedVsCurrent | None:
    """None without history, or for an initiative not yet committed."""
    record = history.record("tiltag", t.id) if history.available else None
    if record is None or record.first_plan is None:
        return None
    first_p, first_m = record.first_plan["perioder"], record.first_plan["milepaele"]
    current_p = [{"tekst": p.tekst, "betegnelse": p.betegnelse} for p in t.perioder]
    current_m = [{"dato": m.dato, "titel": m.titel} for m in t.milepaele]
    moves = [c for c in history.for_item("tiltag", t.id) if c.change.action == "tidsplan"]
    reason = next((c.change.reason for c in moves if c.change.reason), None)
    return PlannedVsCurrent(
        record.published, _texts(first_p, first_m), _texts(current_p, current_m),
        _span([str(p["tekst"]) for p in first_p] + [str(m["dato"]) for m in first_m]),
        _span([p.tekst for p in t.perioder] + [m.dato for m in t.milepaele]),
        reason)

"""Geometry for the Gantt plan: one row per initiative, grouped by track, drawn as inline SVG.

Pure arithmetic from periods to x positions on a month axis. Fuzzy periods (season, quarter,
half-year, year) are flagged so the drawing can show them as fuzzy; open-ended periods run to the
right edge with an arrow. The template draws; every bar carries a text label.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from macros.data import model
from macros.data.loading import SiteData
from macros.data.periods import MONTHS_DA, Period, Precision, period_label
from macros.history.current import current as current_history
from macros.history.planned import PlannedVsCurrent, planned_vs_current

FUZZY = {Precision.SEASON, Precision.QUARTER, Precision.HALF_YEAR, Precision.YEAR}
LABEL_WIDTH = 300
MONTH_WIDTH = 26
ROW_HEIGHT = 30
HEADER_HEIGHT = 40
TRACK_HEIGHT = 28


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    label: str
    written: str
    resolved: str
    fuzzy: bool
    open_ended: bool
    milestone: bool


@dataclass(frozen=True)
class Row:
    y: float
    initiative: model.Tiltag | None
    track: model.Spor
    bars: list[Bar]
    # The span first published, drawn faintly behind the bars when the plan has moved since.
    original: tuple[float, float] | None = None
    compared: PlannedVsCurrent | None = None


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    year_start: bool


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    rows: list[Row]
    ticks: list[Tick]
    today_x: float | None
    today: dt.date


def _month_index(day: dt.date, origin: dt.date) -> float:
    days = (dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
            - dt.date(day.year, day.month, 1)).days
    return (day.year - origin.year) * 12 + day.month - origin.month + (day.day - 1) / days


def _periods(t: model.Tiltag) -> list[tuple[Period, str, bool]]:
    spans = [(p.period, p.betegnelse or "Periode", False) for p in t.perioder]
    return spans + [(m.period, m.titel, True) for m in t.milepaele]


def build_chart(site: SiteData, today: dt.date,
                initiatives: Sequence[model.Tiltag] | None = None) -> Chart:
    """The chart for the given initiatives (default: all), on an axis fitted to them."""
    chosen = list(site.tiltag.tiltag if initiatives is None else initiatives)
    all_periods = [p for t in chosen for p, _, _ in _periods(t)]
    if not all_periods:
        all_periods = [Period(today, today, "", Precision.DAY)]
    history = current_history()
    moved = {}
    for t in chosen:
        compared = planned_vs_current(history, t) if history.available else None
        if compared is not None and compared.changed and compared.first_span is not None:
            moved[t.id] = compared
    first = min([p.start for p in all_periods] + [c.first_span[0] for c in moved.values()
                                                   if c.first_span])
    # The axis covers the plan itself; 'today' is drawn only when it falls inside it.
    last = max([p.end or p.start for p in all_periods]
               + [c.first_span[1] or c.first_span[0] for c in moved.values() if c.first_span])
    origin = dt.date(first.year, (first.month - 1) // 3 * 3 + 1, 1)  # start of first quarter
    months = (last.year - origin.year) * 12 + 12 - origin.month + 1
    axis_end = LABEL_WIDTH + months * MONTH_WIDTH

    def x_of(day: dt.date) -> float:
        return LABEL_WIDTH + _month_index(day, origin) * MONTH_WIDTH

    rows: list[Row] = []
    y = float(HEADER_HEIGHT)
    by_track: dict[str, list[model.Tiltag]] = {}  # one pass, not one scan per track
    for t in chosen:
        by_track.setdefault(t.spor, []).append(t)
    for track in site.spor.spor:
        in_track = by_track.get(track.id)
        if not in_track:
            continue
        rows.append(Row(y, None, track, []))
        y += TRACK_HEIGHT
        for t in in_track:
            bars = []
            for period, label, milestone in _periods(t):
                start = x_of(period.start)
                end_day = period.end + dt.timedelta(days=1) if period.end else None
                end = x_of(end_day) if end_day else axis_end
                bars.append(Bar(start, max(end - start, 4.0), label, period.text,
                                period_label(period), period.precision in FUZZY,
                                period.end is None, milestone))
            original = None
            compared = moved.get(t.id)
            if compared is not None and compared.first_span is not None:
                begin, end_day = compared.first_span
                right = x_of(end_day + dt.timedelta(days=1)) if end_day else axis_end
                original = (x_of(begin), max(right - x_of(begin), 4.0))
            rows.append(Row(y, t, track, bars, original, compared))
            y += ROW_HEIGHT
    ticks = []
    for i in range(months):
        month = (origin.month - 1 + i) % 12
        year = origin.year + (origin.month - 1 + i) // 12
        if month % 3 == 0:
            label = f"{MONTHS_DA[month][:3]}. {year}" if month == 0 else MONTHS_DA[month][:3] + "."
            ticks.append(Tick(LABEL_WIDTH + i * MONTH_WIDTH, label, month == 0))
    axis_last = dt.date(last.year, 12, 31)
    today_x = x_of(today) if origin <= today <= axis_last else None
    return Chart(axis_end + 10, y + 10, rows, ticks, today_x, today)

"""Geometry for the Gantt plan: one row per initiative, grouped by track, drawn as inline SVG.

Pure arithmetic from periods to x positions on a month axis. Fuzzy periods (season, quarter,
half-year, year) are flagged so the drawing can show them as fuzzy; open-ended periods run to the
right edge with an arrow. The template draws; every bar carries a text label.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from macros.data import model, rounds
from macros.data.loading import SiteData
from macros.data.periods import MONTHS_DA, Period, Precision, period_label
from macros.history.planned import PlannedVsCurrent, planned_vs_current
from macros.history.record import History

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
    # From the plan's end to the end the newest round now expects, when that is later.
    expected: tuple[float, float] | None = None
    entry: rounds.Entry | None = None


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    year_start: bool
    month: int = 1  # 1-12 and the year: the phone chart keeps half-years and labels them
    year: int = 0


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


def build_chart(site: SiteData, today: dt.date, history: History,
                initiatives: Sequence[model.Tiltag] | None = None) -> Chart:
    """The chart for the given initiatives (default: all), on an axis fitted to them."""
    chosen = list(site.tiltag.tiltag if initiatives is None else initiatives)
    all_periods = [p for t in chosen for p, _, _ in _periods(t)]
    if not all_periods:
        all_periods = [Period(today, today, "", Precision.DAY)]
    moved = {}
    for t in chosen:
        compared = planned_vs_current(history, t) if history.available else None
        if compared is not None and compared.changed and compared.first_span is not None:
            moved[t.id] = compared
    later = {}  # initiative id -> (its line in the newest round, the plan's end, expected end)
    for t in chosen:
        entry = site.status_of(t.id)
        expected = entry.line.expected_end if entry else None
        plan_end = rounds.plan_end(t)
        if entry and expected and expected.end and plan_end and expected.end > plan_end:
            later[t.id] = (entry, plan_end, expected.end)
    first = min([p.start for p in all_periods] + [c.first_span[0] for c in moved.values()
                                                   if c.first_span])
    # The axis covers the plan itself; 'today' is drawn only when it falls inside it.
    last = max([p.end or p.start for p in all_periods]
               + [c.first_span[1] or c.first_span[0] for c in moved.values() if c.first_span]
               + [end for _, _, end in later.values()])
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
            expected_x = None
            if t.id in later:
                entry, plan_end, end = later[t.id]
                left = x_of(plan_end + dt.timedelta(days=1))
                expected_x = (left, max(x_of(end + dt.timedelta(days=1)) - left, 4.0))
            rows.append(Row(y, t, track, bars, original, compared, expected_x,
                            later[t.id][0] if t.id in later else None))
            y += ROW_HEIGHT
    ticks = []
    for i in range(months):
        month = (origin.month - 1 + i) % 12
        year = origin.year + (origin.month - 1 + i) // 12
        if month % 3 == 0:
            label = f"{MONTHS_DA[month][:3]}. {year}" if month == 0 else MONTHS_DA[month][:3] + "."
            ticks.append(Tick(LABEL_WIDTH + i * MONTH_WIDTH, label, month == 0, month + 1,
                              year))
    axis_last = dt.date(last.year, 12, 31)
    today_x = x_of(today) if origin <= today <= axis_last else None
    return Chart(axis_end + 10, y + 10, rows, ticks, today_x, today)


# The phone chart: the same rows and bars, positioned in percent of the screen's width, so the
# whole plan fits any width without sideways scrolling. Names are written out above each row's
# bars; the axis keeps half-year ticks (quarters are too close at 320 px).
PHONE_MIN_WIDTH = 1.5  # percent: a one-day milestone stays visible (about 4 px at 320 px)


@dataclass(frozen=True)
class PhoneBar:
    left: float  # percent of the axis
    width: float
    bar: Bar


@dataclass(frozen=True)
class PhoneRow:
    row: Row
    bars: list[PhoneBar]
    expected: tuple[float, float] | None = None  # (left, width) in percent, as Row.expected


@dataclass(frozen=True)
class PhoneChart:
    rows: list[PhoneRow]
    ticks: list[Tick]  # x in percent of the axis; half-year starts only
    today: float | None  # percent of the axis, or None when today lies outside the plan


def phone_chart(chart: Chart) -> PhoneChart:
    """The chart's geometry as shares of its time axis (0-100), for drawing at any width."""
    span = max(chart.width - 10 - LABEL_WIDTH, 1.0)

    def share(x: float) -> float:
        return round(min(max((x - LABEL_WIDTH) / span * 100, 0.0), 100.0), 2)

    rows = []
    for row in chart.rows:
        bars = []
        for bar in row.bars:
            width = max(share(bar.x + bar.width) - share(bar.x), PHONE_MIN_WIDTH)
            left = min(share(bar.x), 100 - width)
            bars.append(PhoneBar(round(left, 2), round(width, 2), bar))
        expected = None
        if row.expected is not None:
            begin, size = row.expected
            width = max(share(begin + size) - share(begin), PHONE_MIN_WIDTH)
            expected = (round(min(share(begin), 100 - width), 2), round(width, 2))
        rows.append(PhoneRow(row, bars, expected))
    ticks = [Tick(share(t.x), str(t.year) if t.year_start else "jul.", t.year_start, t.month,
                  t.year) for t in chart.ticks if t.month in (1, 7)]
    # The axis starts on a quarter: name its first month when there is room before the next
    # label (closer, "okt." and "2023" would read as one date).
    if chart.ticks and chart.ticks[0].month not in (1, 7) and (not ticks or ticks[0].x >= 20):
        first = chart.ticks[0]
        ticks.insert(0, Tick(0.0, MONTHS_DA[first.month - 1][:3] + ".", False, first.month,
                             first.year))
    if chart.today_x is None:
        return PhoneChart(rows, ticks, None)
    return PhoneChart(rows, ticks, share(chart.today_x))

"""A status round as a report: its summary, each initiative's line by track, and what changed
since the round before, as each round's page (the dated edition the meeting prints) shows it.

"Before" is, for each initiative, its line in the newest earlier round that reports on it, so an
initiative left out of one round is compared with the last time it was reported. Pure functions
over `SiteData`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from macros.data import model, rounds
from macros.data.loading import SiteData
from macros.data.periods import format_date_da, parse_period
from macros.views import viewmodels as views

# A round of a large plan is split like the overviews (macros/views/paging.py): its lines, this
# many to a page, and each list of changes shows at most this many (every line also says its
# status before). The plan's 18 initiatives stay one page: the printed report.
LINES_PER_PAGE = 60
CHANGES_SHOWN = 25


@dataclass(frozen=True)
class Line:
    """An initiative in the round, with its line before (None: reported for the first time)."""

    initiative: model.Tiltag
    line: rounds.RundeLinje
    before: rounds.Entry | None

    @property
    def status_changed(self) -> bool:
        return self.before is not None and self.before.line.status != self.line.status

    @property
    def end_before(self) -> str | None:
        """The expected end as it stood: the earlier line's, or the plan's end."""
        if self.before is not None and self.before.line.forventet_slut:
            return self.before.line.forventet_slut
        end = rounds.plan_end(self.initiative)
        return f"planens slut {format_date_da(end)}" if end else None

    @property
    def end_moved(self) -> bool:
        """The round names an expected end other than the one that stood before it."""
        if not self.line.forventet_slut:
            return False
        if self.before is not None and self.before.line.forventet_slut:
            return parse_period(self.line.forventet_slut).end != \
                parse_period(self.before.line.forventet_slut).end
        end = rounds.plan_end(self.initiative)
        return end is None or parse_period(self.line.forventet_slut).end != end


@dataclass(frozen=True)
class RoundReport:
    round: rounds.Statusrunde
    previous: rounds.Statusrunde | None
    lines: list[Line]
    not_reported: list[model.Tiltag]

    @property
    def counts(self) -> list[tuple[str, int]]:
        """Each status with its count, in the list's order (zeros too: a printed table)."""
        found = Counter(line.line.status.value for line in self.lines)
        out = [(s.value, found[s.value]) for s in model.Status]
        return out + ([(views.NO_STATUS, len(self.not_reported))] if self.not_reported else [])

    @property
    def changed(self) -> list[Line]:
        return [line for line in self.lines if line.status_changed]

    @property
    def first_time(self) -> list[Line]:
        return [line for line in self.lines if line.before is None]

    @property
    def delayed(self) -> list[Line]:
        return [line for line in self.lines if line.line.status in model.NEEDS_JUSTIFICATION]

    @property
    def completed(self) -> list[Line]:
        return [line for line in self.lines if line.line.status == model.Status.AFSLUTTET
                and (line.before is None or line.before.line.status != model.Status.AFSLUTTET)]

    @property
    def ends_moved(self) -> list[Line]:
        return [line for line in self.lines if line.end_moved]

    def by_track(self, site: SiteData, lines: Sequence[Line] | None = None,
                 ) -> list[tuple[model.Spor, list[Line]]]:
        """The lines (default: all) grouped by track, in the plan's track order."""
        groups: dict[str, list[Line]] = {}
        for line in self.lines if lines is None else lines:
            groups.setdefault(line.initiative.spor, []).append(line)
        return [(track, groups[track.id]) for track in site.spor.spor if track.id in groups]


def round_report(site: SiteData, day: dt.date) -> RoundReport:
    ordered = list(site.statusrunder)
    index = next(i for i, r in enumerate(ordered) if r.dato == day)
    current = ordered[index]
    before = rounds.current_entries(ordered[:index])
    order = {t.id: i for i, t in enumerate(site.tiltag.tiltag)}  # the plan's order
    lines = sorted((Line(site.initiative(line.tiltag), line, before.get(line.tiltag))
                    for line in current.tiltag), key=lambda line: order[line.initiative.id])
    reported = {line.tiltag for line in current.tiltag}
    return RoundReport(current, ordered[index - 1] if index else None, lines,
                       [t for t in site.tiltag.tiltag if t.id not in reported])

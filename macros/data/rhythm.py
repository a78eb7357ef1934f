"""The status rhythm: status is treated every half year (where, the site's identity says),
counted from the newest status round (data/statusrunder/), or from the strategy's approval
when there is none (data/identitet.yml, `godkendt`). Pure date arithmetic over validated data
and a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data.loading import SiteData

RHYTHM_MONTHS = 6


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True)
class Rhythm:
    last_report: dt.date | None
    counted_from: dt.date  # the last report, or the approval
    due: dt.date
    today: dt.date

    @property
    def overdue(self) -> bool:
        return self.today > self.due

    @property
    def days_overdue(self) -> int:
        return max((self.today - self.due).days, 0)


def approved(site: SiteData) -> dt.date:
    return site.identity.godkendt.dato


def rhythm(site: SiteData, today: dt.date) -> Rhythm:
    """Counted from the newest status round (data/statusrunder/), else from the approval."""
    newest = site.newest_round()
    last = newest.dato if newest else None
    start = last or approved(site)
    return Rhythm(last, start, add_months(start, RHYTHM_MONTHS), today)

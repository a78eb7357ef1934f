"""The status rhythm: status is treated every half year (where, the site's identity says),
counted from the last status report, or from the strategy's approval when there is none
(data/identitet.yml, `godkendt`). Pure date arithmetic over validated data and a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data import model
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


def last_report(initiatives: list[model.Tiltag]) -> dt.date | None:
    dates = [e.dato for t in initiatives for e in t.statuslog]
    return max(dates, default=None)


def rhythm(site: SiteData, today: dt.date) -> Rhythm:
    last = last_report(list(site.tiltag.tiltag))
    start = last or approved(site)
    return Rhythm(last, start, add_months(start, RHYTHM_MONTHS), today)


def stale_initiatives(site: SiteData, today: dt.date,
                      ) -> list[tuple[model.Tiltag, dt.date | None]]:
    """Initiatives whose newest status report is older than the rhythm (or missing, once the
    first status after approval is due), with that report's date."""
    out = []
    for t in site.tiltag.tiltag:
        if t.status == model.Status.AFSLUTTET:
            continue
        newest = max((e.dato for e in t.statuslog), default=None)
        if add_months(newest or approved(site), RHYTHM_MONTHS) < today:
            out.append((t, newest))
    return out

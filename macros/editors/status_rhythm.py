"""The editors' reminder of the status rhythm: initiatives whose newest status report is more
than half a year old (or that have none, once the first status after approval was due).
Warnings, not errors: a late status is a fact to publish, not a reason to stop the site."""

from __future__ import annotations

import datetime as dt

from macros.data import rhythm
from macros.data.loading import SiteData
from macros.data.periods import format_date_da
from macros.data.problems import Problem


def status_warnings(site: SiteData, today: dt.date) -> list[Problem]:
    lines = site.lines.get("tiltag", {})
    index = {t.id: i for i, t in enumerate(site.tiltag.tiltag)}
    out = []
    for t, newest in rhythm.stale_initiatives(site, today):
        i = index[t.id]
        line = lines.get(("tiltag", i, "status")) or lines.get(("tiltag", i)) or 1
        since = (f"seneste statusrapport er fra {format_date_da(newest)}" if newest else
                 "tiltaget har ingen statusrapport siden strategiens godkendelse "
                 f"{format_date_da(rhythm.approved(site))}")
        # One file per initiative (data/tiltag/<id>.yml), or the older single file.
        file, field = ((f"data/tiltag/{t.id}.yml", "status") if "tiltag" in site.split
                       else ("data/tiltag.yml", f"tiltag[{i}].status"))
        out.append(Problem(file, line, field,
                           f"status for «{t.id}» er ældre end et halvt år ({since}) – "
                           "tilføj en statusrapport under 'statuslog', når status er behandlet"))
    return out

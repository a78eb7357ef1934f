"""The editors' reminder of the status rhythm: the next half-yearly status round is due half a
year after the newest (or after the approval, before the first). A warning, not an error: a late
round is a fact to publish, not a reason to stop the site."""

from __future__ import annotations

import datetime as dt

from macros.data import rhythm
from macros.data.loading import SiteData
from macros.data.periods import format_date_da
from macros.data.problems import Problem
from macros.data.rounds import FOLDER


def status_warnings(site: SiteData, today: dt.date) -> list[Problem]:
    state = rhythm.rhythm(site, today)
    if not state.overdue:
        return []
    if state.last_report:
        file, field = f"data/{FOLDER}/{state.last_report.isoformat()}.yml", "dato"
        since = f"den seneste statusrunde er fra {format_date_da(state.last_report)}"
    else:
        file, field = f"data/{FOLDER}/", "statusrunde"
        since = ("der er ingen statusrunde siden strategiens godkendelse "
                 f"{format_date_da(rhythm.approved(site))}")
    return [Problem(file, 1, field, (
        f"{'næste' if state.last_report else 'den første'} statusrunde skulle have foreligget "
        f"senest {format_date_da(state.due)} "
        f"({since}; {state.days_overdue} dage for sent) – tilføj runden som "
        f"data/{FOLDER}/<ÅÅÅÅ-MM-DD>.yml (Statusrunder → Opret statusrunde), når status er "
        "behandlet"))]

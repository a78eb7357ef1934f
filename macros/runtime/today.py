"""The day a build or a check is made 'as of': fixed (tests, reproducible builds) or today."""

from __future__ import annotations

import datetime as dt


def build_date(fixed: dt.date | str | None = None) -> dt.date:
    """`fixed` (a date, or ÅÅÅÅ-MM-DD text) when given, otherwise the real date."""
    if isinstance(fixed, dt.date):
        return fixed
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()

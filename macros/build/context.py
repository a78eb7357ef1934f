"""What a build depends on besides data/: the date it is built 'as of'.

STRATEGI_DATO=YYYY-MM-DD fixes 'today' (tests, reproducible builds); otherwise the real date.
"""

from __future__ import annotations

import datetime as dt
import os


def build_date() -> dt.date:
    fixed = os.environ.get("STRATEGI_DATO")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()

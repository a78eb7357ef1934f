"""The `strategi` plugin's options in mkdocs.yml, typed (mkdocs.config.base.Config).

Each may be set from the environment through `!ENV` in mkdocs.yml (tests, CI, benchmarks):

    plugins:
      - strategi:
          dato: !ENV [STRATEGI_DATO, ""]
          historik: !ENV [STRATEGI_HISTORIK, true]
          parallel: !ENV [STRATEGI_PARALLEL, true]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class Switch(c.BaseConfigOption[bool]):
    """On or off: true/false, or 1/0 as an environment variable gives it through `!ENV`."""

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        if value in (0, 1, "0", "1"):
            return bool(int(str(value)))
        raise ValidationError(f"skal være true eller false (eller 1/0), ikke {value!r}")


class Day(c.BaseConfigOption[dt.date | None]):
    """A date (ÅÅÅÅ-MM-DD), or empty for the real date of the build."""

    def run_validation(self, value: Any) -> dt.date | None:
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValidationError(
                f"skal være en dato som 2026-11-23 (ÅÅÅÅ-MM-DD), ikke {value!r}") from None


class StrategiConfig(Config):
    # The day the site is built 'as of' (overdue status, next steps, 'today' in the plan);
    # fixed in tests and reproducible builds, otherwise the real date.
    dato = Day()
    # data/'s history from git: change lists, planned against current, 'Sidst opdateret'.
    historik = Switch(default=True)
    # A second process renders half of the generated pages and writes the open data files.
    parallel = Switch(default=True)

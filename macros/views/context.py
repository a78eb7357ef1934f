"""What one build renders from: the validated data, the day it is built as of, data/'s history
and the build's HTML stash. The adapter makes one per build and hands it down, so no module
holds a build's state (a second build in the same process starts clean). No MkDocs import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from macros.data.loading import SiteData
from macros.history.record import History, unavailable
from macros.views.htmlstash import HtmlStash


@dataclass(frozen=True)
class BuildContext:
    site: SiteData
    today: dt.date
    history: History = field(default_factory=lambda: unavailable("ingen historik i denne bygning"))
    stash: HtmlStash = field(default_factory=HtmlStash)
    # Whether a second process may render half of the generated pages (macros/runtime/parallel.py).
    parallel: bool = False

"""What the history is, as the views and exports read it: dated changes, each item's
publication and last change, the skipped commits, and the pages' git dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from macros.history.diff import RawChange


@dataclass(frozen=True)
class Change:
    sha: str
    day: dt.date
    change: RawChange

    @property
    def kind(self) -> str:
        return self.change.kind

    @property
    def item_id(self) -> str:
        return self.change.item_id


@dataclass(frozen=True)
class ItemRecord:
    published: dt.date  # the day of the first commit the item appeared in
    last_changed: dt.date
    # An initiative's periods and milestones as first published (model JSON values).
    first_plan: dict[str, Any] | None = None


@dataclass(frozen=True)
class Skipped:
    sha: str
    day: dt.date
    problems: int


@dataclass
class History:
    available: bool
    note: str = ""  # why there is no history, in Danish
    changes: list[Change] = field(default_factory=list)  # newest first
    items: dict[tuple[str, str], ItemRecord] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    page_dates: dict[str, dt.date] = field(default_factory=dict)  # 'docs/x.md' -> day
    data_changed: dt.date | None = None  # the newest commit that changed data/
    _by_item: dict[tuple[str, str], list[Change]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for change in self.changes:
            self._by_item.setdefault((change.kind, change.item_id), []).append(change)

    def for_item(self, kind: str, item_id: str) -> list[Change]:
        """The item's changes, newest first."""
        return self._by_item.get((kind, item_id), [])

    def record(self, kind: str, item_id: str) -> ItemRecord | None:
        return self.items.get((kind, item_id))


def unavailable(note: str) -> History:
    return History(available=False, note=note)

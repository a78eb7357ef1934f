"""data/'s history for a build: read once per state of the repository. Under `mkdocs serve`
every save rebuilds, and the history only changes with a new commit, so it is computed again
only for a new HEAD (a cache of a pure function of the repository's commits; the build's own
copy lives on the plugin)."""

from __future__ import annotations

import functools
from pathlib import Path

from macros.history import gitlog
from macros.history.compute import compute_history
from macros.history.record import History, unavailable


def load_history(root: Path, enabled: bool = True, fork: bool = False) -> History:
    """The history of root's data/ and docs/, or an unavailable History saying why not.
    `enabled` is the plugin's `historik` option; `fork` lets a second process help."""
    if not enabled:
        return unavailable("slået fra (historik: false i mkdocs.yml eller STRATEGI_HISTORIK)")
    try:
        head = gitlog.head(root)
    except gitlog.GitUnavailable:
        head = ""
    return _history_at(root.resolve(), head, fork)


@functools.lru_cache(maxsize=2)
def _history_at(root: Path, head: str, fork: bool) -> History:
    return compute_history(root, fork=fork)

"""The history of the build in progress: read once per build (and per new HEAD under
`mkdocs serve`), then asked for by every page, the exports and the checks. A module-level
value like the views' HTML stash: a build reads one repository, and the second process of a
build (macros/build/parallel.py) inherits it by fork."""

from __future__ import annotations

import os
from pathlib import Path

from macros.history import gitlog
from macros.history.compute import compute_history
from macros.history.record import History, unavailable

ENV_SWITCH = "STRATEGI_HISTORIK"  # 0: build without history (the benchmark compares)
_state: dict[str, object] = {}


def load_history(root: Path) -> History:
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return unavailable(f"slået fra med {ENV_SWITCH}=0")
    try:
        key = (root.resolve(), gitlog.head(root))
    except gitlog.GitUnavailable:
        key = (root.resolve(), "")
    cached = _state.get("loaded")
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]
    history = compute_history(root)
    _state["loaded"] = (key, history)
    return history


def set_current(history: History) -> None:
    _state["current"] = history


def current() -> History:
    history = _state.get("current")
    return history if isinstance(history, History) else unavailable("historikken er ikke læst")

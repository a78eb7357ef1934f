"""Work beside `mkdocs serve` that a newer build makes pointless stops at its next checkpoint.

After a preview rebuild the search index and the open data are written in a thread beside the
server (macros/adapter/plugin.py), so the changed page shows at once. When the next change comes
before they are done, they are out of date: the next build cancels them instead of waiting for
them. Long loops call `checkpoint()`, and external programs run through `run()`, which stops
the program; outside a cancellable thread both are plain calls. No MkDocs.
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from collections.abc import Iterator, Sequence

_local = threading.local()


class Cancelled(Exception):
    """A newer build made this work pointless."""


@contextlib.contextmanager
def cancellable(stop: threading.Event) -> Iterator[None]:
    """Checkpoints in this thread raise Cancelled once `stop` is set."""
    _local.stop = stop
    try:
        yield
    finally:
        _local.stop = None


def checkpoint() -> None:
    stop: threading.Event | None = getattr(_local, "stop", None)
    if stop is not None and stop.is_set():
        raise Cancelled


def run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """subprocess.run(command, capture_output=True, text=True), stopped when cancelled."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as process:
        while True:
            try:
                out, err = process.communicate(timeout=0.05)
                break
            except subprocess.TimeoutExpired:
                try:
                    checkpoint()
                except Cancelled:
                    process.kill()
                    process.communicate()
                    raise
    return subprocess.CompletedProcess(list(command), process.returncode, out, err)

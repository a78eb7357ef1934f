"""Work beside `mkdocs serve` that a newer build makes pointless stops at its next checkpoint.

After a preview rebuild the search index and the open data are written in a thread beside the
server (`LaterWork`, started by macros/adapter/plugin.py), once the changes pause, so the changed
page shows at once. When the next change comes before they are done, they are out of date: the
next build gives them up instead of waiting for them. Long loops call `checkpoint()`, and
external programs run through `run()`, which stops the program; outside a cancellable thread
both are plain calls. No MkDocs.
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from collections.abc import Callable, Iterator, Sequence

_local = threading.local()


class Cancelled(BaseException):
    """A newer build made this work pointless. A BaseException, like asyncio's CancelledError:
    the work's own `except Exception` must not take it for a failure."""


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


class LaterWork:
    """One piece of work at a time, run in a thread once `pause` seconds pass without `end`."""

    def __init__(self, pause: float) -> None:
        self.pause = pause
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._now = threading.Event()
        self.folder = ""  # what the work writes: the site folder

    def start(self, work: Callable[[], None], folder: str) -> None:
        self.end(give_up=folder == self.folder)
        self.folder = folder
        self._thread = threading.Thread(target=self._run, args=(work,),
                                        name="strategi-efterarbejde", daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], None]) -> None:
        self._now.wait(self.pause)
        if self._stop.is_set():
            return
        with contextlib.suppress(Cancelled), cancellable(self._stop):
            work()

    def end(self, give_up: bool) -> None:
        """The work done now, or, with `give_up`, stopped where it is."""
        if self._thread is None:
            return
        if give_up:
            self._stop.set()
        self._now.set()
        self._thread.join()
        self._thread = None
        self._stop.clear()
        self._now.clear()

"""Pure per-item work split over two processes, to use the second core a build otherwise leaves
idle (MkDocs builds pages one at a time).

`start(work)` runs one piece of work in a forked child while this process goes on.
`split_map(func, items, enabled=...)` is `[func(item) for item in items]`. Where it may (see
`available`; the caller says whether this build may fork at all), a forked child computes
every second item and sends the results back while this process computes the others
(alternate items, so a list of cheap items followed by dear ones splits evenly).
The child starts as a copy of this process, so `func` may be any closure; only the results
travel back, pickled. State the child builds on the side (HtmlStash blocks) comes back through
`child_state` and is handed to `merge_state`. An exception in the child is raised here. No MkDocs.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Fewer items than this are not worth a process (a fork and a pickle cost a few milliseconds).
MIN_ITEMS = 64


def available() -> bool:
    """Whether this machine can do work beside the build: a second core and fork. The caller
    decides whether the build may fork at all: not where threads run (`mkdocs serve`'s server),
    since a fork copies only the forking thread, and a lock another thread held stays locked in
    the child."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


class ChildFailed(RuntimeError):
    """The child raised an exception that could not be sent back as it was."""


class Background:
    """Work a forked child is doing; `result()` waits for it."""

    def __init__(self, process: BaseProcess, receiver: Connection) -> None:
        self._process, self._receiver = process, receiver

    def result(self) -> Any:
        """What the work returned, or its exception raised here."""
        try:
            ok, payload = self._receiver.recv()
        except BaseException:
            self.cancel()
            raise
        finally:
            self._receiver.close()
            self._process.join()
        if not ok:
            raise payload
        return payload

    def cancel(self) -> None:
        self._process.kill()
        self._process.join()
        self._receiver.close()


def start(work: Callable[[], R]) -> Background:
    """Run `work` in a forked child (only where `available()`): it starts as a copy of this
    process, so `work` may be any closure; only its result travels back, pickled."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send((True, work()))
        except BaseException as error:  # every failure must reach the parent
            sender.send((False, _travelling(error)))

    process = context.Process(target=child, name="strategi-parallel", daemon=True)
    process.start()
    sender.close()  # the child holds the only sending end: its death is an EOF here
    return Background(process, receiver)


def split_map(func: Callable[[T], R], items: Sequence[T], *, enabled: bool,
              in_child: Callable[[], None] = lambda: None,
              child_state: Callable[[], Any] = lambda: None,
              merge_state: Callable[[Any], None] = lambda state: None) -> list[R]:
    if len(items) < MIN_ITEMS or not enabled or not available():
        return [func(item) for item in items]

    def every_second_item() -> tuple[list[R], Any]:
        in_child()
        return [func(item) for item in items[1::2]], child_state()

    theirs = start(every_second_item)
    try:
        mine = [func(item) for item in items[0::2]]
    except BaseException:
        theirs.cancel()
        raise
    payload, state = theirs.result()
    merge_state(state)
    results: list[R] = []
    for index, result in enumerate(mine):
        results.append(result)
        if index < len(payload):
            results.append(payload[index])
    return results


def _travelling(error: BaseException) -> BaseException:
    """The exception itself if it survives pickling unchanged, else its traceback as text."""
    try:
        if str(pickle.loads(pickle.dumps(error))) == str(error):
            return error
    except Exception:  # an exception that cannot travel is reported by its text
        pass
    return ChildFailed("".join(traceback.format_exception(error)))

"""Work shared with a second process gives what the same work in one process gives: the same
pages in the same order, and the same Danish error when something is wrong
(macros/runtime/parallel.py)."""

from __future__ import annotations

import os

import pytest

from macros.data.problems import DataError, Problem
from macros.runtime import parallel


@pytest.mark.parametrize("count", [0, 1, 63, 64, 65, 500])
def test_results_come_back_complete_and_in_order(count):
    items = list(range(count))
    assert parallel.split_map(lambda n: n * n, items, enabled=True) == [n * n for n in items]


def test_the_second_process_really_does_half_of_the_work():
    if not parallel.available():
        pytest.skip("this machine cannot fork a second process")
    pids = parallel.split_map(lambda _: os.getpid(), list(range(100)), enabled=True)
    assert pids.count(os.getpid()) == 50 and len(set(pids)) == 2


def test_a_build_that_may_not_fork_does_all_the_work_itself():
    # `mkdocs serve` runs a server thread; forking beside it is unsafe.
    pids = parallel.split_map(lambda _: os.getpid(), list(range(100)), enabled=False)
    assert set(pids) == {os.getpid()}



def test_state_built_on_the_side_in_the_second_process_is_taken_over():
    seen: list[int] = []
    taken: list[list[int]] = []
    parallel.split_map(seen.append, list(range(100)), enabled=True, in_child=seen.clear,
                       child_state=lambda: list(seen), merge_state=taken.append)
    if parallel.available():
        assert sorted(seen + taken[0]) == list(range(100))


def test_an_editor_gets_the_same_error_from_either_process():
    problem = Problem("data/tiltag.yml", 12, "tiltag[99].status", 'ukendt status "færdig"')

    def check(n: int) -> int:
        if n == 99:  # an odd item: the second process's half
            raise DataError([problem])
        return n

    with pytest.raises(DataError) as raised:
        parallel.split_map(check, list(range(100)), enabled=True)
    assert raised.value.problems == [problem]


def test_an_error_that_cannot_travel_arrives_as_its_traceback():
    class Unpicklable(Exception):
        def __init__(self, a: int, b: int) -> None:
            super().__init__(f"{a}/{b}")

    def fail(n: int) -> int:
        if n == 99:
            raise Unpicklable(1, 2)
        return n

    expected = parallel.ChildFailed if parallel.available() else Unpicklable
    with pytest.raises(expected, match="1/2"):
        parallel.split_map(fail, list(range(100)), enabled=True)

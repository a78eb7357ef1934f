"""Where the test session's time goes: how busy the machine's cores are through the session,
when the tests without a browser and each page walk are done, and which test modules take the
main thread's time before and after.

    .venv/bin/python scripts/suite_profile.py [PYTEST ARGS]

Runs pytest in this process with a plugin that samples /proc/stat every 2 s (the whole
machine's CPU time: Chromium's processes are not reaped by pytest, so `time` misses most of
theirs) and notes when each test starts and each page walk ends. Prints the session's wall
time and CPU seconds, the cores in use per 30 s, the two moments and the slowest modules on
each side of the first. Linux only. Not part of the test run (it is a whole run of it).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SECONDS = 2.0
BUCKET_SECONDS = 30


def _cpu_ticks() -> tuple[int, int]:
    """The machine's busy and idle ticks since boot."""
    with open("/proc/stat", encoding="ascii") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, idle


class SessionProfile:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.cores: list[tuple[float, float]] = []  # (seconds since start, cores busy)
        self.tests: list[tuple[float, str]] = []
        self.walks: dict[int, float] = {}
        self._stop = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def now(self) -> float:
        return time.perf_counter() - self.start

    def _sample(self) -> None:
        before, cores = _cpu_ticks(), os.cpu_count() or 1
        while not self._stop.wait(SAMPLE_SECONDS):
            after = _cpu_ticks()
            busy, idle = after[0] - before[0], after[1] - before[1]
            self.cores.append((self.now(), cores * busy / max(1, busy + idle)))
            before = after

    def pytest_configure(self, config: pytest.Config) -> None:
        from macros.kvalitet import page_walk

        walk = page_walk._walk

        async def noted(browser: Any, base: str, pages: list[str], width: int,
                        contexts: int) -> Any:
            result = await walk(browser, base, pages, width, contexts)
            self.walks[width] = self.now()
            return result

        page_walk._walk = noted  # type: ignore[assignment]

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self.tests.append((self.now(), nodeid))

    def report(self) -> None:
        self._stop.set()
        end = self.now()
        print(f"\nwall {end:.0f} s, CPU {sum(c for _, c in self.cores) * SAMPLE_SECONDS:.0f} s")
        buckets: dict[int, list[float]] = defaultdict(list)
        for moment, cores in self.cores:
            buckets[int(moment // BUCKET_SECONDS)].append(cores)
        print("cores busy: " + " ".join(f"{b * BUCKET_SECONDS}:{sum(v) / len(v):.2f}"
                                        for b, v in sorted(buckets.items())))
        browser_from = next((t for t, test in self.tests if "browser/" in test
                             or test.startswith("macros/kvalitet/")), end)
        print(f"tests without a browser done: {browser_from:.0f} s")
        for width, moment in self.walks.items():
            print(f"walk at {width} px done: {moment:.0f} s")
        ends = [t for t, _ in self.tests[1:]] + [end]
        for name, lo, hi in (("before", 0.0, browser_from), ("after", browser_from, end)):
            modules: dict[str, float] = defaultdict(float)
            for (began, test), ended in zip(self.tests, ends, strict=True):
                if lo <= began < hi:
                    modules[test.split("::")[0]] += ended - began
            print(f"slowest modules {name} {browser_from:.0f} s:")
            for module, seconds in sorted(modules.items(), key=lambda m: -m[1])[:12]:
                print(f"  {seconds:6.1f} s  {module}")


def main() -> int:
    os.chdir(ROOT)
    profile = SessionProfile()
    code = pytest.main(sys.argv[1:], plugins=[profile])
    profile.report()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())

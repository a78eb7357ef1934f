"""How fast the browser editor (Sveltia CMS, in its local mode) opens one initiative on a
synthetic project with N initiatives, one file each (a folder collection, as the project keeps
them). Not a test; prints figures.

    .venv/bin/python scripts/editor_benchmark.py            # 1000 initiatives, 3 runs
    .venv/bin/python scripts/editor_benchmark.py --tiltag 200 --repeat 5

Seconds from opening the last initiative's address (the repository already open) until its
title can be edited, and the number of form fields drawn on that screen. (The layout with all
initiatives in one file was measured against this one with Decap CMS, and dropped.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_data import write_synthetic_data  # noqa: E402

from tests.browser.cms_driver import editor_on_clone, new_context, open_editor  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def measure(n: int, repeat: int, work: Path, timeout: float) -> tuple[list[float], int]:
    from playwright.sync_api import sync_playwright

    with editor_on_clone(work, prepare=lambda project: write_synthetic_data(
            project, n, layout="folder")) as editor:
        last = sorted((editor.project / "data" / "tiltag").glob("*.yml"))[-1]
        title = yaml.safe_load(last.read_text(encoding="utf-8"))["titel"]
        times, fields = [], 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(repeat):
                context = new_context(browser, editor)
                page = context.new_page()
                open_editor(page, editor)
                start = time.perf_counter()
                page.goto(editor.url + f"admin/#/collections/tiltag/entries/{last.stem}")
                titles = page.get_by_role("textbox", name="Titel", exact=True)
                deadline = time.monotonic() + timeout
                while title not in [box.input_value() for box in titles.all()]:
                    if time.monotonic() > deadline:
                        times.append(float("inf"))  # not editable within the time limit
                        break
                    page.wait_for_timeout(20)
                else:
                    times.append(time.perf_counter() - start)
                fields = page.locator("input, textarea").count()
                context.close()
            browser.close()
    return times, fields


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tiltag", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300, help="seconds per attempt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times, fields = measure(args.tiltag, args.repeat, Path(tmp), args.timeout)
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"{args.tiltag} tiltag: åbner et tiltag på {statistics.median(times):.2f} s "
          f"(median; {runs}), {fields} felter tegnet i formularen")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How fast the browser editor opens one initiative: one file per initiative (Decap folder
collection, what the project does) against all initiatives in one file (a file collection with
a list), on a synthetic project with N initiatives. Not a test; prints figures.

    .venv/bin/python scripts/editor_benchmark.py            # 1000 initiatives, 3 runs each
    .venv/bin/python scripts/editor_benchmark.py --tiltag 200 --repeat 5

For each layout: seconds from opening the entry's address (logged in) until the last
initiative's title can be edited (in one file: its folded list item unfolded), the number of
form fields on that screen, and the bytes the backend sent.
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

from macros.data import model  # noqa: E402
from macros.editors import cms_config  # noqa: E402
from tests.browser.cms_driver import editor_on_clone  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def as_file_collection(site: Path) -> None:
    """Rewrite the built site's editor config: tiltag as one file with a list of initiatives."""
    path = site / "admin" / "config.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    fields = cms_config.model_fields(model.Tiltag)
    config["collections"][0] = {
        "name": "tiltag", "label": "Tiltag", "files": [{
            "name": "tiltag", "label": "Tiltag", "file": "data/tiltag.yml",
            "fields": [{"label": "Tiltag", "name": "tiltag", "widget": "list",
                        "summary": "{{fields.titel}}", "fields": fields}]}]}
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def measure(layout: str, n: int, repeat: int, work: Path, timeout: float
            ) -> dict[str, object]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with editor_on_clone(work / layout, prepare=lambda project: write_synthetic_data(
            project, n, layout=layout)) as editor:
        if layout == "file":
            as_file_collection(editor.site)
        if layout == "folder":
            last = sorted((editor.project / "data" / "tiltag").glob("*.yml"))[-1]
            title = yaml.safe_load(last.read_text(encoding="utf-8"))["titel"]
            route = f"#/collections/tiltag/entries/{last.stem}"
        else:
            items = yaml.safe_load((editor.project / "data" / "tiltag.yml").read_text(
                encoding="utf-8"))["tiltag"]
            title = items[-1]["titel"]
            route = "#/collections/tiltag/entries/tiltag"
        times, fields, received = [], 0, 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(editor.url + "admin/")
                page.get_by_role("button", name="Log ind").click()
                page.get_by_text("Samlinger").first.wait_for()
                sizes: list[int] = []
                page.on("response", lambda r, sizes=sizes: sizes.append(
                    int(r.headers.get("content-length") or 0)) if "/api/v1" in r.url else None)
                start = time.perf_counter()
                page.goto(editor.url + "admin/" + route)
                try:
                    if layout == "file":  # each initiative is a folded list item: unfold it
                        page.get_by_text(title, exact=True).last.click(timeout=timeout * 1000)
                    field = page.locator(f"input[id^='titel-field'][value='{title}']")
                    field.first.wait_for(timeout=timeout * 1000)
                    times.append(time.perf_counter() - start)
                except PlaywrightTimeout:
                    times.append(float("inf"))  # not editable within the time limit
                fields = page.locator("input, textarea").count()
                received = sum(sizes)
                context.close()
            browser.close()
    return {"layout": layout, "median_s": statistics.median(times), "runs": times,
            "fields": fields, "bytes": received}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tiltag", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300, help="seconds per attempt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for layout in ("folder", "file"):
            work = Path(tmp)
            result = measure(layout, args.tiltag, args.repeat, work, args.timeout)
            runs = ", ".join(f"{t:.2f}" for t in result["runs"])  # type: ignore[union-attr]
            print(f"{args.tiltag} tiltag, {layout:6}: åbner et tiltag på "
                  f"{result['median_s']:.2f} s (median; {runs}), {result['fields']} felter i "
                  f"formularen, {result['bytes']} bytes fra backend")
    return 0


if __name__ == "__main__":
    sys.exit(main())

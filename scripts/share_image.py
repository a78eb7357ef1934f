"""Draw the link-preview image (docs/assets/images/deling.png) from deling.svg with Chromium.

Run once after changing the SVG: `.venv/bin/python scripts/share_image.py`. Social sites do not
accept SVG for og:image, so the PNG is committed; nothing is downloaded.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images"
CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    svg = (IMAGES / "deling.svg").read_text(encoding="utf-8")
    html = f"<!doctype html><html><body style='margin:0'>{svg}</body></html>"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(html)
        page.locator("svg").screenshot(path=str(IMAGES / "deling.png"))
        browser.close()
    print(IMAGES / "deling.png")


if __name__ == "__main__":
    main()

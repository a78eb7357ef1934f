"""Drive the site's real search box in Chromium, as a user typing, and read the results.

Shared by tests/browser/test_search.py and scripts/search_benchmark.py. An init script listens
for the site's "soeg:vist" and "soeg:faerdig" events (assets/javascripts/soegning.js), so we
know – without sleeping – when the results for the last keystroke have been painted, when all
of them have arrived, and how long it took.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

WATCH = """
(() => {
  const s = window.__soeg = {ready: false, lastKey: 0, renderedAt: 0, shown: null,
                             complete: null};
  document.addEventListener("keydown", () => { s.lastKey = performance.now(); }, true);
  document.addEventListener("soeg:vist", ev => {
    s.shown = ev.detail.query; s.renderedAt = performance.now(); }, true);
  document.addEventListener("soeg:faerdig", ev => { s.complete = ev.detail.query; }, true);
  document.addEventListener("DOMContentLoaded", () => {
    if (document.forms.namedItem("soeg")) s.ready = true; });
})();
"""

SETTLED = "q => window.__soeg.shown === q"

READ_RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].map(
  li => [...li.querySelectorAll("a.md-search-result__link")].map(a => a.href))"""


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # URL relative to the site root, e.g. "plan/" or "ordliste/#vpu"
    why: str = ""
    known_miss: str = ""  # why the search does not answer it yet ('mangler' in the YAML)


@dataclass(frozen=True)
class Outcome:
    query: Query
    pages: list[list[str]]  # per result item (page): its links, relative to the site root
    millis: float  # last keystroke -> results painted

    def rank(self) -> int | None:
        """1-based position of the expected page among the results, or None."""
        for i, links in enumerate(self.pages, start=1):
            if self.query.expected in (links if "#" in self.query.expected else links[:1]):
                return i
        return None

    def hit(self, top: int = 3) -> bool:
        rank = self.rank()
        return rank is not None and rank <= top


def load_queries(path: Path) -> list[Query]:
    """Hand-written queries of a strategy (its own file, e.g. tests/indhold/search_queries.yml)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(q["soeg"]), str(q["side"]), str(q.get("hvorfor", "")),
                  str(q.get("mangler", ""))) for q in data]


def open_search(page: Any, base_url: str) -> None:
    """Load the front page with the worker watch installed and open the search dialog."""
    page.add_init_script(WATCH)
    page.goto(base_url)
    page.wait_for_function("() => window.__soeg && window.__soeg.ready")
    page.keyboard.press("/")
    page.wait_for_selector("input.md-search__input:focus")


def _relative(href: str, base_url: str) -> str:
    parts = urlsplit(href)
    path = parts.path.removeprefix(urlsplit(base_url).path)
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def type_keys(page: Any, text: str) -> None:
    """Key down and key up per character, as a Danish keyboard sends them (also for æ, ø, å,
    which Playwright's US keyboard would only insert as text, without key events)."""
    cdp = page.context.new_cdp_session(page)
    for char in text:
        cdp.send("Input.dispatchKeyEvent",
                 {"type": "keyDown", "key": char, "text": char, "unmodifiedText": char})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
    cdp.detach()


def _settle(page: Any, text: str) -> None:
    try:
        page.wait_for_function(SETTLED, arg=text, timeout=15_000)
    except Exception as error:  # report what the search did, not just "timeout"
        state = page.evaluate("() => window.__soeg")
        raise AssertionError(f"Søgningen efter {text!r} blev ikke færdig: {state}") from error


def wait_until_complete(page: Any, text: str) -> None:
    """Wait until every result of the query has arrived, not just the first ones painted."""
    page.wait_for_function("q => window.__soeg.complete === q", arg=text, timeout=15_000)


def search(page: Any, base_url: str, query: Query, timed: bool = False) -> Outcome:
    """Clear the box, type the query key by key, and wait until its results are painted.

    `timed` (the search benchmark): all keys but the last are typed first and allowed to
    finish, so the time measured is that of one search (last keystroke -> painted results),
    as when a person types. Otherwise the keys follow each other as fast as the browser takes
    them, and only the whole query's results are waited for.
    """
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.press("Control+a")
        box.press("Backspace")
        _settle(page, "")
    if timed and len(query.text) > 1:
        type_keys(page, query.text[:-1])
        _settle(page, query.text[:-1])
        type_keys(page, query.text[-1])
    else:
        type_keys(page, query.text)
    _settle(page, query.text)
    links = page.evaluate(READ_RESULTS)
    millis = page.evaluate("() => window.__soeg.renderedAt - window.__soeg.lastKey")
    pages = [[_relative(h, base_url) for h in item] for item in links]
    return Outcome(query, pages, float(millis))


def summary_pages(docs: Path) -> set[str]:
    """URLs of the Markdown pages under docs/ whose front matter says search sees their summary
    only (`soeg_kun_sammendrag: true`)."""
    found = set()
    for path in docs.rglob("*.md"):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        if re.search(r"^soeg_kun_sammendrag:\s*true", head, re.M):
            url = path.relative_to(docs).with_suffix("").as_posix()
            found.add(url.removesuffix("index") if url.endswith("index") else url + "/")
    return found

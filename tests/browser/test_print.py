"""Printing a page (Chromium's PDF output, i.e. print media) gives the text without the screen
chrome: no header, navigation, search, skip link or edit link; external links show where they
go; no table row is split over two sheets; the Gantt figure gets a landscape sheet.

Text is read back with pdftotext (Debian poppler-utils, installed by ./dev test).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.data.loading import load_site_data
from macros.data.periods import format_date_da
from tests import fictional_rounds as fr
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SCREEN_ONLY = ["Gå til indholdet", "Rediger denne side", "Forrige", "Næste", "Start søgning"]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def print_pdf(browser, served_site, tmp_path_factory):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext mangler: kør ./dev test, som installerer poppler-utils")
    folder = tmp_path_factory.mktemp("pdf")
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    made: dict[str, tuple[Path, list[str]]] = {}

    def render(url: str) -> tuple[Path, list[str]]:
        if url not in made:
            page.goto(served_site + url)
            path = folder / ((url.strip("/").replace("/", "_") or "forside") + ".pdf")
            page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                  capture_output=True, text=True, check=True).stdout
            made[url] = (path, [squash(sheet) for sheet in text.split("\f") if sheet.strip()])
        return made[url]

    yield render
    context.close()


def sheet_sizes(path: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)],
                          capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)", info)]


FIRST_INITIATIVE = load_site_data(ROOT).tiltag.tiltag[0].id


@pytest.mark.parametrize("url", ["", "plan/", "beslutninger/", f"tiltag/{FIRST_INITIATIVE}/"])
def test_print_has_text_but_no_screen_chrome(print_pdf, site_pages, url):
    _, sheets = print_pdf(url)
    text = " ".join(sheets)
    article = site_pages[url].select_one("article")
    assert squash(article.find("h1").get_text(" ")).rstrip("¶ ") in text
    article_text = squash(article.get_text(" "))
    for words in SCREEN_ONLY:
        assert words not in text or words in article_text, words
    # Navigation entries that the page text itself does not mention must not be printed.
    nav = [squash(a.get_text(" ")) for a in site_pages[url].select("nav.md-nav--primary a")]
    printed_nav = [t for t in nav if t and t not in article_text and t in text
                   and t not in "Tilgængelighedserklæring Privatlivspolitik (cookies)"]
    assert not printed_nav
    # The responsible authority stays on paper.
    assert load_site_data(ROOT).identity.myndighed in sheets[-1]


def test_external_links_print_their_address(print_pdf):
    _, sheets = print_pdf("privatliv/")
    assert "docs.github.com" in " ".join(sheets)


def test_no_table_row_is_split_between_sheets(print_pdf, site_pages):
    for url in ["plan/", "status/"]:  # the plan and the status table
        _, sheets = print_pdf(url)
        rows = site_pages[url].select("article table tbody tr")
        assert rows, url
        for row in rows:
            cells = [squash(c.get_text(" ")) for c in row.find_all(["td", "th"])]
            first, last = cells[0][:18], cells[-1][:18]
            if not first or not last:
                continue
            with_first = {i for i, s in enumerate(sheets) if first in s}
            with_last = {i for i, s in enumerate(sheets) if last in s}
            if with_first and with_last:
                assert with_first & with_last, f"{url}: rækken «{first} … {last}» er delt"


def test_wide_gantt_figure_prints_landscape_and_text_portrait(print_pdf, site_pages):
    assert "gantt/" in site_pages
    path, _ = print_pdf("gantt/")
    sizes = sheet_sizes(path)
    assert any(w > h for w, h in sizes), sizes
    plan_path, _ = print_pdf("plan/")
    assert all(w < h for w, h in sheet_sizes(plan_path))



# --- a status round prints as the report for OMU (copy with fictional rounds, TEST DATA) ------

@pytest.fixture(scope="module")
def round_pdf(browser, rounds_served, tmp_path_factory):
    """The second fictional round (tests/fictional_rounds.py) printed to PDF: its sheets' text
    and sizes."""
    path = tmp_path_factory.mktemp("runde-pdf") / "runde.pdf"
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.goto(rounds_served + f"status/runder/{fr.SECOND}/")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    context.close()
    shots = os.environ.get("STRATEGI_SKAERMBILLEDER")  # the first sheet, for the note
    if shots and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(path), str(Path(shots) / "statusrunde-udskrift-ark-1")], check=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return path, [squash(sheet) for sheet in text.split("\f") if sheet.strip()]


def test_round_prints_as_a_meeting_paper(round_pdf, rounds_site, rounds_project, rounds_plan):
    """A full round (every initiative of the plan reported, several changed or new) is a meeting
    paper: at most three A4 sheets, none nearly empty before the last; the round's date,
    meeting and source at the top; tracks run on without sheet breaks, but no initiative's line
    is split; the round's date and source on every sheet."""
    from bs4 import BeautifulSoup

    path, sheets = round_pdf
    page = BeautifulSoup((rounds_site / f"status/runder/{fr.SECOND}/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    lines = page.select(".statusrunde__linjer dt")
    assert len(lines) == len(rounds_plan.initiatives)  # the fixture is a full round
    assert len(rounds_plan.changed) + len(rounds_plan.first_time) >= 4
    assert all(abs(w - 595) < 2 and abs(h - 842) < 2 for w, h in sheet_sizes(path))  # A4
    assert len(sheets) <= 3, f"{len(sheets)} ark"
    fullest = max(len(sheet) for sheet in sheets)
    assert all(len(sheet) > fullest / 2 for sheet in sheets[:-1]), [len(s) for s in sheets]
    text = " ".join(sheets)
    for words in SCREEN_ONLY:
        assert words not in text, words
    # Date, meeting and source at the top; the summary and the changes on the first sheet.
    second = format_date_da(dt.date.fromisoformat(fr.SECOND))
    first = format_date_da(dt.date.fromisoformat(fr.FIRST))
    site = load_site_data(rounds_project)
    source = site.source(site.identity.statusbehandling.kilde.dokument)
    meeting = squash(page.select_one(".sammendrag a").get_text(" "))
    head = sheets[0][:600]
    assert head.startswith(f"Statusrunden {second}"), head[:80]
    assert meeting in head and f"Kilde: sag {source.sag}" in head
    assert "Sammendrag" in sheets[0] and f"Ændret siden statusrunden {first}" in sheets[0]
    # The summary prints compactly: its caption and all its rows on the first sheet.
    counts = [squash(tr.get_text(" ")) for tr in page.select(".statusrunde__antal tr")]
    assert all(row in sheets[0] for row in counts), counts
    # The tracks in the plan's order; each initiative's name and its line on one sheet.
    tracks = [squash(h.get_text(" ")) for h in page.select(".statusrunde__spor h3")]
    assert [text.index(t, text.index("Tiltagene spor for spor")) for t in tracks] == sorted(
        text.index(t, text.index("Tiltagene spor for spor")) for t in tracks)
    for term in lines:
        name = squash(term.get_text(" "))
        line = squash(term.find_next_sibling("dd").get_text())[:40]
        assert any(name in s and line in s for s in sheets), f"«{name}» er delt fra sin linje"
    # The round's date and source on every sheet.
    for number, sheet in enumerate(sheets, 1):
        assert f"Statusrunden {second}" in sheet, number
        assert f"sag {source.sag}" in sheet, number

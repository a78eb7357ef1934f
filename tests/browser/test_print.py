"""Printing a page (Chromium's PDF output, i.e. print media) gives the text without the screen
chrome: no header, navigation, search, skip link or edit link; external links show where they
go; no table row is split over two sheets; the Gantt figure gets a landscape sheet.

Text is read back with pdftotext (Debian poppler-utils, installed by ./dev test).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("url", ["", "plan/", "politisk-behandling/", "tiltag/direktionen/"])
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
    assert "Norddjurs Kommune" in sheets[-1]


def test_external_links_print_their_address(print_pdf):
    _, sheets = print_pdf("privatliv/")
    assert "docs.github.com" in " ".join(sheets)


def test_no_table_row_is_split_between_sheets(print_pdf, site_pages):
    for url in ["plan/", "politisk-behandling/"]:
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
    """The round of 10 September 2024 (tests/fictional_rounds.py) printed to PDF: its sheets'
    text and sizes."""
    path = tmp_path_factory.mktemp("runde-pdf") / "runde.pdf"
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.goto(rounds_served + "status/runder/2024-09-10/")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    context.close()
    shots = os.environ.get("STRATEGI_SKAERMBILLEDER")  # the first sheet, for the note
    if shots and shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(path), str(Path(shots) / "statusrunde-udskrift-ark-1")], check=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return path, [squash(sheet) for sheet in text.split("\f") if sheet.strip()]


def test_round_prints_as_a_meeting_paper(round_pdf, rounds_site):
    """A full round (18 lines, 5 of them changed or new) is a meeting paper: at most three A4
    sheets, none nearly empty before the last; the round's date, meeting and source at the
    top; tracks run on without sheet breaks, but no initiative's line is split."""
    from bs4 import BeautifulSoup

    from tests.fictional_rounds import CHANGED, FIRST_TIME

    path, sheets = round_pdf
    page = BeautifulSoup((rounds_site / "status/runder/2024-09-10/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    lines = page.select(".statusrunde__linjer dt")
    assert len(lines) == 18 and len(CHANGED) + len(FIRST_TIME) == 5  # the fixture is a full round
    assert all(abs(w - 595) < 2 and abs(h - 842) < 2 for w, h in sheet_sizes(path))  # A4
    assert len(sheets) <= 3, f"{len(sheets)} ark"
    fullest = max(len(sheet) for sheet in sheets)
    assert all(len(sheet) > fullest / 2 for sheet in sheets[:-1]), [len(s) for s in sheets]
    text = " ".join(sheets)
    for words in SCREEN_ONLY:
        assert words not in text, words
    # Date, meeting and source at the top; the summary and the changes on the first sheet.
    meeting = squash(page.select_one(".sammendrag a").get_text(" "))
    head = sheets[0][:600]
    assert head.startswith("Statusrunden 10. september 2024"), head[:80]
    assert meeting in head and "Kilde: sag 23/7776" in head
    assert "Sammendrag" in sheets[0] and "Ændret siden statusrunden 12. marts 2024" in sheets[0]
    # The summary prints compactly: its caption and all its rows on the first sheet.
    counts = [squash(tr.get_text(" ")) for tr in page.select(".statusrunde__antal tr")]
    assert all(row in sheets[0] for row in counts), counts
    # The tracks in the plan's order; each initiative's name and its line on one sheet.
    tracks = [squash(h.get_text(" ")) for h in page.select(".statusrunde__spor h3")]
    assert [text.index(t, text.index("Tiltagene spor for spor")) for t in tracks] == sorted(
        text.index(t, text.index("Tiltagene spor for spor")) for t in tracks)
    for dt in lines:
        name = squash(dt.get_text(" "))
        line = squash(dt.find_next_sibling("dd").get_text())[:40]
        assert any(name in s and line in s for s in sheets), f"«{name}» er delt fra sin linje"
    # The round's date and source on every sheet.
    for number, sheet in enumerate(sheets, 1):
        assert "Statusrunden 10. september 2024" in sheet, number
        assert "sag 23/7776" in sheet, number

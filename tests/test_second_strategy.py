"""One engine, any strategy: a second, fictional strategy (tests/fixtures/anden-strategi, test
data only) builds strictly with this repository's engine under its own name, and nothing of this
strategy reaches its pages; the engine itself names no fact of this strategy."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.data.loading import load_site_data
from macros.data.periods import format_date_da
from tests.conftest import ROOT, SECOND_STRATEGY

TEXT_SUFFIXES = {".py", ".html", ".md", ".js", ".css", ".json", ".svg", ".xml", ".ics", ".csv",
                 ".yml", ".txt"}


def strategy_facts(root: Path) -> set[str]:
    """What names a strategy: its publisher, name, area and id; the day it was approved and the
    days of its meetings and case documents, in the ways code and text write a date; its case
    documents' numbers and committees."""
    site = load_site_data(root)
    identity = site.identity
    facts = {identity.myndighed, identity.strategi.navn, identity.strategi.omraade,
             identity.strategi.id}
    days = {identity.godkendt.dato, *(m.dato for m in site.moeder.moeder if m.dato),
            *(k.dato for k in site.kilder.kilder if k.dato)}
    for day in days:
        facts |= {day.isoformat(), format_date_da(day), f"{day.year}, {day.month}, {day.day}",
                  day.strftime("%d-%m-%Y")}
    for kilde in site.kilder.kilder:
        facts |= {value for value in (kilde.sag, kilde.udvalg) if value}
    return facts


def strategy_content_facts(root: Path) -> set[str]:
    """strategy_facts and what names this strategy's content: its initiatives' ids and titles,
    its meetings' ids and its source documents' ids."""
    site = load_site_data(root)
    return (strategy_facts(root)
            | {value for t in site.tiltag.tiltag for value in (t.id, t.titel)}
            | {m.id for m in site.moeder.moeder} | {k.id for k in site.kilder.kilder})


def only_this_strategy(facts: set[str]) -> set[str]:
    """Facts of this folder's strategy that are not the fictional one's, which the tests build
    and may name (with that strategy's content in this folder, as scripts/swap_content_check.sh
    puts it, there are none)."""
    return facts - strategy_content_facts(SECOND_STRATEGY)


def mentions(text: str, facts: set[str]) -> set[str]:
    folded = text.casefold()
    return {f for f in facts if re.search(rf"(?<!\w){re.escape(f.casefold())}(?!\w)", folded)}


def text_files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES
            and "__pycache__" not in p.parts]


def test_the_engine_names_no_fact_of_this_strategy() -> None:
    facts = strategy_facts(ROOT)
    identity = load_site_data(ROOT).identity
    assert {identity.myndighed, identity.strategi.omraade,
            identity.godkendt.dato.isoformat()} <= facts  # the list is read
    found = {f"{p.relative_to(ROOT)}: {sorted(hits)}" for folder in ("macros", "overrides")
             for p in text_files(ROOT / folder)
             if (hits := mentions(p.read_text(encoding="utf-8"), facts))}
    assert not found


def test_no_test_of_the_engine_names_a_fact_of_this_strategy() -> None:
    """Tests outside tests/indhold/ (this strategy's content tests, which a new strategy
    replaces) and tests/fixtures/ (the fictional strategy) pass on any strategy's content."""
    facts = only_this_strategy(strategy_content_facts(ROOT))
    tests = ROOT / "tests"
    found = sorted(f"{p.relative_to(ROOT)}: {sorted(hits)}" for p in text_files(tests)
                   if not {"indhold", "fixtures"} & set(p.relative_to(tests).parts)
                   and (hits := mentions(p.read_text(encoding="utf-8"), facts)))
    assert not found, "\n".join(found)


def test_second_strategy_builds_under_its_own_name(second_site: Path) -> None:
    identity = load_site_data(SECOND_STRATEGY).identity
    home = BeautifulSoup((second_site / "index.html").read_text("utf-8"), "html.parser")
    assert identity.strategi.navn in home.title.get_text()
    footer = home.find(class_="sidefod")
    assert footer.find("strong").get_text(strip=True) == identity.myndighed
    calendar = (second_site / "kalender" / "alle.ics").read_text("utf-8")
    assert f"PRODID:-//{identity.myndighed}//{identity.strategi.navn}//DA" in calendar
    assert f"@{identity.strategi.id}" in calendar
    feed = (second_site / "feed-status.xml").read_text("utf-8")
    assert f"<name>{identity.myndighed}</name>" in feed
    assert f"tag:{identity.strategi.id}," in feed
    for initiative in load_site_data(SECOND_STRATEGY).tiltag.tiltag:
        assert (second_site / "tiltag" / initiative.id / "index.html").is_file()
    # Its status round is an edition of its own, treated where its identity says.
    round_page = (second_site / "status" / "runder" / "2026-11-10" / "index.html")
    text = BeautifulSoup(round_page.read_text("utf-8"), "html.parser").get_text(" ")
    assert f"behandlet i {identity.statusbehandling.hvor}" in " ".join(text.split())
    assert "statusrunde/2026-11-10" in feed


def test_no_page_of_the_second_strategy_mentions_this_one(second_site: Path) -> None:
    facts = only_this_strategy(strategy_facts(ROOT))
    published = [p for p in text_files(second_site) if "admin" not in p.parts]
    assert len([p for p in published if p.name == "index.html"]) > 20
    found = {f"{p.relative_to(second_site)}: {sorted(hits)}" for p in published
             if (hits := mentions(p.read_text(encoding="utf-8"), facts))}
    assert not found


def test_status_rhythm_counts_from_the_identity_approval(second_site: Path) -> None:
    identity = load_site_data(SECOND_STRATEGY).identity
    status = BeautifulSoup((second_site / "status" / "index.html").read_text("utf-8"),
                           "html.parser").find("article").get_text(" ", strip=True)
    assert f"behandles i {identity.statusbehandling.hvor} hvert halve år" in status


def test_no_page_of_the_second_strategy_carries_a_placeholder(second_site: Path) -> None:
    for page in second_site.rglob("index.html"):
        if "admin" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for element in soup(["script", "style"]):
            element.decompose()
        text = soup.get_text(" ")
        assert "indsættes" not in text and not re.search(r"\[[^\[\]\n]{1,80}\]", text), page


def test_every_text_of_the_second_strategy_is_marked_as_test_data() -> None:
    for path in text_files(SECOND_STRATEGY):
        assert "testdata" in path.read_text(encoding="utf-8").casefold(), path

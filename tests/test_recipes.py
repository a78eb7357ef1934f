"""Every "how to" in REDAKTOERVEJLEDNING.md, done the git way (editing the files, as the guide's
alternative to the browser editor) on a copy of the project and built for real. The browser
editor's recipes are tests/browser/test_editor.py.

The snippets are the ones the guide shows (the guide's examples are marked as examples; the
texts here are test data, not facts about the strategy).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data.loading import load_site_data
from tests.conftest import build_site
from tests.test_check import check

GUIDE = Path(__file__).resolve().parent.parent / "REDAKTOERVEJLEDNING.md"

# A new initiative is a row of a published plan: the plan's text first, then the row.
NEW_PLAN_TEXT = ("Testplan fra vejledningen\n\n"
                 "Udviklingsspor\tTiltag\tIværksættelse af tiltag\tCentralt eller decentralt "
                 "niveau\n"
                 "Testspor fra vejledningen\tTesttiltag fra vejledningen\t1. halvår 2027"
                 "\tStab\n")
NEW_PLAN = """  - id: test-plan
    fil: test-plan.txt
    titel: Testplan fra vejledningen
    beskrivelse: En testplan fra vejledningen.
"""
NEW_INITIATIVE = """id: test-nyt-tiltag
titel: Testtiltag fra vejledningen
spor: {track}
beskrivelse: Testtiltag fra vejledningen
tidspunkt: 1. halvår 2027
ansvarlig: Stab
perioder:
  - tekst: 1. halvår 2027
kilde:
  dokument: test-plan
  sted: Testspor fra vejledningen, række 1
raekkefoelge: 185
"""

# The strategy's own names go in where the snippets have {…}: its first track, initiatives,
# committee and where its approval stands (a place every strategy's sources have).
STATUS_ROUND = """dato: 2026-11-20
kilde:
  dokument: {document}
  sted: {place}
tiltag:
  - tiltag: {first}
    status: i gang
    tekst: Testrapport fra OMU-mødet om stillingsopslaget.
  - tiltag: {second}
    status: forsinket
    tekst: Testrapport om det andet tiltag.
    begrundelse: Testbegrundelse fra vejledningen.
"""

NEW_MEETING = """id: testmoede-2026-10-01
type: beslutning
titel: Testmøde i OMU fra vejledningen
dato: 2026-10-01
udvalg:
  - {committee}
resume: Et testmøde.
tiltag:
  - {last}
kilde:
  dokument: {document}
  sted: {place}
"""

NEW_TERM = """  - id: sks
    term: SKS
    fuld_form: Testforkortelse fra vejledningen
    forklaring: En forklaring i almindeligt dansk.
    almen_forklaring: true
"""

NEW_PAGE = """---
title: Ny side
description: En testside fra vejledningen.
---

# Ny side

Her står en kort tekst. Se [planen](plan.md).
"""

NEWS_POST = """---
date: 2026-11-20
categories:
  - Nyheder
description: En testnyhed fra vejledningen.
---

# Testnyhed fra vejledningen

Første afsnit vises i oversigten.

<!-- more -->

Resten vises kun på nyhedens egen side.
"""


def names(project: Path) -> dict[str, str]:
    site = load_site_data(project)
    initiatives = site.tiltag.tiltag
    approval = site.identity.godkendt.kilde
    return {"track": site.spor.spor[0].id, "first": initiatives[0].id,
            "second": initiatives[1].id, "last": initiatives[-1].id,
            "committee": next(u for m in site.moeder.moeder for u in m.udvalg),
            "document": approval.dokument, "place": approval.sted or ""}


def append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def insert_after(project: Path, rel: str, anchor: str, text: str) -> None:
    path = project / rel
    old = path.read_text(encoding="utf-8")
    assert anchor in old
    path.write_text(old.replace(anchor, anchor + text, 1), encoding="utf-8")


def build(project: Path, tmp_path: Path) -> Path:
    assert check(project, "--uden-lix").returncode == 0
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_add_an_initiative(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "data/kildetekster/test-plan.txt").write_text(NEW_PLAN_TEXT, encoding="utf-8")
    append(project_copy, "data/kilder.yml", NEW_PLAN)
    (project_copy / "data" / "tiltag" / "test-nyt-tiltag.yml").write_text(
        NEW_INITIATIVE.format(**names(project_copy)), encoding="utf-8")
    site = build(project_copy, tmp_path)
    assert "Testtiltag fra vejledningen" in page(site, "tiltag/test-nyt-tiltag").get_text()
    plan = page(site, "plan")
    links = [a for a in plan.find_all("a") if "test-nyt-tiltag" in (a.get("href") or "")]
    assert links, "tiltaget står ikke på planen"
    source = page(site, "tiltag/test-nyt-tiltag").select_one("p.kilde a")
    assert source["href"].endswith("kilder/test-plan/#testspor-fra-vejledningen-raekke-1")


def test_add_a_status_round(project_copy: Path, tmp_path: Path) -> None:
    known = names(project_copy)
    (project_copy / "data" / "statusrunder").mkdir(exist_ok=True)
    (project_copy / "data" / "statusrunder" / "2026-11-20.yml").write_text(
        STATUS_ROUND.format(**known), encoding="utf-8")
    site = build(project_copy, tmp_path)
    text = " ".join(page(site, f"tiltag/{known['first']}").get_text().split())
    assert "Testrapport fra OMU-mødet om stillingsopslaget." in text
    assert "Statusrunden 20. november 2026" in text
    round_page = " ".join(page(site, "status/runder/2026-11-20").get_text().split())
    assert "Testbegrundelse fra vejledningen." in round_page
    assert "Statusrunden 20. november 2026" in page(site, "status").get_text()


def test_add_a_meeting(project_copy: Path, tmp_path: Path) -> None:
    known = names(project_copy)
    (project_copy / "data" / "moeder" / "testmoede-2026-10-01.yml").write_text(
        NEW_MEETING.format(**known), encoding="utf-8")
    site = build(project_copy, tmp_path)
    register = page(site, "beslutninger")
    section = register.find(id="testmoede-2026-10-01")
    assert section is not None and "Testmøde i OMU" in section.get_text()
    initiative = page(site, f"tiltag/{known['last']}").get_text()
    assert "Testmøde i OMU fra vejledningen" in initiative


def test_add_a_glossary_term(project_copy: Path, tmp_path: Path) -> None:
    append(project_copy, "data/ordliste.yml", NEW_TERM)
    append(project_copy, "docs/om-siden.md", "\nSKS er en testforkortelse.\n")
    site = build(project_copy, tmp_path)
    abbr = [a for a in page(site, "om-siden").find_all("abbr") if a.get_text() == "SKS"]
    assert abbr and abbr[0]["title"].startswith("Testforkortelse fra vejledningen")
    assert "SKS" in page(site, "ordliste").get_text()


def test_add_a_page(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "docs" / "ny-side.md").write_text(NEW_PAGE, encoding="utf-8")
    insert_after(project_copy, "mkdocs.yml", "  - Om siden: om-siden.md\n",
                 "  - Ny side: ny-side.md\n")
    site = build(project_copy, tmp_path)
    assert page(site, "ny-side").find("h1").get_text(strip=True).startswith("Ny side")
    nav = [a.get_text(strip=True) for a in page(site, "").select("nav a")]
    assert "Ny side" in nav


def test_add_a_news_item(project_copy: Path, tmp_path: Path) -> None:
    posts = project_copy / "docs" / "nyheder" / "posts"
    if not posts.is_dir():
        pytest.skip("nyhederne (Materials blog-plugin) er ikke sat op endnu")
    (posts / "2026-11-20-testnyhed.md").write_text(NEWS_POST, encoding="utf-8")
    site = build(project_copy, tmp_path)
    overview = page(site, "nyheder").get_text()
    assert "Testnyhed fra vejledningen" in overview
    assert "Første afsnit vises i oversigten." in overview
    assert "Resten vises kun" not in overview


def test_the_guide_shows_these_recipes() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for snippet in ("data/statusrunder/", "forventet_slut:", "Statusrunder",
                    "id: test-nyt-tiltag", "render_macros: true", "categories:",
                    "./dev check", "./dev preview", "pull request", "ordliste.yml",
                    "data/moeder/", "data/tiltag/", "/admin/", "Gem", "Klar", "Udgiv",
                    "Tiltag", "Møder og beslutninger", "Nyheder", "OAuth", "raekkefoelge",
                    "ikke_tegnet:", "afvigelser:",
                    # The editor's own button names (Sveltia's Danish, locales/da.json).
                    "Log ind med adgangstoken", "Arbejd med lokalt repository", "Log ud"):
        assert snippet in guide, snippet

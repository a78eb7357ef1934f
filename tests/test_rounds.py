"""The half-yearly status rounds (data/statusrunder/<ÅÅÅÅ-MM-DD>.yml), as editors, citizens and
OMU meet them.

Mistakes: each written into a copy of the project; the fast check names the file, the line and
the Danish hint, and a subset goes through the strict build, which names the same line. Pages:
ONE extra build (the session fixture `rounds_site`: two fictional rounds, TEST DATA from
tests/fictional_rounds.py) carries every assertion about round pages, the status page, the
initiative pages, the feed, open data and the rhythm; the real site (the session build) says
plainly that no round has been reported.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from tests import fictional_rounds as fr
from tests.conftest import assert_reported, build_site
from tests.test_mistakes import run_check

SITE_URL = "http://127.0.0.1/strategi/"
MARK = "  # <-- her"  # the line each mistake's message must name
# TEST DATA: an invented round, broken one way per mistake below.
ROUND = """# TESTDATA: opdigtet statusrunde til test.
dato: 2024-03-12
{moede}tiltag:
  - tiltag: {first}
    status: {status}
    tekst: Testdata – kort om, hvor langt tiltaget er.
{extra}  - tiltag: {second}
    status: i gang
    tekst: Testdata – et andet tiltag.
"""


@dataclass(frozen=True)
class RoundMistake:
    name: str
    fields: dict[str, str]
    words: tuple[str, ...]
    file: str = "2024-03-12.yml"


MISTAKES = [
    RoundMistake("unknown-initiative", {"first": "cheforum" + MARK},
                 (": tiltag[0].tiltag:", 'ukendt tiltag "cheforum"', 'mente du "chefforum"',
                  "data/tiltag/")),
    RoundMistake("unknown-meeting", {"moede": "moede: omu-2024-03-12" + MARK + "\n"},
                 (": moede:", 'ukendt møde "omu-2024-03-12"', "data/moeder/")),
    RoundMistake("status-outside-the-list", {"status": "igang" + MARK},
                 (": tiltag[0].status:", 'ukendt status "igang"', 'mente du "i gang"',
                  "planlagt")),
    RoundMistake("delayed-without-reason", {"status": "forsinket" + MARK},
                 (": tiltag[0].status:", 'status "forsinket" kræver en begrundelse')),
    RoundMistake("postponed-without-reason", {"status": "udskudt" + MARK},
                 (": tiltag[0].status:", 'status "udskudt" kræver en begrundelse')),
    RoundMistake("same-initiative-twice", {"second": "chefforum" + MARK},
                 (": tiltag[1].tiltag:", "chefforum", "to gange", "slet den ene")),
    RoundMistake("file-name-not-the-date", {}, (": dato:", '"2024-03-13.yml"',
                                                "data/statusrunder/2024-03-12.yml"),
                 file="2024-03-13.yml"),
    RoundMistake("later-end-without-reason",
                 {"first": "arbejdskultur-og-arbejdsmiljoe",
                  "extra": "    forventet_slut: 1. halvår 2025" + MARK + "\n"},
                 (": tiltag[0].forventet_slut:", "senere end planens slut",
                  "31. december 2024", "begrundelse")),
    RoundMistake("unreadable-expected-end",
                 {"extra": "    forventet_slut: 5. kvartal 2025" + MARK + "\n"},
                 (": tiltag[0].forventet_slut:", "5. kvartal 2025", "kvartal")),
    RoundMistake("unknown-field", {"extra": "    statu: i gang" + MARK + "\n"},
                 (": tiltag[0].statu:", 'ukendt felt "statu"', 'mente du "status"')),
]
BUILD_SUBSET = ["unknown-initiative", "delayed-without-reason", "file-name-not-the-date",
                "later-end-without-reason"]


def write_mistake(project: Path, mistake: RoundMistake) -> tuple[str, int]:
    values = {"moede": "", "first": "chefforum", "status": "i gang", "extra": "",
              "second": "direktionen", **mistake.fields}
    text = ROUND.format(**values)
    if MARK not in text:  # the file's name: the message names the date's line
        text = text.replace("dato: 2024-03-12", "dato: 2024-03-12" + MARK)
    folder = project / "data" / "statusrunder"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / mistake.file).write_text(text, encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if MARK in x)
    return f"data/statusrunder/{mistake.file}", line


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_check_names_the_rounds_file_line_and_hint(project_copy: Path,
                                                   mistake: RoundMistake) -> None:
    rel, line = write_mistake(project_copy, mistake)
    result = run_check(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_reported(result.stdout, f"{rel}:{line}: ", mistake.words)


@pytest.mark.parametrize("name", BUILD_SUBSET)
def test_the_strict_build_names_the_same_line(project_copy: Path, tmp_path: Path,
                                              name: str) -> None:
    mistake = next(m for m in MISTAKES if m.name == name)
    rel, line = write_mistake(project_copy, mistake)
    result = build_site(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{rel}:{line}: " in output, output
    assert all(word in output for word in mistake.words), output


# --- the real site: no round yet ---------------------------------------------------------------

def text_of(element: object) -> str:
    return " ".join(element.get_text(" ").split())  # type: ignore[attr-defined]


def test_the_real_site_says_no_round_is_reported_and_when_the_first_was_due(site_pages):
    status = text_of(site_pages["status/"].select_one("article"))
    assert "Der er endnu ikke offentliggjort nogen statusrunde her" in status
    assert "Seneste statusrunde: ingen endnu" in status
    for url in ("", "status/"):
        notice = text_of(site_pages[url].select_one(".statusrytme"))
        assert "Den første statusrunde er forsinket" in notice
        assert "12. marts 2024" in notice, url
    assert not any(url.startswith("status/runder/") for url in site_pages)


# --- a copy with two fictional rounds (one build) ----------------------------------------------

def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def items(page: BeautifulSoup, heading_id: str) -> list[str]:
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    return [text_of(li) for li in heading.find_next_sibling("ul").select("li")]


def test_round_page_summary_and_changes(rounds_site: Path) -> None:
    page = soup(rounds_site, f"status/runder/{fr.SECOND}")
    assert page.find("h1").get_text(strip=True) == "Statusrunden 10. september 2024"
    counts = {text_of(tr.th): text_of(tr.td) for tr in
              page.select(".statusrunde__antal table tbody tr")}
    assert counts == {"planlagt": "1", "i gang": "8", "løbende": "3", "forsinket": "1",
                      "udskudt": "1", "afsluttet": "4"}
    assert "statusrunden 12. marts 2024" in text_of(page.select_one(".sammendrag"))
    changed = items(page, "ny-status")
    assert len(changed) == len(fr.CHANGED)
    delayed = next(x for x in changed if "arbejdsmiljøet" in x)
    assert "fra i gang til forsinket" in delayed and fr.REASON_DELAYED in delayed
    assert len(items(page, "foerste-gang")) == len(fr.FIRST_TIME)
    assert any(fr.REASON_POSTPONED in x for x in items(page, "forsinket-udskudt"))
    assert len(items(page, "afsluttet")) == 2
    (moved,) = items(page, "forventet-slut")
    assert "fra planens slut 31. december 2024 til 1. halvår 2025" in moved
    assert fr.REASON_MOVED in moved
    tracks = [h.get_text(strip=True) for h in page.select(".statusrunde__spor h3")]
    assert tracks[0] == "Organisering" and len(tracks) == 7
    lines = page.select(".statusrunde__linjer dd")
    assert len(lines) == 18 and all("Testdata" in text_of(dd) for dd in lines)
    # Every sheet of the printed report carries the round's date and source (print.css).
    assert page.select_one('.statusrunde link[rel="stylesheet"]')["href"] == "udskrift.css"
    for link in page.select("#data ~ p a[href]"):  # the round's own data and all rounds'
        href = link["href"].split("#")[0]
        target = (rounds_site / "status/runder" / fr.SECOND / href).resolve()
        assert target.is_file() or (target / "index.html").is_file(), link["href"]
    footer = (rounds_site / f"status/runder/{fr.SECOND}/udskrift.css").read_text(encoding="utf-8")
    assert '"Statusrunden 10. september 2024 · Kilde: sag 23/7776' in footer
    assert "counter(pages)" in footer


def test_first_round_has_no_previous_and_lists_who_is_left_out(rounds_site: Path) -> None:
    page = soup(rounds_site, f"status/runder/{fr.FIRST}")
    assert "første statusrunde" in text_of(page.select_one(".sammendrag"))
    assert page.find(id="ny-status") is None
    assert page.find(id="ikke-med") is not None


def test_a_source_can_be_a_reference_without_transcription(rounds_site: Path) -> None:
    """The first round cites a source that is only a reference: the citation names the
    document, says it is not transcribed here, and leads to its page with the address."""
    page = soup(rounds_site, f"status/runder/{fr.FIRST}")
    source = page.select_one(".statusrunde__kilde")
    assert text_of(source) == ("Kilde: «Testdata – referat fra et opdigtet OMU-møde», "
                               "Områdeudvalg Socialområdet 12. marts 2024 – ikke gengivet her")
    href = source.select_one("a")["href"]
    target = (rounds_site / "status/runder" / fr.FIRST / href / "index.html").resolve()
    reference = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    assert "ikke gengivet her endnu" in text_of(reference.select_one("article"))
    assert reference.select_one('article a[href="https://example.org/testdata/referat"]')
    sources = text_of(soup(rounds_site, "om-siden").select_one(f"#kilde-{fr.REFERENCE_ID}"))
    assert "Henvisning: dokumentet er ikke gengivet her endnu" in sources


def test_status_page_lists_the_rounds_newest_first(rounds_site: Path) -> None:
    page = soup(rounds_site, "status")
    rounds = [text_of(a) for a in page.select("ul.statusrunder a")]
    assert rounds == ["Statusrunden 10. september 2024", "Statusrunden 12. marts 2024"]
    for a in page.select("ul.statusrunder a"):
        assert (rounds_site / "status" / a["href"] / "index.html").resolve().is_file()
    notice = text_of(page.select_one(".statusrytme"))
    assert "Ny statusrunde er forsinket" in notice and "10. marts 2025" in notice
    counts = text_of(page.select_one("table.status-tabel tfoot"))
    assert counts.split()[2:9] == ["1", "8", "3", "1", "1", "4", "0"]


def test_initiative_page_shows_current_status_and_every_round(rounds_site: Path) -> None:
    page = soup(rounds_site, "tiltag/arbejdskultur-og-arbejdsmiljoe")
    assert "Status: forsinket" in text_of(page.select_one(".sammendrag"))
    facts = text_of(page.select_one("dl.fakta"))
    assert fr.REASON_DELAYED in facts and "statusrunden 10. september 2024" in facts
    log = [text_of(li) for li in page.select("ul.statuslog li")]
    assert [x.split(" – ")[0] for x in log] == ["Statusrunden 10. september 2024",
                                                "Statusrunden 12. marts 2024"]
    moved = text_of(soup(rounds_site, "tiltag/handleplan-boernemyndighed")
                    .select_one(".forventet-slut"))
    assert "1. halvår 2025" in moved and fr.REASON_MOVED in moved


def test_feed_has_one_entry_per_round(rounds_site: Path) -> None:
    feed = feedparser.parse((rounds_site / "feed-status.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Statusrunden 10. september 2024",
                                               "Statusrunden 12. marts 2024"]
    assert feed.entries[0].link == SITE_URL + f"status/runder/{fr.SECOND}/"
    assert "forsinket: 1" in feed.entries[0].summary


def test_open_data_has_every_round(rounds_site: Path) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        text = (rounds_site / "data" / name).read_bytes().decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))

    everything = rows("statusrunder.csv")
    assert len(everything) == 16 + 18
    assert [r["runde_dato"] for r in everything][:1] == [fr.SECOND]  # newest first
    late = next(r for r in everything if r["tiltag_id"] == "arbejdskultur-og-arbejdsmiljoe"
                and r["runde_dato"] == fr.SECOND)
    assert (late["status"], late["begrundelse"]) == ("forsinket", fr.REASON_DELAYED)
    assert late["tiltag"] == "Forbedre arbejdskultur og arbejdsmiljøet i tre aftaleområder"
    assert len(rows(f"statusrunde-{fr.FIRST}.csv")) == 16
    document = json.loads((rounds_site / "data" / "statusrunder.json").read_bytes())
    assert [r["dato"] for r in document["statusrunder"]] == [fr.SECOND, fr.FIRST]
    initiatives = {r["id"]: r for r in rows("tiltag.csv")}
    plan = initiatives["handleplan-boernemyndighed"]
    assert (plan["planlagt_slut"], plan["forventet_slut"], plan["status_dato"]) == (
        "2024-12-31", "1. halvår 2025", fr.SECOND)
    whole = json.loads((rounds_site / "data" / "strategi.json").read_bytes())
    assert len(whole["statusrunder"]) == 2
    schema = json.loads((rounds_site / "data" / "schema.json").read_bytes())
    assert "statusrunder" in schema["properties"]


def test_plan_stays_the_plan_and_the_current_end_is_shown_beside_it(rounds_site: Path) -> None:
    """Baseline against current without git: the plan's end as written, the end the newest
    round expects, the round's date and the reason, on every view of the schedule."""
    initiative = text_of(soup(rounds_site, "tiltag/handleplan-boernemyndighed")
                         .select_one("dl.forventet-slut"))
    assert "Planen, som den er skrevet Slut 31. december 2024" in initiative
    assert "statusrunden 10. september 2024 Forventet slut 1. halvår 2025" in initiative
    for url in ("plan", "status"):
        shown = [" ".join(x.get_text().split())
                 for x in soup(rounds_site, url).select(".forventet-slut-kort")]
        assert len(shown) == 1, url
        assert shown[0] == ("Forventet slut nu: 1. halvår 2025 (statusrunden 10. september "
                            f"2024). Begrundelse: {fr.REASON_MOVED}")
    gantt = soup(rounds_site, "gantt")
    assert len(gantt.select(".gantt__svg rect.gantt__forventet")) == 1
    assert len(gantt.select(".gantt-mobil rect.gantt__forventet")) == 1  # the phone chart too
    row = text_of(gantt.select_one("tr.gantt-tabel__forventet"))
    assert "statusrunden 10. september 2024" in row and "1. halvår 2025" in row
    timeline = text_of(soup(rounds_site, "tidslinje").select_one("article"))
    assert "forventet slut (statusrunden 10. september 2024)" in timeline
    calendar = icalendar.Calendar.from_ical((rounds_site / "kalender" / "alle.ics").read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if "forventet-slut" in str(e["UID"])]
    assert "forventet slut (1. halvår 2025)" in str(event["SUMMARY"])
    assert fr.REASON_MOVED in str(event["DESCRIPTION"])
    overdue = [text_of(li) for li in soup(rounds_site, "status").select("#forsinkede + p + ul li")]
    assert any("handleplan" in x.lower() and "forventet slut 30. juni 2025" in x
               for x in overdue), overdue


def test_a_large_round_is_split_into_pages(rounds_project: Path, monkeypatch) -> None:
    """A round of a large plan is paged like the overviews (no page grows with the plan); the
    plan's 18 initiatives stay one page (the printed report). Pages made in-process, no build."""
    import datetime as dt

    from macros.data.loading import load_site_data
    from macros.views import pages
    from macros.views.context import BuildContext

    monkeypatch.setattr(pages, "LINES_PER_PAGE", 5)
    monkeypatch.setattr(pages, "CHANGES_SHOWN", 1)
    build = BuildContext(load_site_data(rounds_project), dt.date(2026, 11, 23))
    made = {p.src_uri: p for p in pages.generated_pages(build)}
    STASH = build.stash
    base = f"status/runder/{fr.SECOND}"
    assert {f"{base}/side-{n}.md" for n in (2, 3, 4)} <= set(made)
    assert f"{base}/side-5.md" not in made  # 18 lines, 5 to a page
    first, _ = STASH.release(made[f"{base}.md"].markdown)
    assert first.count("<dt>") == 5 and "… og 2 flere" in first  # 3 status changes, 1 shown
    assert made[f"{base}/side-2.md"].edit_path == f"data/statusrunder/{fr.SECOND}.yml"
    lines = sum(STASH.release(made[f"{base}/side-{n}.md"].markdown)[0].count("<dt>")
                for n in (2, 3, 4))
    assert lines == 18 - 5

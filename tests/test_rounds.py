"""The half-yearly status rounds (data/statusrunder/<ÅÅÅÅ-MM-DD>.yml), as editors, citizens and
OMU meet them.

Mistakes: each written into a copy of the project; the fast check names the file, the line and
the Danish hint, and a subset goes through the strict build, which names the same line. Pages:
ONE extra build (the session fixture `rounds_site`: two fictional rounds, TEST DATA from
tests/fictional_rounds.py) carries every assertion about round pages, the status page, the
initiative pages, the feed, open data and the rhythm (the rounds are made from whatever
initiatives the copy has). That a site without rounds says so: tests/indhold/test_indhold_rounds.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from macros.data.loading import SiteData, load_site_data
from macros.data.model import Status
from macros.data.periods import format_date_da
from macros.data.rhythm import add_months
from macros.data.rounds import plan_end
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


# {one}, {two}: the copy's first two initiatives; {typo}: the first misspelt; {ended}: the
# first with a planned end, which ends on {plan_end}; {later}: a period the year after.
MISTAKES = [
    RoundMistake("unknown-initiative", {"first": "{typo}" + MARK},
                 (": tiltag[0].tiltag:", 'ukendt tiltag "{typo}"', 'mente du "{one}"',
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
    RoundMistake("same-initiative-twice", {"second": "{one}" + MARK},
                 (": tiltag[1].tiltag:", "{one}", "to gange", "slet den ene")),
    RoundMistake("file-name-not-the-date", {}, (": dato:", '"2024-03-13.yml"',
                                                "data/statusrunder/2024-03-12.yml"),
                 file="2024-03-13.yml"),
    RoundMistake("later-end-without-reason",
                 {"first": "{ended}", "second": "{other}",
                  "extra": "    forventet_slut: {later}" + MARK + "\n"},
                 (": tiltag[0].forventet_slut:", "senere end planens slut",
                  "{plan_end}", "begrundelse")),
    RoundMistake("unreadable-expected-end",
                 {"extra": "    forventet_slut: 5. kvartal 2025" + MARK + "\n"},
                 (": tiltag[0].forventet_slut:", "5. kvartal 2025", "kvartal")),
    RoundMistake("unknown-field", {"extra": "    statu: i gang" + MARK + "\n"},
                 (": tiltag[0].statu:", 'ukendt felt "statu"', 'mente du "status"')),
]
BUILD_SUBSET = ["unknown-initiative", "delayed-without-reason", "file-name-not-the-date",
                "later-end-without-reason"]


def names(project: Path) -> dict[str, str]:
    """What the mistakes name, from the copy's own initiatives."""
    initiatives = load_site_data(project).tiltag.tiltag
    one, two = initiatives[0].id, initiatives[1].id
    ended = next(t for t in initiatives if plan_end(t))
    end = plan_end(ended)
    assert end is not None
    return {"one": one, "two": two, "typo": one[:2] + one[3:], "ended": ended.id,
            "other": next(t.id for t in initiatives if t.id != ended.id),
            "plan_end": format_date_da(end), "later": f"1. halvår {end.year + 1}"}


def write_mistake(project: Path, mistake: RoundMistake) -> tuple[str, tuple[str, ...]]:
    """Write the mistake into the copy: its file, line and the words its message must hold."""
    known = names(project)
    values = {"moede": "", "first": "{one}", "status": "i gang", "extra": "",
              "second": "{two}", **mistake.fields}
    text = ROUND.format(**{key: value.format(**known) for key, value in values.items()})
    if MARK not in text:  # the file's name: the message names the date's line
        text = text.replace("dato: 2024-03-12", "dato: 2024-03-12" + MARK)
    folder = project / "data" / "statusrunder"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / mistake.file).write_text(text, encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if MARK in x)
    words = tuple(word.format(**known) for word in mistake.words)
    return f"data/statusrunder/{mistake.file}:{line}: ", words


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_check_names_the_rounds_file_line_and_hint(project_copy: Path,
                                                   mistake: RoundMistake) -> None:
    prefix, words = write_mistake(project_copy, mistake)
    result = run_check(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_reported(result.stdout, prefix, words)


@pytest.mark.parametrize("name", BUILD_SUBSET)
def test_the_strict_build_names_the_same_line(project_copy: Path, tmp_path: Path,
                                              name: str) -> None:
    mistake = next(m for m in MISTAKES if m.name == name)
    prefix, words = write_mistake(project_copy, mistake)
    result = build_site(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert prefix in output, output
    assert all(word in output for word in words), output


def text_of(element: object) -> str:
    return " ".join(element.get_text(" ").split())  # type: ignore[attr-defined]


# --- a copy with two fictional rounds (one build) ----------------------------------------------

FIRST_DA = format_date_da(dt.date.fromisoformat(fr.FIRST))
SECOND_DA = format_date_da(dt.date.fromisoformat(fr.SECOND))


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def items(page: BeautifulSoup, heading_id: str) -> list[str]:
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    return [text_of(li) for li in heading.find_next_sibling("ul").select("li")]


def second_counts(plan: fr.Rounds) -> dict[str, int]:
    """Each status (in the list's order) with its count in the second round."""
    found = Counter(line[0] for line in plan.second.values() if line)
    return {status.value: found[status.value] for status in Status}


def title(site: SiteData, initiative_id: str) -> str:
    return site.initiative(initiative_id).titel


def test_round_page_summary_and_changes(rounds_site: Path, rounds_project: Path,
                                        rounds_plan: fr.Rounds) -> None:
    site = load_site_data(rounds_project)
    page = soup(rounds_site, f"status/runder/{fr.SECOND}")
    assert page.find("h1").get_text(strip=True) == f"Statusrunden {SECOND_DA}"
    counts = {text_of(tr.th): text_of(tr.td) for tr in
              page.select(".statusrunde__antal table tbody tr")}
    assert counts == {status: str(n) for status, n in second_counts(rounds_plan).items()}
    assert f"statusrunden {FIRST_DA}" in text_of(page.select_one(".sammendrag"))
    changed = items(page, "ny-status")
    assert len(changed) == len(rounds_plan.changed)
    delayed = next(x for x in changed if title(site, rounds_plan.delayed) in x)
    assert "fra i gang til forsinket" in delayed and fr.REASON_DELAYED in delayed
    assert len(items(page, "foerste-gang")) == len(rounds_plan.first_time)
    assert any(fr.REASON_POSTPONED in x for x in items(page, "forsinket-udskudt"))
    completed = [i for i in rounds_plan.initiatives if (line := rounds_plan.second[i])
                 and line[0] == "afsluttet"
                 and not ((before := rounds_plan.first[i]) and before[0] == "afsluttet")]
    assert len(items(page, "afsluttet")) == len(completed)
    (moved,) = items(page, "forventet-slut")
    assert f"fra planens slut {fr.MOVED_PLAN_END} til {fr.MOVED_END}" in moved
    assert fr.REASON_MOVED in moved
    tracks = [h.get_text(strip=True) for h in page.select(".statusrunde__spor h3")]
    assert tracks == [s.titel for s in site.spor.spor
                      if any(t.spor == s.id for t in site.tiltag.tiltag)]
    lines = page.select(".statusrunde__linjer dd")
    assert len(lines) == len(rounds_plan.initiatives)
    assert all("Testdata" in text_of(dd) for dd in lines)
    # Every sheet of the printed report carries the round's date and source (print.css).
    assert page.select_one('.statusrunde link[rel="stylesheet"]')["href"] == "udskrift.css"
    for link in page.select("#data ~ p a[href]"):  # the round's own data and all rounds'
        href = link["href"].split("#")[0]
        target = (rounds_site / "status/runder" / fr.SECOND / href).resolve()
        assert target.is_file() or (target / "index.html").is_file(), link["href"]
    footer = (rounds_site / f"status/runder/{fr.SECOND}/udskrift.css").read_text(encoding="utf-8")
    source = site.source(site.identity.statusbehandling.kilde.dokument)
    assert f'"Statusrunden {SECOND_DA} · Kilde: sag {source.sag}' in footer
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
                               f"{fr.REFERENCE_COMMITTEE} {FIRST_DA} – ikke gengivet her")
    href = source.select_one("a")["href"]
    target = (rounds_site / "status/runder" / fr.FIRST / href / "index.html").resolve()
    reference = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    assert "ikke gengivet her endnu" in text_of(reference.select_one("article"))
    assert reference.select_one('article a[href="https://example.org/testdata/referat"]')
    sources = text_of(soup(rounds_site, "kilder").select_one(f"#kilde-{fr.REFERENCE_ID}"))
    assert "Henvisning: dokumentet er ikke gengivet her endnu" in sources


def test_status_page_lists_the_rounds_newest_first(rounds_site: Path,
                                                   rounds_plan: fr.Rounds) -> None:
    page = soup(rounds_site, "status")
    rounds = [text_of(a) for a in page.select("ul.statusrunder a")]
    assert rounds == [f"Statusrunden {SECOND_DA}", f"Statusrunden {FIRST_DA}"]
    for a in page.select("ul.statusrunder a"):
        assert (rounds_site / "status" / a["href"] / "index.html").resolve().is_file()
    notice = text_of(page.select_one(".statusrytme"))
    due = format_date_da(add_months(dt.date.fromisoformat(fr.SECOND), 6))
    assert "Ny statusrunde er forsinket" in notice and due in notice
    counts = text_of(page.select_one("table.status-tabel tfoot"))
    assert counts.split()[2:9] == [str(n) for n in second_counts(rounds_plan).values()] + ["0"]


def test_initiative_page_shows_current_status_and_every_round(rounds_site: Path,
                                                              rounds_plan: fr.Rounds) -> None:
    page = soup(rounds_site, f"tiltag/{rounds_plan.delayed}")
    assert "Status: forsinket" in text_of(page.select_one(".sammendrag"))
    facts = text_of(page.select_one("dl.fakta"))
    assert fr.REASON_DELAYED in facts and f"statusrunden {SECOND_DA}" in facts
    log = [text_of(li) for li in page.select("ul.statuslog li")]
    assert [x.split(" – ")[0] for x in log] == [f"Statusrunden {SECOND_DA}",
                                                f"Statusrunden {FIRST_DA}"]
    moved = text_of(soup(rounds_site, f"tiltag/{fr.MOVED_ID}").select_one(".forventet-slut"))
    assert fr.MOVED_END in moved and fr.REASON_MOVED in moved


def test_feed_has_one_entry_per_round(rounds_site: Path, rounds_plan: fr.Rounds) -> None:
    feed = feedparser.parse((rounds_site / "feed-status.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [f"Statusrunden {SECOND_DA}",
                                               f"Statusrunden {FIRST_DA}"]
    assert feed.entries[0].link == SITE_URL + f"status/runder/{fr.SECOND}/"
    assert f"forsinket: {second_counts(rounds_plan)['forsinket']}" in feed.entries[0].summary


def test_open_data_has_every_round(rounds_site: Path, rounds_project: Path,
                                   rounds_plan: fr.Rounds) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        text = (rounds_site / "data" / name).read_bytes().decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))

    reported_first = sum(1 for line in rounds_plan.first.values() if line)
    everything = rows("statusrunder.csv")
    assert len(everything) == reported_first + sum(1 for x in rounds_plan.second.values() if x)
    assert [r["runde_dato"] for r in everything][:1] == [fr.SECOND]  # newest first
    late = next(r for r in everything if r["tiltag_id"] == rounds_plan.delayed
                and r["runde_dato"] == fr.SECOND)
    assert (late["status"], late["begrundelse"]) == ("forsinket", fr.REASON_DELAYED)
    assert late["tiltag"] == title(load_site_data(rounds_project), rounds_plan.delayed)
    assert len(rows(f"statusrunde-{fr.FIRST}.csv")) == reported_first
    document = json.loads((rounds_site / "data" / "statusrunder.json").read_bytes())
    assert [r["dato"] for r in document["statusrunder"]] == [fr.SECOND, fr.FIRST]
    initiatives = {r["id"]: r for r in rows("tiltag.csv")}
    plan = initiatives[fr.MOVED_ID]
    assert (plan["planlagt_slut"], plan["forventet_slut"], plan["status_dato"]) == (
        "2024-12-31", fr.MOVED_END, fr.SECOND)
    whole = json.loads((rounds_site / "data" / "strategi.json").read_bytes())
    assert len(whole["statusrunder"]) == 2
    schema = json.loads((rounds_site / "data" / "schema.json").read_bytes())
    assert "statusrunder" in schema["properties"]


def test_plan_stays_the_plan_and_the_current_end_is_shown_beside_it(rounds_site: Path) -> None:
    """Baseline against current without git: the plan's end as written, the end the newest
    round expects, the round's date and the reason, on every view of the schedule."""
    initiative = text_of(soup(rounds_site, f"tiltag/{fr.MOVED_ID}")
                         .select_one("dl.forventet-slut"))
    assert f"Planen, som den er skrevet Slut {fr.MOVED_PLAN_END}" in initiative
    assert f"statusrunden {SECOND_DA} Forventet slut {fr.MOVED_END}" in initiative
    for url in ("plan", "status"):
        shown = [" ".join(x.get_text().split())
                 for x in soup(rounds_site, url).select(".forventet-slut-kort")]
        assert len(shown) == 1, url
        assert shown[0] == (f"Forventet slut nu: {fr.MOVED_END} (statusrunden {SECOND_DA}). "
                            f"Begrundelse: {fr.REASON_MOVED}")
    gantt = soup(rounds_site, "gantt")
    assert len(gantt.select(".gantt__svg rect.gantt__forventet")) == 1
    assert len(gantt.select(".gantt-mobil rect.gantt__forventet")) == 1  # the phone chart too
    row = text_of(gantt.select_one("tr.gantt-tabel__forventet"))
    assert f"statusrunden {SECOND_DA}" in row and fr.MOVED_END in row
    timeline = text_of(soup(rounds_site, "tidslinje").select_one("article"))
    assert f"forventet slut (statusrunden {SECOND_DA})" in timeline
    calendar = icalendar.Calendar.from_ical((rounds_site / "kalender" / "alle.ics").read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if "forventet-slut" in str(e["UID"])]
    assert f"forventet slut ({fr.MOVED_END})" in str(event["SUMMARY"])
    assert fr.REASON_MOVED in str(event["DESCRIPTION"])
    overdue = [text_of(li) for li in soup(rounds_site, "status").select("#forsinkede + p + ul li")]
    assert any(fr.MOVED_TITLE in x and f"forventet slut {fr.MOVED_END_DAY}" in x
               for x in overdue), overdue


def test_a_large_round_is_split_into_pages(rounds_project: Path, rounds_plan: fr.Rounds,
                                           monkeypatch) -> None:
    """A round of a large plan is paged like the overviews (no page grows with the plan); a
    plan's initiatives otherwise stay one page (the printed report). Pages made in-process, no
    build; a page holds a quarter of the round's lines, so it takes four pages."""
    from macros.views import pages
    from macros.views.context import BuildContext

    total = len(rounds_plan.initiatives)
    per_page = -(-total // 4)
    page_count = -(-total // per_page)
    monkeypatch.setattr(pages, "LINES_PER_PAGE", per_page)
    monkeypatch.setattr(pages, "CHANGES_SHOWN", 1)
    build = BuildContext(load_site_data(rounds_project), dt.date(2026, 11, 23))
    made = {p.src_uri: p for p in pages.generated_pages(build)}
    STASH = build.stash
    base = f"status/runder/{fr.SECOND}"
    assert {f"{base}/side-{n}.md" for n in range(2, page_count + 1)} <= set(made)
    assert page_count >= 3 and f"{base}/side-{page_count + 1}.md" not in made
    first, _ = STASH.release(made[f"{base}.md"].markdown)
    more = len(rounds_plan.changed) - 1  # status changes, 1 shown
    assert first.count("<dt>") == per_page and f"… og {more} flere" in first
    assert made[f"{base}/side-2.md"].edit_path == f"data/statusrunder/{fr.SECOND}.yml"
    lines = sum(STASH.release(made[f"{base}/side-{n}.md"].markdown)[0].count("<dt>")
                for n in range(2, page_count + 1))
    assert lines == total - per_page

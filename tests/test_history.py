"""History from git, on a scripted repository with fixed commit dates: each commit changes one
thing (a status the old way, on the initiative, then moved into a status round; a period, a
title, an initiative added, a broken commit, the initiative removed), and the history, the
pages, the feeds and the calendars say exactly that, dated. The initiatives the commits change,
the round and its texts are TEST DATA, invented and added to a copy of any strategy."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from macros.data import rhythm
from macros.data.loading import load_site_data
from macros.history.compute import compute_history, describe
from macros.history.planned import planned_vs_current
from macros.views import changes as hist
from tests.conftest import ROOT, build_site, copy_project

SITE_URL = "http://127.0.0.1/strategi/"
DRAFT = [("tekst: december 2022 – 1. juni 2023", "tekst: december 2022 – 1. marts 2023"),
         ("dato: 1. juni 2023\n    titel: Tiltrædelse",
          "dato: 1. marts 2023\n    titel: Tiltrædelse")]
DRAFTED = "Hele ansættelsesforløbet: december 2022 – 1. marts 2023"
AS_WRITTEN = "Hele ansættelsesforløbet: december 2022 – 1. juni 2023"
TILTAG = Path("data") / "tiltag"  # one file per initiative
# TEST DATA: three invented initiatives the commits change ({spor} and {kilde}: the copy's first
# track and where its approval stands), written into the copy before its first commit.
MOVED = "testdata-ansaettelse"  # its plan is moved
STATUS = "testdata-status"  # its status is given the old way, then in a round
RETITLED = "testdata-titel"  # its title is corrected
OLD_TITLE = "Testdata – flytning af fysisk arbejdssted ifm. opdeling"
NEW_TITLE = "Testdata – flytning af fysisk arbejdssted ved opdeling"
INVENTED = {
    MOVED: """titel: Testdata – ansættelse af en leder
perioder:
  - tekst: december 2022 – 1. juni 2023
    betegnelse: Hele ansættelsesforløbet
milepaele:
  - dato: 1. januar 2023
    titel: Testdata – konstituering
  - dato: januar – marts 2023
    titel: Testdata – stillingsopslag
  - dato: april 2023
    titel: Testdata – samtaler
  - dato: 1. juni 2023
    titel: Tiltrædelse
""",
    STATUS: """titel: Testdata – tiltag med status
milepaele:
  - dato: juni 2023
    titel: Testdata – rekruttering
""",
    RETITLED: f"""titel: {OLD_TITLE}
perioder:
  - tekst: 2. halvår 2023
""",
}
NEW_INITIATIVE = """id: nyt-tiltag
titel: Et nyt tiltag til test
spor: {spor}
perioder:
  - tekst: 2. halvår 2024
kilde: {kilde}
raekkefoelge: 5
"""
# TEST DATA: an invented status round.
ROUND = f"""dato: 2024-03-01
tiltag:
  - tiltag: {STATUS}
    status: forsinket
    tekst: Testdata – ingen ansat endnu.
    begrundelse: Testdata – rekrutteringen er sat i bero.
"""


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktør", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redaktør", "GIT_COMMITTER_EMAIL": "r@example.org"}
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+01:00"
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                            check=True)
    return result.stdout


def edit(repo: Path, item: str, old: str, new: str) -> None:
    path = repo / TILTAG / f"{item}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write_invented(repo: Path) -> dict[str, str]:
    """The invented initiatives (and no round: the copy's rounds would be newer); returns what
    NEW_INITIATIVE names."""
    site = load_site_data(repo)
    cited = site.identity.godkendt.kilde
    names = {"spor": site.spor.spor[0].id,
             "kilde": f"{{dokument: {cited.dokument}, sted: '{cited.sted}'}}"}
    shutil.rmtree(repo / "data" / "statusrunder", ignore_errors=True)
    for order, (item, text) in enumerate(INVENTED.items(), start=1):
        (repo / TILTAG / f"{item}.yml").write_text(
            f"# TESTDATA\nid: {item}\n{text}spor: {names['spor']}\nkilde: {names['kilde']}\n"
            f"raekkefoelge: {9000 + order}\n", encoding="utf-8")
    return names


def unchanged(site: object) -> str:
    """The copy's own first initiative with a drawn period (no commit changes it)."""
    return next(t.id for t in site.tiltag.tiltag  # type: ignore[attr-defined]
                if t.perioder and t.id not in INVENTED)


def commit(repo: Path, when: str, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_project(tmp_path_factory.mktemp("historik") / "projekt")
    names = write_invented(repo)
    # First published with the hiring drawn three months too early (test data); the plan as
    # written is drawn later: the move here is the correction.
    for old, new in DRAFT:
        edit(repo, MOVED, old, new)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "2024-01-10", "Publish the site")
    edit(repo, STATUS, "kilde:",
         "status: forsinket\nbegrundelse: Rekrutteringen er sat i bero.\n"
         "statuslog:\n"
         "  - {dato: 2024-03-01, status: forsinket, tekst: Ingen ansat endnu.}\n"
         "kilde:")
    commit(repo, "2024-03-05", "Status: hiring delayed")  # the fields older commits have
    edit(repo, STATUS,
         "status: forsinket\nbegrundelse: Rekrutteringen er sat i bero.\n"
         "statuslog:\n"
         "  - {dato: 2024-03-01, status: forsinket, tekst: Ingen ansat endnu.}\n", "")
    (repo / "data" / "statusrunder").mkdir()
    (repo / "data" / "statusrunder" / "2024-03-01.yml").write_text(ROUND, encoding="utf-8")
    commit(repo, "2024-03-06", "Status: moved into a round")
    round_file = repo / "data" / "statusrunder" / "2024-03-01.yml"
    round_file.write_text(ROUND.replace("ingen ansat endnu", "ingen er ansat endnu"),
                          encoding="utf-8")
    commit(repo, "2024-03-20", "Correct the round")
    for old, new in DRAFT:
        edit(repo, MOVED, new, old)
    commit(repo, "2024-04-02", "Move the hiring period")
    edit(repo, RETITLED, f"titel: {OLD_TITLE}\n", f"titel: {NEW_TITLE}\n")
    commit(repo, "2024-05-06", "Correct a title")
    (repo / TILTAG / "nyt-tiltag.yml").write_text(NEW_INITIATIVE.format(**names),
                                                  encoding="utf-8")
    commit(repo, "2024-06-03", "Add an initiative")
    edit(repo, "nyt-tiltag", "titel: Et nyt tiltag til test\n",
         "titel: Et nyt tiltag til test\nniveau: midt\n")
    commit(repo, "2024-06-15", "A broken commit")
    (repo / TILTAG / "nyt-tiltag.yml").unlink()
    commit(repo, "2024-07-01", "Remove the initiative again")
    (repo / "docs" / "privatliv.md").write_text(
        (repo / "docs" / "privatliv.md").read_text(encoding="utf-8") + "\nEn rettelse.\n",
        encoding="utf-8")
    commit(repo, "2024-07-20", "Docs only")
    return repo


def entries(history, kind: str, item_id: str) -> list[tuple[str, str, str, str | None,
                                                                 str | None, str | None]]:
    return [(c.day.isoformat(), c.change.action, c.change.field, c.change.old, c.change.new,
             c.change.reason) for c in history.for_item(kind, item_id)]


def test_history_lists_each_change_dated(repo: Path) -> None:
    history = compute_history(repo)
    assert history.available
    # The commit with the status on the initiative (as older commits have it) is read, not
    # skipped: the fields the rounds replaced are left out.
    assert entries(history, "tiltag", STATUS) == [
        ("2024-01-10", "tilfoejet", "", None, None, None),
    ]
    # A round is an item of its own: its correction is dated like any other change.
    line = (f"{STATUS}: forsinket – Testdata – {{}} Begrundelse: Testdata – "
            "rekrutteringen er sat i bero.")
    assert entries(history, "statusrunde", "2024-03-01") == [
        ("2024-03-20", "tekst", "linje", line.format("ingen ansat endnu."),
         line.format("ingen er ansat endnu."), None),
        ("2024-03-06", "tilfoejet", "", None, None, None),
    ]
    assert entries(history, "tiltag", MOVED)[0] == (
        "2024-04-02", "tidsplan", "perioder", DRAFTED, AS_WRITTEN, None)
    assert entries(history, "tiltag", RETITLED)[0] == (
        "2024-05-06", "tekst", "titel", OLD_TITLE, NEW_TITLE, None)
    assert entries(history, "tiltag", "nyt-tiltag") == [
        ("2024-07-01", "fjernet", "", None, None, None),
        ("2024-06-03", "tilfoejet", "", None, None, None),
    ]
    # The broken commit is skipped, counted and named in the build's log line.
    assert [(s.day.isoformat(), s.problems) for s in history.skipped] == [("2024-06-15", 1)]
    assert "1 commit(s) sprunget over" in describe(history)
    # Newest first across the site; the docs-only commit changed no data.
    assert history.changes[0].day == dt.date(2024, 7, 1)
    record = history.record("tiltag", STATUS)
    assert (record.published, record.last_changed) == (dt.date(2024, 1, 10), dt.date(2024, 1, 10))


def test_sentences_say_what_changed(repo: Path) -> None:
    history = compute_history(repo)
    title = history.for_item("tiltag", RETITLED)[0]
    assert hist.sentence(title) == f"Titlen rettet fra «{OLD_TITLE}» til «{NEW_TITLE}»."


def test_a_second_run_reads_the_cache(repo: Path, tmp_path: Path) -> None:
    first = compute_history(repo, cache_root=tmp_path)
    cached = list(tmp_path.rglob("*.json"))
    # One per pair the walk compares (in one process, as here): each of the 9 data commits with
    # the one before it (the first with nothing) up to the broken one, and the commit after the
    # broken one with the last valid one. (With a second process, which reads every
    # consecutive pair ahead, the broken one's successor pair is read too.)
    assert len(cached) == 9
    again = compute_history(repo, cache_root=tmp_path)
    assert [c.change for c in again.changes] == [c.change for c in first.changes]


def test_planned_against_current(repo: Path) -> None:
    history = compute_history(repo)
    site = load_site_data(repo)
    moved = planned_vs_current(history, site.initiative(MOVED))
    assert moved is not None and moved.changed
    assert moved.published == dt.date(2024, 1, 10)
    assert moved.first_span == (dt.date(2022, 12, 1), dt.date(2023, 4, 30))  # april 2023
    assert moved.current_span == (dt.date(2022, 12, 1), dt.date(2023, 6, 1))
    assert (moved.start_months, moved.end_months, moved.months) == (0, 2, 2)
    assert hist.plan_line(history, site.initiative(MOVED)).moved == "2 måneder senere"
    same = planned_vs_current(history, site.initiative(unchanged(site)))
    assert same is not None and not same.changed


def test_last_updated_dates(repo: Path) -> None:
    history = compute_history(repo)
    site = load_site_data(repo)
    assert hist.page_updated(history, site, f"tiltag/{STATUS}.md", True,
                             False) == dt.date(2024, 1, 10)
    assert hist.page_updated(history, site, f"tiltag/{RETITLED}.md", True,
                             False) == dt.date(2024, 5, 6)
    assert hist.page_updated(history, site, "privatliv.md", False, False) == dt.date(2024, 7, 20)
    # A page that renders data is as new as data/ (the docs-only commit did not touch it).
    assert hist.page_updated(history, site, "index.md", False, True) == dt.date(2024, 7, 1)


@pytest.mark.parametrize(("today", "overdue", "due"), [
    (dt.date(2024, 8, 1), False, dt.date(2024, 9, 1)),
    (dt.date(2024, 9, 2), True, dt.date(2024, 9, 1)),
])
def test_status_rhythm_from_the_newest_round(repo: Path, today: dt.date, overdue: bool,
                                            due: dt.date) -> None:
    state = rhythm.rhythm(load_site_data(repo), today)
    assert (state.last_report, state.due, state.overdue) == (dt.date(2024, 3, 1), due, overdue)


def test_status_rhythm_from_the_approval_without_reports(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.rmtree(tmp_path / "data" / "statusrunder", ignore_errors=True)
    site = load_site_data(tmp_path)
    approved = site.identity.godkendt.dato
    today = rhythm.add_months(approved, 7)
    state = rhythm.rhythm(site, today)
    assert (state.last_report, state.counted_from, state.due, state.overdue) == (
        None, approved, rhythm.add_months(approved, 6), True)


@pytest.fixture(scope="module")
def repo_site(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("historik-site") / "site"
    result = build_site(repo, out, site_url=SITE_URL, env_extra={"STRATEGI_DATO": "2024-08-01"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.count("Historik:") == 1
    return out


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    """The text as a reader sees it: a quotation (<q>) between the marks the browser draws."""
    for quote in element.find_all("q"):
        quote.insert_before("«")
        quote.insert_after("»")
    return " ".join(element.get_text().split())


def test_initiative_page_shows_changes_and_planned_against_current(repo_site: Path) -> None:
    page = soup(repo_site, f"tiltag/{MOVED}")
    changes = [text_of(li) for li in page.select("ul.aendringer li")]
    assert changes[0] == f"2. april 2024: Perioderne flyttet fra «{DRAFTED}» til «{AS_WRITTEN}»."
    assert changes[-1] == "10. januar 2024: Lagt på siden."
    assert len(changes) == 3 and changes[1].startswith("2. april 2024: Milepælene flyttet")
    planned = text_of(page.select_one("dl.planlagt-nu"))
    assert "Først offentliggjort 10. januar 2024" in planned
    assert "Flyttet 2 måneder senere" in planned
    assert text_of(page.select_one(".sidst-opdateret")) == "Sidst opdateret 2. april 2024"
    status = soup(repo_site, f"tiltag/{STATUS}")
    assert "Offentliggjort 10. januar 2024. Sidst ændret 10. januar 2024." in text_of(
        status.select_one(".historik-datoer"))
    correction = soup(repo_site, "status/runder/2024-03-01")
    assert text_of(correction.select_one("ul.aendringer li")).startswith(
        f"20. marts 2024: Linjen om et tiltag rettet fra «{STATUS}: forsinket")
    # The status comes from the round, with its reason and date.
    facts = text_of(status.select_one("dl.fakta"))
    assert "forsinket – Testdata – rekrutteringen er sat i bero. (statusrunden 1. marts 2024)" \
        in facts


def test_plan_gantt_and_status_show_the_moved_plan(repo_site: Path) -> None:
    for url in ("plan", "status"):
        moved = [text_of(x) for x in soup(repo_site, url).select(".plan-flyttet")]
        assert len(moved) == 1 and "flyttet 2 måneder senere" in moved[0], url
    gantt = soup(repo_site, "gantt")
    assert len(gantt.select("rect.gantt__oprindelig")) == 1
    assert "Først offentliggjort 10. januar 2024" in text_of(
        gantt.select_one("tr.gantt-tabel__oprindelig"))


def test_change_page_lists_newest_first(repo_site: Path) -> None:
    page = soup(repo_site, "aendringer")
    days = [h.get_text(strip=True) for h in page.select("article h2[id^=aendringer-]")]
    assert days[:4] == ["1. juli 2024", "3. juni 2024", "6. maj 2024", "2. april 2024"]
    first = text_of(page.select_one("ul.aendringsliste li"))
    assert first == "Tiltag: Et nyt tiltag til test – Fjernet fra siden."


def test_front_page_says_when_the_next_status_is_due(repo_site: Path) -> None:
    """The status page says it, and the front page too where the strategy shows the notice
    there (this one's does: tests/indhold/)."""
    notices = [soup(repo_site, url).select_one(".statusrytme") for url in ("status", "")]
    assert notices[0] is not None
    for notice in filter(None, notices):
        assert "Næste statusrunde ventes senest 1. september 2024" in text_of(notice)
        assert "den seneste statusrunde 1. marts 2024" in text_of(notice)
        assert "forsinket" not in text_of(notice)


def test_change_feeds_parse(repo_site: Path) -> None:
    feed = feedparser.parse((repo_site / "feed-aendringer.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert feed.entries[0].title == "Et nyt tiltag til test: Fjernet fra siden."
    assert feed.entries[0].published_parsed[:3] == (2024, 7, 1)
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    own = feedparser.parse(
        (repo_site / f"tiltag/{STATUS}/aendringer.xml").read_bytes())
    assert not own.bozo
    assert [(e.published_parsed[:3], e.summary) for e in own.entries] == [
        ((2024, 1, 10), "Lagt på siden.")]
    assert own.feed.link == SITE_URL + f"tiltag/{STATUS}/"


def test_initiative_calendar_parses(repo_site: Path) -> None:
    path = repo_site / f"tiltag/{MOVED}/kalender.ics"
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("Hele ansættelsesforløbet" in s for s in summaries)
    period = next(e for e in events if "Hele ansættelsesforløbet" in str(e["SUMMARY"]))
    assert period.decoded("DTEND") == dt.date(2023, 6, 2)  # the corrected end, exclusive
    assert all(str(e["URL"]).startswith(SITE_URL) for e in events)


def test_change_data_files(repo_site: Path) -> None:
    text = (repo_site / "data" / "aendringer.csv").read_bytes().decode("utf-8-sig")
    header, first, *_ = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    assert header[:6] == ["dato", "commit", "type", "id", "navn", "handling"]
    assert (first[0], first[3], first[5]) == ("2024-07-01", "nyt-tiltag", "fjernet")
    document = json.loads((repo_site / "data" / "aendringer.json").read_bytes())
    assert document["historik_tilgaengelig"] is True
    assert document["aendringer"][0]["beskrivelse"] == "Fjernet fra siden."


def test_without_git_the_build_says_so_and_shows_no_dates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "uden-git")
    out = tmp_path / "site"
    result = build_site(project, out, site_url=SITE_URL)
    assert result.returncode == 0, result.stderr
    lines = [x for x in result.stderr.splitlines() if "Historik" in x]
    assert len(lines) == 1 and "ingen ændringshistorik" in lines[0]
    first = load_site_data(project).tiltag.tiltag[0].id
    page = (out / "tiltag" / first / "index.html").read_text(encoding="utf-8")
    assert "sidst-opdateret" not in page and "Offentliggjort" not in page
    assert "kunne ikke læses" in page


def test_a_shallow_clone_has_no_history(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   check=True)
    history = compute_history(clone)
    assert not history.available and "overfladisk" in history.note


def test_check_warns_when_the_next_round_is_late(repo: Path) -> None:
    from macros.editors.status_rhythm import status_warnings

    site = load_site_data(repo)
    assert status_warnings(site, dt.date(2024, 9, 1)) == []
    (warning,) = status_warnings(site, dt.date(2024, 9, 2))
    assert warning.file == "data/statusrunder/2024-03-01.yml"
    assert "skulle have foreligget senest 1. september 2024" in warning.message
    assert "den seneste statusrunde er fra 1. marts 2024" in warning.message

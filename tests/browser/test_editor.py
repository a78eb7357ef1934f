"""The browser editor end to end, as a communications officer uses it: Sveltia CMS at /admin/ of
a strict build of a temporary clone, in its local mode («Arbejd med lokalt repository»), saving
into the clone's files (tests/browser/cms_driver.py), which a second strict build then
publishes.

(a) a half-yearly status round for every initiative, where up to 5 changed (one to "forsinket"
with a reason), entered in one form that the build filled in from the previous round, saved once:
the file on disk, the round's page, and at most 40 interactions; (b) "forsinket" without a reason is
refused with a Danish message over the field; (c) a new news post appears on the news page;
(d) on a phone (360 px) an initiative's row is changed with a reason and saved, the form never
scrolls sideways; (e) axe finds no WCAG 2.2 A/AA violation on the editor's screens at 360 and
1280 px; (f) no request leaves loopback. The rounds are TEST DATA (tests/fictional_rounds.py),
written into the clone, over the clone's own initiatives (any strategy's).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from macros.data.loading import load_site_data
from macros.data.yamlsource import read_yaml
from macros.kvalitet.page_walk import WCAG_TAGS, axe_violations
from tests import fictional_rounds as fr
from tests.browser.cms_driver import (
    Editor,
    choose,
    editor_on_clone,
    field,
    new_context,
    open_editor,
    row,
    save,
    saved_file,
    saved_files,
)

pytestmark = pytest.mark.browser

NEW_ROUND = "2025-03-11"
REASON = "Testdata: tiltaget er flyttet, fordi styregruppen først mødes i december."
# TEST DATA: what changes since the previous round (every initiative "i gang"), in the plan's
# first five rows (as many as there are).
NEW_STATUSES = [
    ("forsinket", "Testdata: første møde er holdt; det næste er flyttet."),
    ("afsluttet", "Testdata: tiltaget er på plads."),
    ("planlagt", "Testdata: arbejdet begynder efter sommerferien."),
    ("afsluttet", "Testdata: vagtplanen er taget i brug."),
    ("løbende", "Testdata: kommunikationen følges løbende."),
]
MAX_INTERACTIONS = 40


def previous_lines(project: Path) -> dict[str, fr.Line | None]:
    """The previous round (TEST DATA): every initiative of the clone "i gang"."""
    return {t.id: ("i gang", None, None) for t in load_site_data(project).tiltag.tiltag}


def previous_round(project: Path) -> None:
    shutil.rmtree(project / "data" / "statusrunder", ignore_errors=True)  # the only round
    fr.write_round(project, fr.round_data(fr.SECOND, previous_lines(project)))


def changes_of(rows: list[str]) -> dict[str, tuple[str, str]]:
    return dict(zip(rows, NEW_STATUSES, strict=False))


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    with editor_on_clone(tmp_path_factory.mktemp("redaktoer"), prepare=previous_round) as running:
        yield running


@pytest.fixture
def admin(browser, editor: Editor):
    context = new_context(browser, editor)
    page = context.new_page()
    yield page
    context.close()


def data_of(editor: Editor, rel: str) -> object:
    """A saved file as the site's loader reads it (without problems)."""
    doc = read_yaml(editor.project / rel, rel)
    assert not doc.problems, doc.problems
    return doc.data


class Counted:
    """The interactions a person makes: each click, option chosen and field typed counts one."""

    def __init__(self, page: object) -> None:
        self.page, self.count = page, 0

    def click(self, locator: object) -> None:
        locator.click()  # type: ignore[attr-defined]
        self.count += 1

    def fill(self, locator: object, text: str) -> None:
        locator.fill(text)  # type: ignore[attr-defined]
        self.count += 1

    def choose(self, scope: object, label: str, option: str) -> None:
        self.click(scope.get_by_role("combobox", name=label, exact=True))  # type: ignore
        self.click(self.page.get_by_role("option", name=option, exact=True))  # type: ignore


def rows_of(editor: Editor) -> list[str]:
    """The form's rows: every initiative, in the plan's order (cms_build.round_starter)."""
    return [t.id for t in load_site_data(editor.project).tiltag.tiltag]


def test_delayed_without_reason_is_refused_in_danish(admin, editor: Editor):
    open_editor(admin, editor, "#/collections/statusrunder/new")
    before = set(saved_files(admin, "data/statusrunder"))
    admin.get_by_role("textbox", name="Dato", exact=True).fill("2025-01-15")
    index = 0  # "i gang" before: no reason to copy
    line = row(admin, index)
    choose(admin, line, "Status", "forsinket")
    save(admin)
    refusal = line.get_by_text('Status "forsinket" kræver en begrundelse')
    refusal.wait_for()
    assert set(saved_files(admin, "data/statusrunder")) == before
    # The message stands over the row's begrundelse, not only in a toast.
    field = line.get_by_role("textbox", name="Begrundelse", exact=True).bounding_box()
    said = refusal.bounding_box()
    assert field and said and 0 < field["y"] - said["y"] < 120, (said, field)


def test_a_round_of_every_initiative_with_changes_is_one_form_and_one_save(admin,
                                                                          editor: Editor):
    rel = f"data/statusrunder/{NEW_ROUND}.yml"
    rows = rows_of(editor)
    changes = changes_of(rows)
    assert len(rows) >= 3 and len(changes) == min(len(rows), len(NEW_STATUSES))
    started = time.monotonic()
    person = Counted(admin)
    person.count += 1  # typing the editor's address
    open_editor(admin, editor)
    person.count += 2  # «Arbejd med lokalt repository», choosing the folder once
    person.click(admin.get_by_role("treeitem", name="Statusrunder"))
    person.click(admin.get_by_role("button", name="Opret nyt dokument").first)
    person.fill(admin.get_by_role("textbox", name="Dato", exact=True), NEW_ROUND)
    for initiative, (status, text) in changes.items():
        line = row(admin, rows.index(initiative))
        person.choose(line, "Status", status)
        person.fill(line.get_by_role("textbox", name="Tekst", exact=True), text)
        if status == "forsinket":
            person.fill(line.get_by_role("textbox", name="Begrundelse", exact=True), REASON)
    # The preview writes the date as the site does, and the initiatives' titles, not ids.
    preview = admin.frame_locator("iframe").first
    preview.get_by_text("Statusrunden 11. marts 2025").wait_for()
    first = load_site_data(editor.project).tiltag.tiltag[0]
    assert preview.get_by_text(first.titel, exact=True).count() >= 1
    shots = os.environ.get("STRATEGI_SKAERMBILLEDER")  # the form, for the note
    if shots:
        admin.screenshot(path=str(Path(shots) / "statusrunde-formular-1280.png"))
    person.click(admin.get_by_role("button", name="Gem", exact=True))
    text = saved_file(admin, editor, rel)
    seconds = time.monotonic() - started
    print(f"\nStatusrunde: {person.count} interaktioner, {seconds:.1f} s")  # for the note
    assert person.count <= MAX_INTERACTIONS

    if os.environ.get("STRATEGI_GEM_REDAKTOER"):  # keep what the editor wrote, to look at
        shutil.copy(editor.project / rel, os.environ["STRATEGI_GEM_REDAKTOER"])
    assert text.endswith("\n") and not text.endswith("\n\n")
    saved = data_of(editor, rel)
    previous = {line["tiltag"]: line for line in fr.round_data(
        fr.SECOND, previous_lines(editor.project))["tiltag"]}
    expected_rows = []
    for initiative in rows:
        line = dict(previous[initiative])
        if initiative in changes:
            line["status"], line["tekst"] = changes[initiative]
            if changes[initiative][0] == "forsinket":
                line["begrundelse"] = REASON
        expected_rows.append(line)
    assert saved == {"dato": NEW_ROUND, "tiltag": expected_rows}

    result = editor.build()
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((editor.site / "status" / "runder" / NEW_ROUND / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    changed = " ".join(page.find(id="ny-status").find_next_sibling("ul").get_text(" ").split())
    assert "fra i gang til forsinket" in changed and REASON in changed
    assert len(page.find(id="ny-status").find_next_sibling("ul").select("li")) == len(changes)


def test_new_news_post_appears_on_the_news_page(admin, editor: Editor):
    title = "Status på strategien er sendt til OMU"
    open_editor(admin, editor, "#/collections/nyheder/new")
    before = set(saved_files(admin, "docs/nyheder/posts"))
    admin.get_by_role("textbox", name="Titel", exact=True).fill(title)
    admin.get_by_role("textbox", name="Dato", exact=True).fill("2026-11-20")
    admin.get_by_role("checkbox", name="Nyheder", exact=True).check()
    admin.get_by_role("textbox", name="Kort beskrivelse", exact=True).fill(
        "Halvårsstatus for strategien.")
    admin.get_by_role("textbox", name="Tekst", exact=True).fill(
        "Status på arbejdet med strategien er sendt til OMU.")
    save(admin)
    deadline = time.monotonic() + 15
    while not (new := set(saved_files(admin, "docs/nyheder/posts")) - before):
        assert time.monotonic() < deadline, "nyheden blev ikke gemt"
        admin.wait_for_timeout(200)
    (name,) = new
    rel = f"docs/nyheder/posts/{name}"
    text = saved_file(admin, editor, rel)
    # Its address without æ, ø, å: the post's slug, made from the title, and a file name of
    # plain letters.
    address = "status-paa-strategien-er-sendt-til-omu"
    assert name.startswith("2026-11-20-") and name.isascii(), name
    assert f"\nslug: {address}\n" in text
    result = editor.build()
    assert result.returncode == 0, result.stdout + result.stderr
    news = (editor.site / "nyheder" / "index.html").read_text(encoding="utf-8")
    assert title in news
    assert dt.date(2026, 11, 20).isoformat() in news or "20. november 2026" in news
    assert list((editor.site / "nyheder").glob(f"*/*/*/{address}/index.html")), address


def test_the_lists_show_titles_in_the_sites_order(admin, editor: Editor):
    """The initiatives as the site orders them (raekkefoelge), not by file name; news posts
    with their title or, for older posts without one, their description."""
    open_editor(admin, editor, "#/collections/tiltag")
    links = admin.locator("[role=gridcell], [role=row], [role=listitem], [role=option]").filter(
        has_text=load_site_data(editor.project).tiltag.tiltag[0].titel)
    links.first.wait_for()
    titles = [t.titel for t in load_site_data(editor.project).tiltag.tiltag]
    listed = admin.get_by_role("group", name="Dokumentliste").inner_text()
    places = [listed.find(title) for title in titles]
    assert -1 not in places and places == sorted(places), list(zip(titles, places, strict=True))
    admin.goto(editor.url + "admin/#/collections/nyheder")
    post = sorted((editor.project / "docs" / "nyheder" / "posts").glob("*.md"))[0]
    meta = yaml.safe_load(post.read_text(encoding="utf-8").split("---\n")[1])
    shown = str(meta.get("title") or meta["description"])
    admin.get_by_text(shown[:40], exact=False).first.wait_for()


def test_a_new_meeting_is_saved_on_its_first_try(admin, editor: Editor):
    """The form opens without an empty attachment row that would block the save."""
    rel = "data/moeder/testdata-temadag-2026-11-20.yml"  # TEST DATA: an invented meeting
    open_editor(admin, editor, "#/collections/moeder/new")
    admin.get_by_role("textbox", name="Id (adresse)", exact=True).wait_for()
    assert admin.get_by_role("textbox", name="Nummer", exact=True).count() == 0  # no row
    admin.get_by_role("textbox", name="Id (adresse)", exact=True).fill(
        "testdata-temadag-2026-11-20")
    admin.get_by_role("textbox", name="Type", exact=True).fill("temadag")
    admin.get_by_role("textbox", name="Titel", exact=True).fill("Testdata: temadag")
    admin.get_by_role("textbox", name="Dato", exact=True).fill("2026-11-20")
    # Few sources: the editor shows them as radio buttons, not a drop-down list. Cited where
    # the strategy's approval stands.
    site = load_site_data(editor.project)
    cited = site.identity.godkendt.kilde
    field(admin, "Kildedokument").get_by_role(
        "radio", name=site.source(cited.dokument).titel).check()
    field(admin, "Sted i kilden").get_by_role("textbox").fill(cited.sted or "")
    save(admin)
    saved_file(admin, editor, rel)
    saved = data_of(editor, rel)
    assert saved["titel"] == "Testdata: temadag"
    assert "bilag" not in saved, saved  # an empty list is left out, as in the other files


PHONE_ROUND = "2025-09-09"  # TEST DATA: a round entered on a phone
PHONE_REASON = "Testdata: tiltaget venter på den nye organisering."
WIDTHS = (360, 1280)


def box_once_shown(locator: Any) -> dict[str, float]:
    """The element's box once it shows. A change of route replaces the editor's pane, so the
    button found may be the last screen's, gone before its box is read."""
    for _ in range(50):
        locator.wait_for()
        box = locator.bounding_box()
        if box:
            return box
    raise AssertionError(f"{locator} viser sig ikke")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_editor_fits_the_screen_and_axe_finds_nothing(browser, editor: Editor, width):
    """The collections, a new round and an initiative: nothing wider than the screen, the save
    button on it, and no WCAG 2.2 A/AA violation axe can find."""
    context = new_context(browser, editor, width=width, height=800)
    page = context.new_page()
    axe = Axe()
    problems = {}
    try:
        open_editor(page, editor)
        screens = {"samlinger": "", "ny statusrunde": "#/collections/statusrunder/new",
                   "tiltag": f"#/collections/tiltag/entries/{rows_of(editor)[0]}"}
        for screen, route in screens.items():
            if route:
                page.goto(editor.url + "admin/" + route)
                button = box_once_shown(page.get_by_role("button", name="Gem", exact=True))
                assert button["x"] + button["width"] <= width, (screen, button)
            else:
                page.get_by_text("Samlinger").first.wait_for()
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{screen}: {wide} px bred ved {width} px"
            found = axe_violations(page, axe, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            if found:
                problems[screen] = found
    finally:
        context.close()
    assert not problems, problems


def test_on_a_phone_a_row_is_changed_with_a_reason_and_saved(browser, editor: Editor):
    rel = f"data/statusrunder/{PHONE_ROUND}.yml"
    context = new_context(browser, editor, width=360, height=800)
    page = context.new_page()
    try:
        open_editor(page, editor, "#/collections/statusrunder/new")
        page.get_by_role("textbox", name="Dato", exact=True).fill(PHONE_ROUND)
        first = rows_of(editor)[0]
        line = row(page, 0)
        choose(page, line, "Status", "udskudt")
        line.get_by_role("textbox", name="Begrundelse", exact=True).fill(PHONE_REASON)
        for box in line.locator("input, textarea, [role=combobox]").all():
            place = box.bounding_box() if box.is_visible() else None
            assert place is None or 0 <= place["x"] <= place["x"] + place["width"] <= 360, place
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        shots = os.environ.get("STRATEGI_SKAERMBILLEDER")
        if shots:
            page.screenshot(path=str(Path(shots) / "statusrunde-raekke-360.png"))
        save(page)
        saved_file(page, editor, rel)
    finally:
        context.close()
    saved = data_of(editor, rel)
    (changed,) = [line for line in saved["tiltag"] if line["tiltag"] == first]
    assert changed["status"] == "udskudt" and changed["begrundelse"] == PHONE_REASON


def test_no_request_leaves_loopback(editor: Editor):
    assert editor.requests, "ingen forespørgsler optaget – kørte de andre tests?"
    hosts = {urlsplit(url).hostname for url in editor.requests
             if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(u for u in editor.requests if "127.0.0.1" not in u)

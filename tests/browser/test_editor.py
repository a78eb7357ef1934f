"""The browser editor end to end, as a communications officer uses it: Decap CMS at /admin/ of a
strict build of a temporary clone, saving through decap-server (the local backend) into the
clone's files, which a second strict build then publishes.

(a) a half-yearly status round for all 18 initiatives, where 5 changed (one to "forsinket" with a
reason), entered in one form that the build filled in from the previous round, saved once: the
file on disk, the round's page, and at most 40 interactions; (b) "forsinket" without a reason is
refused with a Danish message; (c) a new news post appears on the news page; (d) no request
leaves loopback. The rounds are TEST DATA (tests/fictional_rounds.py), written into the clone.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.data.loading import load_site_data
from macros.data.yamlsource import read_yaml
from tests import fictional_rounds as fr
from tests.browser.cms_driver import Editor, choose, editor_on_clone, log_in, publish

pytestmark = pytest.mark.browser

NEW_ROUND = "2025-03-11"
REASON = "Testdata: chefforum er flyttet, fordi direktionen først mødes i december."
# TEST DATA: what changed since the previous round (tests/fictional_rounds.py, all 18 lines).
CHANGES = {
    "chefforum": ("forsinket", "Testdata: første møde er holdt; det næste er flyttet."),
    "direktionen": ("afsluttet", "Testdata: direktionen er på plads."),
    "styregrupper": ("i gang", "Testdata: styregrupperne er nedsat."),
    "vagtplanlaegning": ("afsluttet", "Testdata: vagtplanen er taget i brug."),
    "kommunikationstilgang": ("løbende", "Testdata: kommunikationen følges løbende."),
}
MAX_INTERACTIONS = 40


def previous_round(project: Path) -> None:
    fr.write_round(project, fr.round_data(fr.SECOND, fr.SECOND_LINES))


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    with editor_on_clone(tmp_path_factory.mktemp("redaktoer"), prepare=previous_round) as running:
        yield running


@pytest.fixture
def admin(browser, editor: Editor):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.on("request", lambda request: editor.requests.append(request.url))
    page = context.new_page()
    yield page
    context.close()


def wait_for_change(path: Path, before: bytes | None) -> None:
    """Until the backend has written the file (a save is asynchronous)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes() != before:
            return
        time.sleep(0.1)
    raise AssertionError(f"{path.name} blev ikke gemt")


def data_of(editor: Editor, rel: str) -> object:
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

    def choose(self, label: str, option: str, nth: int) -> None:
        self.click(self.page.get_by_label(label, exact=True).nth(nth))  # type: ignore
        self.click(self.page.get_by_role("option", name=option, exact=True))  # type: ignore


def rows_of(editor: Editor) -> list[str]:
    """The form's rows: every initiative, in the plan's order (cms_config.round_starter)."""
    return [t.id for t in load_site_data(editor.project).tiltag.tiltag]


def test_delayed_without_reason_is_refused_in_danish(admin, editor: Editor):
    folder = editor.project / "data" / "statusrunder"
    before = sorted(p.name for p in folder.glob("*.yml"))
    log_in(admin, editor, "#/collections/statusrunder/new")
    admin.get_by_label("Dato", exact=True).fill("2025-01-15")
    index = rows_of(editor).index("direktionen")  # "løbende" before: no reason to copy
    choose_nth(admin, "Status", "forsinket", index)
    publish(admin)
    refusal = admin.get_by_text('Status "forsinket" kræver en begrundelse').first
    refusal.wait_for()
    assert sorted(p.name for p in folder.glob("*.yml")) == before
    # The message stands over the row's begrundelse, not only in a toast.
    field = admin.locator("textarea[data-begrundelse]").nth(index).bounding_box()
    said = refusal.bounding_box()
    assert field and said and 0 < field["y"] - said["y"] < 120, (said, field)


def choose_nth(page: object, label: str, option: str, nth: int) -> None:
    page.get_by_label(label, exact=True).nth(nth).click()  # type: ignore[attr-defined]
    page.get_by_role("option", name=option, exact=True).click()  # type: ignore[attr-defined]


def test_a_round_of_18_with_5_changes_is_one_form_and_one_save(admin, editor: Editor):
    rel = f"data/statusrunder/{NEW_ROUND}.yml"
    path = editor.project / rel
    rows = rows_of(editor)
    assert len(rows) == 18
    started = time.monotonic()
    person = Counted(admin)
    person.count += 1  # typing the editor's address
    admin.goto(editor.url + "admin/#/collections/statusrunder/new")
    person.click(admin.get_by_role("button", name="Log ind"))
    admin.get_by_label("Dato", exact=True).wait_for()
    person.fill(admin.get_by_label("Dato", exact=True), NEW_ROUND)
    for initiative, (status, text) in CHANGES.items():
        index = rows.index(initiative)
        person.choose("Status", status, index)
        person.fill(admin.get_by_label("Tekst", exact=True).nth(index), text)
        if status == "forsinket":
            person.fill(admin.get_by_label("Begrundelse (kan udelades)", exact=True).nth(index),
                        REASON)
    # The preview writes the date as the site does, and the initiatives' titles, not ids.
    preview = admin.frame_locator("#preview-pane")
    preview.get_by_text("Statusrunden 11. marts 2025").wait_for()
    first = load_site_data(editor.project).tiltag.tiltag[0]
    assert preview.get_by_role("cell", name=first.titel, exact=True).count() == 1
    shots = os.environ.get("STRATEGI_SKAERMBILLEDER")  # the form, for the note
    if shots:
        admin.screenshot(path=str(Path(shots) / "statusrunde-formular-1280.png"))
        admin.set_viewport_size({"width": 360, "height": 800})
        admin.screenshot(path=str(Path(shots) / "statusrunde-formular-360.png"))
        admin.set_viewport_size({"width": 1280, "height": 900})
    person.click(admin.get_by_role("button", name="Publicer", exact=True))
    person.click(admin.get_by_text("Publicer nu", exact=True))
    wait_for_change(path, None)
    seconds = time.monotonic() - started
    print(f"\nStatusrunde: {person.count} interaktioner, {seconds:.1f} s")  # for the note
    assert person.count <= MAX_INTERACTIONS

    if os.environ.get("STRATEGI_GEM_REDAKTOER"):  # keep what Decap wrote, to look at
        shutil.copy(path, os.environ["STRATEGI_GEM_REDAKTOER"])
    saved = data_of(editor, rel)
    previous = {line["tiltag"]: line
                for line in fr.round_data(fr.SECOND, fr.SECOND_LINES)["tiltag"]}
    expected_rows = []
    for initiative in rows:
        line = dict(previous[initiative])
        if initiative in CHANGES:
            line["status"], line["tekst"] = CHANGES[initiative]
            if CHANGES[initiative][0] == "forsinket":
                line["begrundelse"] = REASON
        expected_rows.append(line)
    assert saved == {"dato": NEW_ROUND, "tiltag": expected_rows}

    result = editor.build()
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((editor.site / "status" / "runder" / NEW_ROUND / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    changed = " ".join(page.find(id="ny-status").find_next_sibling("ul").get_text(" ").split())
    assert "fra i gang til forsinket" in changed and REASON in changed
    assert len(page.find(id="ny-status").find_next_sibling("ul").select("li")) == len(CHANGES)


def test_new_news_post_appears_on_the_news_page(admin, editor: Editor):
    title = "Status på strategien er sendt til OMU"
    log_in(admin, editor, "#/collections/nyheder/new")
    admin.get_by_label("Titel (kan udelades)", exact=True).fill(title)
    admin.get_by_label("Dato", exact=True).fill("2026-11-20")
    choose(admin, "Kategorier", "Nyheder")
    admin.get_by_label("Kort beskrivelse (kan udelades)", exact=True).fill(
        "Halvårsstatus for strategien.")
    # Decap's raw Markdown editor is a Slate text box its label does not point at.
    admin.locator("[contenteditable='true']").last.click()
    admin.keyboard.type("Status på arbejdet med strategien er sendt til OMU.")
    posts_dir = editor.project / "docs" / "nyheder" / "posts"
    publish(admin)
    deadline = time.monotonic() + 15
    while not list(posts_dir.glob("2026-11-20-*.md")) and time.monotonic() < deadline:
        time.sleep(0.1)
    posts = sorted(posts_dir.glob("2026-11-20-*.md"))
    assert len(posts) == 1, posts
    # Its address without æ, ø, å: the file name and the post's slug, made from the title.
    address = "status-paa-strategien-er-sendt-til-omu"
    assert posts[0].name == f"2026-11-20-{address}.md"
    assert f"\nslug: {address}\n" in posts[0].read_text(encoding="utf-8")
    result = editor.build()
    assert result.returncode == 0, result.stdout + result.stderr
    news = (editor.site / "nyheder" / "index.html").read_text(encoding="utf-8")
    assert title in news
    assert dt.date(2026, 11, 20).isoformat() in news or "20. november 2026" in news
    assert list((editor.site / "nyheder").glob(f"*/*/*/{address}/index.html")), address


def test_the_lists_show_titles_in_the_sites_order(admin, editor: Editor):
    """The initiatives as the site orders them (raekkefoelge), not by file name; news posts
    with their title or, for older posts without one, their description."""
    log_in(admin, editor, "#/collections/tiltag")
    admin.get_by_role("button", name="Opret ny").wait_for()  # Decap's "da": "Hurtig opret"
    links = admin.locator("a[href*='#/collections/tiltag/entries/']")
    links.first.wait_for()
    shown = [href.rsplit("/", 1)[-1] for href in
             links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    assert shown == [t.id for t in load_site_data(editor.project).tiltag.tiltag]
    admin.goto(editor.url + "admin/#/collections/nyheder")
    admin.get_by_text("Temadag for OMU, medarbejderrepræsentanter", exact=False).first.wait_for()


def test_a_new_meeting_is_saved_on_its_first_try(admin, editor: Editor):
    """The form opens without an empty attachment row that would block the save."""
    rel = "data/moeder/testdata-temadag-2026-11-20.yml"  # TEST DATA: an invented meeting
    log_in(admin, editor, "#/collections/moeder/new")
    assert admin.get_by_text("Nummer", exact=True).count() == 0  # no attachment row
    admin.get_by_label("Id (adresse)", exact=True).fill("testdata-temadag-2026-11-20")
    admin.get_by_label("Type", exact=True).fill("temadag")
    admin.get_by_label("Titel", exact=True).fill("Testdata: temadag")
    admin.get_by_label("Kildedokument", exact=True).click()
    admin.get_by_role("option").first.click()
    publish(admin)
    wait_for_change(editor.project / rel, None)
    saved = data_of(editor, rel)
    assert saved["titel"] == "Testdata: temadag"
    assert "bilag" not in saved, saved  # an empty list is left out, as in the other files


def test_no_request_leaves_loopback(editor: Editor):
    assert editor.requests, "ingen forespørgsler optaget – kørte de andre tests?"
    hosts = {urlsplit(url).hostname for url in editor.requests
             if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(u for u in editor.requests if "127.0.0.1" not in u)

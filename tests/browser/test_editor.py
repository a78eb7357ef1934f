"""The browser editor end to end, as a communications officer uses it: Decap CMS at /admin/ of a
strict build of a temporary clone, saving through decap-server (the local backend) into the
clone's files, which a second strict build then publishes.

(a) an initiative set to "forsinket" with a begrundelse and a status report changes exactly
those fields on disk and shows on the initiative page; (b) a new news post appears on the news
page; (c) "forsinket" without a begrundelse is refused with a Danish message; (d) no request
leaves loopback.
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

from macros.data.yamlsource import read_yaml
from tests.browser.cms_driver import Editor, choose, editor_on_clone, log_in, publish

pytestmark = pytest.mark.browser

INITIATIVE = "chefforum"
REASON = "Chefforum er flyttet, fordi direktionen først mødes i december."
REPORT = "Første møde i chefforum er holdt; det næste er flyttet til december."


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    with editor_on_clone(tmp_path_factory.mktemp("redaktoer")) as running:
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


def test_delayed_without_reason_is_refused_in_danish(admin, editor: Editor):
    rel = f"data/tiltag/{INITIATIVE}.yml"
    before = (editor.project / rel).read_bytes()
    log_in(admin, editor, f"#/collections/tiltag/entries/{INITIATIVE}")
    choose(admin, "Status (kan udelades)", "forsinket")
    publish(admin)
    admin.get_by_text('Status "forsinket" kræver en begrundelse').first.wait_for()
    assert (editor.project / rel).read_bytes() == before


def test_delayed_with_reason_and_report_is_saved_and_published(admin, editor: Editor):
    rel = f"data/tiltag/{INITIATIVE}.yml"
    before = data_of(editor, rel)
    log_in(admin, editor, f"#/collections/tiltag/entries/{INITIATIVE}")
    choose(admin, "Status (kan udelades)", "forsinket")
    admin.get_by_label("Begrundelse (kan udelades)", exact=True).fill(REASON)
    admin.get_by_role("button", name="Tilføj statuslog").click()
    report = admin.locator("[id^='statuslog-field']").locator("..")
    report.locator("input[type='date']").first.fill("2026-11-20")
    choose(admin, "Status", "forsinket")
    admin.get_by_label("Tekst", exact=True).last.fill(REPORT)
    raw_before = (editor.project / rel).read_bytes()
    publish(admin)
    wait_for_change(editor.project / rel, raw_before)

    after = data_of(editor, rel)
    if os.environ.get("STRATEGI_GEM_REDAKTOER"):  # keep what Decap wrote, to look at
        shutil.copy(editor.project / rel, os.environ["STRATEGI_GEM_REDAKTOER"])
    expected = {**before, "status": "forsinket", "begrundelse": REASON,
                "statuslog": [{"dato": "2026-11-20", "status": "forsinket", "tekst": REPORT}]}
    assert after == expected

    result = editor.build()
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((editor.site / "tiltag" / INITIATIVE / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.get_text(" ").split())
    assert "forsinket" in text.lower()
    assert REASON in text
    assert REPORT in text


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
    result = editor.build()
    assert result.returncode == 0, result.stdout + result.stderr
    news = (editor.site / "nyheder" / "index.html").read_text(encoding="utf-8")
    assert title in news
    assert dt.date(2026, 11, 20).isoformat() in news or "20. november 2026" in news


def test_no_request_leaves_loopback(editor: Editor):
    assert editor.requests, "ingen forespørgsler optaget – kørte de andre tests?"
    hosts = {urlsplit(url).hostname for url in editor.requests
             if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(u for u in editor.requests if "127.0.0.1" not in u)

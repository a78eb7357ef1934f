"""Every fact cites its source, and every citation leads to the passage it cites: each «Kilde»
link of the built site (and each link written by hand to a passage of a source) resolves to a
marked passage (`kildested`) with text on the source's own page, /kilder/<id>/; each initiative
page and each meeting cites at least one."""

from __future__ import annotations

import pytest

from macros.views.viewmodels import meeting_url

pytestmark = pytest.mark.content  # checks content can fail: strategi test


def target(page_url: str, href: str) -> tuple[str, str]:
    """The page (URL relative to the site root) and anchor a relative link on page_url names."""
    path, _, anchor = href.partition("#")
    parts = [p for p in page_url.split("/") if p]
    for piece in path.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return ("/".join(parts) + "/" if parts else ""), anchor


def test_every_kilde_link_reaches_a_marked_passage(site_pages, site_data):
    problems = []
    cited_on: set[str] = set()
    for url, soup in site_pages.items():
        for link in soup.select("p.kilde a, .note a.kilde__link"):
            page, anchor = target(url, link["href"])
            cited_on.add(url)
            passage = site_pages[page].find(id=anchor) if page in site_pages else None
            if not page.startswith("kilder/") or passage is None:
                problems.append(f"{url}: {link['href']} fører ikke til et sted i en kilde")
            elif "kildested" not in passage.get("class", []) or not passage.get_text(" ").strip():
                problems.append(f"{url}: {link['href']} er ikke et markeret kildested med tekst")
        # links written by hand into the pages (news posts) reach a passage too
        for link in soup.select('a[href*="kilder/"]'):
            page, anchor = target(url, link["href"])
            if not anchor or not page.startswith("kilder/"):
                continue
            passage = site_pages[page].find(id=anchor) if page in site_pages else None
            if passage is None or "kildested" not in passage.get("class", []):
                problems.append(f"{url}: {link['href']} fører ikke til et kildested")
    assert not problems, "\n".join(problems[:40])
    for t in site_data.tiltag.tiltag:
        assert f"tiltag/{t.id}/" in cited_on, f"tiltag/{t.id}/ angiver ingen kilde"


def test_every_meeting_cites_its_source(site_pages, site_data):
    for meeting in site_data.moeder.moeder:
        page, _, anchor = meeting_url(meeting.id, site_data).partition("#")
        section = site_pages[page].find(id=anchor)
        assert section is not None, meeting.id
        links = section.select("p.kilde a.kilde__link")
        assert links, f"mødet {meeting.id} på {page} angiver ingen kilde"
        for link in links:
            source, _ = target(page, link["href"])
            assert source.startswith("kilder/") and source in site_pages, (meeting.id, source)

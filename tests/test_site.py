"""The built site, read as a citizen or employee would: every initiative reachable, every fact
from the sources present with its source, no misread letters from the scan, glossary tooltips."""

from __future__ import annotations

import copy
import posixpath
import re
from pathlib import Path

import pytest

from macros.data.loading import load_site_data
from macros.views.rendering import relative_url

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content

ROOT = Path(__file__).resolve().parent.parent
SITE = load_site_data(ROOT)
INITIATIVES = SITE.tiltag.tiltag


def text_of(site_pages, url: str) -> str:
    article = site_pages[url].find("article") or site_pages[url]
    return " ".join(article.get_text().split())


def links_of(site_pages, url: str) -> set[str]:
    return {a["href"] for a in site_pages[url].select("article a[href]")}


@pytest.mark.parametrize("initiative", INITIATIVES, ids=lambda t: t.id)
def test_every_initiative_has_its_own_page_with_source(site_pages, initiative):
    page = site_pages[f"tiltag/{initiative.id}/"]
    assert page.find("h1").get_text(strip=True) == initiative.titel
    body = text_of(site_pages, f"tiltag/{initiative.id}/")
    assert "Kilde:" in body and "Tids- og procesplan" in body
    assert "ingen status rapporteret endnu" in body.lower()


@pytest.mark.parametrize("url", ["tidslinje/", "gantt/", "status/", "plan/", "tiltag/"])
def test_every_initiative_appears_on_the_overview_pages(site_pages, url):
    links = links_of(site_pages, url)
    missing = [t.id for t in INITIATIVES if relative_url(f"tiltag/{t.id}/", url) not in links]
    assert not missing, f"{url} mangler {missing}"


def test_plan_page_quotes_timing_exactly_as_written(site_pages):
    body = text_of(site_pages, "plan/")
    for t in INITIATIVES:
        if t.tidspunkt:
            assert " ".join(t.tidspunkt.split()) in body, t.id


def test_generated_pages_are_not_in_the_navigation(site_pages):
    nav_links = {a["href"] for a in site_pages[""].select("nav.md-nav--primary a[href]")}
    assert not any("tiltag/" in href and href != "tiltag/" for href in nav_links)


def test_navigation_leads_to_real_pages_and_marks_only_the_current_one(site_pages):
    # The navigation is rendered once and reused on pages outside it (macros/adapter/theme.py):
    # from every page its links must still lead to the right pages, and a page must never
    # inherit another page's mark as the current one.
    in_nav = set()
    for url, soup in site_pages.items():
        nav = soup.select_one("nav.md-nav--primary")
        targets = {posixpath.normpath(posixpath.join("/" + url, a["href"].split("#")[0]))
                   for a in nav.select("a[href]") if "://" not in a["href"]}
        missing = {t for t in targets if t.strip("/") + "/" not in site_pages and t != "/"}
        assert not missing, f"{url}: navigationen peger på {missing}"
        current = [a["href"] for a in nav.select("a.md-nav__link--active[href]")]
        if current:
            in_nav.add(url)
            assert all(href in ("./", "#") or posixpath.normpath(posixpath.join("/" + url, href))
                       == "/" + url.rstrip("/") for href in current), (url, current)
    assert {"", "plan/", "ordliste/"} <= in_nav
    assert not any(url.startswith(("tiltag/", "spor/")) and url.count("/") > 1 for url in in_nav)


SOURCE_FACTS = {
    "sag 23/2079 (VPU 26-10-2023)": {
        "politisk-behandling/": ["23/2079", "26. oktober 2023", "Socialchefen",
                                 "Jens Kannegaard Lundager (O)", "99754/23", "104260/23",
                                 "102002/23", "3524434", "3529965", "3527014",
                                 "tages til efterretning"],
        "processen/": ["26. maj 2023", "30. oktober 2023", "Beboer- og Pårørenderådene på "
                       "Socialområdet", "efterår 2023 – 1. kvartal 2024", "3-5 år"],
        "baggrund/": ["15. november 2022", "ti anbefalinger", "at styrke det fælles faglige "
                      "grundlag samt sætte retning, fokus og opfølgning på borgersamarbejde"],
    },
    "sag 23/7776 (OMU 12-09-2023)": {
        "politisk-behandling/": ["23/7776", "12. september 2023", "Formanden",
                                 "Hans-Henrik Brandt (aftaleholder)", "Tina Nicolajsen (FOA)",
                                 "Tinne Christiansen (BUPL)", "Pia Christensen (DSR)",
                                 "94029/23", "94028/23", "94027/23", "3517342",
                                 "hvordan strategien omsættes til handling"],
        "boerne-og-familieomraadet/": ["udsættes", "ny tids- og handleplan", "2023-2024"],
        "strategien/": ["KL Social 2022", "hvert halve år"],
    },
    "tids- og procesplan": {
        "plan/": ["Rekruttering pågår frem til juni 2023", "Område Ørum",
                  "Primo uge 15.", "Kommunaldirektørens sekretariat", "Velfærdsdirektør",
                  "Socialområdet centralt, økonomi-afdelingen"],
        "baggrund/": ["BUCN", "STU", "helhedsorienteret indsats"],
    },
}


@pytest.mark.parametrize("source", SOURCE_FACTS)
def test_facts_from_each_source_are_published(site_pages, source):
    for url, facts in SOURCE_FACTS[source].items():
        body = text_of(site_pages, url)
        for fact in facts:
            assert fact in body, f"{url} mangler {fact!r} fra {source}"


MISREAD = ["Fzelles", "felles ", "feelles", "Socialomridet", "Socialomradet", "Borne-",
           "Berne-", "P& ", "1 forlengelse", "atholdt", "aftholdes", "omréadet", "Aben ",
           "Omradeudvalg", "negleord", "Fravarende", "droftes", "pejlemarker", "mélsatninger",
           "ovrige", "Okonomiske", "omsettes", "bemerkning"]


def test_no_misread_forms_from_the_scan_anywhere(site_pages):
    for url, page in site_pages.items():
        # the scanned source's page lists each correction, misread form included, on purpose
        page = copy.copy(page)
        for listing in page.select("details.rettelser"):
            listing.decompose()
        body = " ".join(page.get_text(" ").split())
        found = [w for w in MISREAD if w in body]
        assert not found, f"{url or 'forsiden'} indeholder fejllæsninger {found}"
        assert not re.search(r"\bér\b", body), url


def test_every_data_item_shows_its_source(site_pages):
    decisions = site_pages["beslutninger/"]
    for meeting in SITE.moeder.moeder:
        section = decisions.find(id=meeting.id)
        assert section is not None, meeting.id
        assert "Kilde:" in section.get_text(" ")


@pytest.mark.parametrize(
    ("url", "term", "explained"),
    [("politisk-behandling/", "OMU", "Områdeudvalg Socialområdet"),
     ("processen/", "Handicaprådet", "handicap"),
     ("tiltag/aftaleholder-myndighed-visitation-voksen/", "LMU", "Lokaludvalg"),
     ("strategien/", "MED-systemet", "Medindflydelse og medbestemmelse")],
)
def test_glossary_terms_are_explained_where_they_appear(site_pages, url, term, explained):
    abbrs = [a for a in site_pages[url].select("article abbr") if a.get_text() == term]
    assert abbrs, f"{term} er ikke forklaret på {url}"
    assert explained in abbrs[0]["title"]


def test_glossary_page_lists_every_term(site_pages):
    body = text_of(site_pages, "ordliste/")
    for term in SITE.ordliste.termer:
        assert term.term in body


def test_dates_are_written_the_danish_way(site_pages):
    body = text_of(site_pages, "beslutninger/")
    assert "26. oktober 2023" in body and "2023-10-26" not in body

"""This strategy's built site (Norddjurs, Socialområdet), read as a citizen or employee would:
every fact from the sources present, no misread letters from the scan, glossary tooltips where
the terms appear, dates the Danish way, the pages that describe themselves and the accessibility
statement. What any strategy's site must hold is checked by the engine (macros/kvalitet/)."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from macros.data.loading import load_site_data

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content

ROOT = Path(__file__).resolve().parents[2]


def text_of(site_pages, url: str) -> str:
    article = site_pages[url].find("article") or site_pages[url]
    return " ".join(article.get_text().split())


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


def test_dates_are_written_the_danish_way(site_pages):
    body = text_of(site_pages, "beslutninger/")
    assert "26. oktober 2023" in body and "2023-10-26" not in body


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag.get("content") if tag else None


def test_content_pages_describe_themselves(site_pages):
    site_description = meta(site_pages[""], "description")
    for url in ["plan/", "politisk-behandling/", "tilgaengelighed/", "privatliv/"]:
        assert meta(site_pages[url], "description") != site_description, url


def test_accessibility_statement_says_what_is_known_and_what_is_missing(site_pages):
    identity = load_site_data(ROOT).identity
    page = site_pages["tilgaengelighed/"].find("article")
    text = page.get_text(" ", strip=True)
    assert identity.myndighed in text
    assert not identity.tilgaengelighedserklaering  # no WAS statement in the sources yet
    missing = page.find(id="det-mangler-kommunen-at-oplyse")
    assert missing is not None
    items = [li.get_text(" ", strip=True) for li in missing.find_next("ul").find_all("li")]
    assert any("tilgængelighedserklæring" in item for item in items)
    assert any("adresse, telefon, e-mail" in item for item in items)


def test_this_site_gives_no_contact_details(site_pages):
    # This site's sources give no contact details (data/identitet.yml leaves them unset).
    contact = load_site_data(ROOT).identity.kontakt
    assert not (contact.adresse or contact.telefon or contact.email)
    assert site_pages[""].find(class_="sidefod").find(class_="sidefod__kontakt") is None


def test_this_site_has_many_labelled_table_cells(site_pages):
    """The engine checks every cell (macros/kvalitet/test_data_on_pages.py); here, that this
    site's tables are all found: over 200 data cells, over 50 in attachment and Gantt tables."""
    cells = sum(1 for soup in site_pages.values() for td in soup.select("article table tbody td")
                if td.get("data-label"))
    assert cells > 200
    headed = sum(len(table.select("tbody td")) for soup in site_pages.values()
                 for table in soup.select("table.bilag-tabel, table.gantt-tabel"))
    assert headed > 50

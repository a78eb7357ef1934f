"""What every built page carries besides its text: description and sharing tags, favicon, the
footer with authority, contact and statements, the edit link, and the /was forwarding page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.data.loading import load_site_data
from tests.conftest import ROOT

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag.get("content") if tag else None


def local_target(built_site: Path, page_url: str, href: str) -> Path:
    """The built file a relative link on page_url points at."""
    path = urlsplit(urljoin("http://127.0.0.1/strategi/" + page_url, href)).path
    path = path.removeprefix("/strategi/")
    target = built_site / path
    return target / "index.html" if path.endswith("/") or not path else target


def test_every_page_has_description_and_sharing_tags(site_pages, built_site, site_url):
    for url, soup in site_pages.items():
        assert meta(soup, "description"), url
        assert meta(soup, "og:title") and meta(soup, "og:description") == meta(soup, "description")
        assert meta(soup, "og:type") == "website"
        assert meta(soup, "og:url") == site_url + url, url
        image = meta(soup, "og:image")
        assert image and image.startswith(site_url), url
        assert (built_site / image.removeprefix(site_url)).is_file()
        assert meta(soup, "twitter:card") == "summary_large_image"
        icon = soup.find("link", rel="icon")
        assert icon and local_target(built_site, url, icon["href"]).is_file(), url


def test_content_pages_describe_themselves(site_pages):
    site_description = meta(site_pages[""], "description")
    for url in ["plan/", "politisk-behandling/", "tilgaengelighed/", "privatliv/"]:
        assert meta(site_pages[url], "description") != site_description, url


def test_footer_names_authority_and_statements(site_pages, built_site):
    identity = load_site_data(ROOT).identity
    for url, soup in site_pages.items():
        footer = soup.find("footer")
        assert footer, url
        text = footer.get_text(" ", strip=True)
        assert identity.myndighed in text
        links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
        for name, page in [("Tilgængelighedserklæring", "tilgaengelighed"),
                           ("Privatlivspolitik (cookies)", "privatliv")]:
            assert name in links, (url, name)
            target = local_target(built_site, url, links[name])
            assert target == built_site / page / "index.html" and target.is_file(), url


def test_unset_contact_fields_are_left_out_of_the_footer(site_pages, second_site):
    # This site's sources give no contact details (data/identitet.yml leaves them unset).
    footer = site_pages[""].find(class_="sidefod")
    assert footer.find(class_="sidefod__kontakt") is None
    # The second strategy has only an e-mail: that alone is shown, as a link.
    soup = BeautifulSoup((second_site / "index.html").read_text("utf-8"), "html.parser")
    contact = soup.find(class_="sidefod__kontakt").get_text(" ", strip=True)
    assert contact.startswith("E-mail:") and "Adresse" not in contact and "Telefon" not in contact
    assert soup.find(class_="sidefod__kontakt").find("a", href="mailto:testdata@example.invalid")


PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,80}\]")


def test_no_public_page_carries_a_placeholder(site_pages, built_site):
    for url, soup in site_pages.items():
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert "indsættes" not in html.casefold(), url
        for element in soup(["script", "style"]):
            element.decompose()
        assert not PLACEHOLDER.findall(soup.get_text(" ")), url


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


def test_edit_link_on_every_page_and_generated_pages_point_at_their_data(site_pages):
    for url, soup in site_pages.items():
        # The forwarding page and the blog's generated archive/category/paging lists have no
        # source file to edit.
        if url == "was/" or {"archive", "category", "page"} & set(url.split("/")):
            continue
        link = soup.find("a", string="Rediger denne side")
        assert link, url
        href = link["href"]
        assert "/../" not in href, href
        generated = url.count("/") == 2  # tiltag/<id>/ and spor/<id>/
        if generated and url.startswith("tiltag/"):
            # One file per initiative (data/tiltag/<id>.yml), not the whole plan.
            assert href.endswith(f"/data/{url.rstrip('/')}.yml"), href
        elif generated and url.startswith("spor/"):
            assert href.endswith("/data/spor.yml"), href
    # No repository widget: it would query the GitHub API from every reader's browser.
    assert not site_pages[""].select(".md-source")


def test_was_address_forwards_to_the_accessibility_statement(site_pages, built_site):
    soup = site_pages["was/"]
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh and refresh["content"].startswith("0; url=")
    target = refresh["content"].removeprefix("0; url=")
    assert local_target(built_site, "was/", target) == built_site / "tilgaengelighed/index.html"
    visible = soup.select_one("article a[href$='tilgaengelighed/']")
    assert visible is not None


def test_missing_page_is_danish_with_site_absolute_links(built_site, site_url):
    soup = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Siden findes ikke"
    assert soup.html["lang"] == "da"
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert stylesheets and all(href.startswith("/strategi/") for href in stylesheets)
    home = soup.find("a", string="Gå til forsiden")
    assert home and urljoin(site_url + "a/b/c/", home["href"]) == site_url

"""Every page of the built site: the strict build made it; what each page carries besides its
text (description and sharing tags, favicon, the footer with the authority, its contact details
and statements, the edit link); the navigation; the forwarding /was address and the 404 page;
and no placeholder left anywhere. Expectations come from the strategy's data and mkdocs.yml."""

from __future__ import annotations

import copy
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

pytestmark = pytest.mark.content  # checks content can fail: strategi test


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag.get("content") if tag else None


def local_target(built_site: Path, site_path: str, page_url: str, href: str) -> Path:
    """The built file a relative link on page_url points at."""
    path = urlsplit(urljoin(f"http://127.0.0.1{site_path}" + page_url, href)).path
    path = path.removeprefix(site_path)
    target = built_site / path
    return target / "index.html" if path.endswith("/") or not path else target


def forwards(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"http-equiv": "refresh"}) is not None


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python tags; only the plain nav is read here."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_pages(strategy_root: Path) -> set[str]:
    """The URLs of the pages mkdocs.yml's nav lists."""
    config = yaml.load((strategy_root / "mkdocs.yml").read_text(encoding="utf-8"), _AnyTag)
    found: set[str] = set()

    def walk(entry: object) -> None:
        if isinstance(entry, list):
            for item in entry:
                walk(item)
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, str) and entry.endswith(".md") and "://" not in entry:
            url = entry.removesuffix(".md")
            url = url.removesuffix("index") if url.endswith("index") else url + "/"
            found.add(url)

    walk((config or {}).get("nav") or [])
    return found


def test_the_strict_build_made_the_site(built_site, site_pages):
    assert "" in site_pages, "forsiden mangler"
    assert (built_site / "404.html").is_file() and (built_site / "sitemap.xml").is_file()


def test_every_page_has_description_and_sharing_tags(site_pages, built_site, site_url,
                                                      site_url_path):
    for url, soup in site_pages.items():
        assert meta(soup, "description"), url
        assert meta(soup, "og:title") and meta(soup, "og:description") == meta(soup, "description")
        assert meta(soup, "og:type") == "website"
        assert unquote(meta(soup, "og:url")) == site_url + url, url
        image = meta(soup, "og:image")
        assert image and image.startswith(site_url), url
        assert (built_site / image.removeprefix(site_url)).is_file()
        assert meta(soup, "twitter:card") == "summary_large_image"
        icon = soup.find("link", rel="icon")
        assert icon and local_target(built_site, site_url_path, url, icon["href"]).is_file(), url


def test_footer_names_authority_and_statements(site_pages, built_site, site_data, site_url_path):
    identity = site_data.identity
    for url, soup in site_pages.items():
        footer = soup.find("footer")
        assert footer, url
        text = footer.get_text(" ", strip=True)
        assert identity.myndighed in text
        links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
        for name, page in [("Tilgængelighedserklæring", "tilgaengelighed"),
                           ("Privatlivspolitik (cookies)", "privatliv")]:
            assert name in links, (url, name)
            target = local_target(built_site, site_url_path, url, links[name])
            assert target == built_site / page / "index.html" and target.is_file(), url


def test_footer_shows_only_the_contact_details_the_identity_gives(site_pages, site_data):
    contact = site_data.identity.kontakt
    given = {label: value for label, value in [("Adresse", contact.adresse),
                                               ("Telefon", contact.telefon),
                                               ("E-mail", contact.email)] if value}
    footer = site_pages[""].find(class_="sidefod")
    box = footer.find(class_="sidefod__kontakt")
    if not given:  # unset fields are left out, not shown empty
        assert box is None
        return
    text = box.get_text(" ", strip=True)
    for label in ("Adresse", "Telefon", "E-mail"):
        assert (label in text) == (label in given), (label, text)
    assert all(value in text for value in given.values()), text
    if contact.email:
        assert box.find("a", href=f"mailto:{contact.email}")


PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,80}\]")


def test_no_public_page_carries_a_placeholder(site_pages, built_site):
    for url, soup in site_pages.items():
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert "indsættes" not in html.casefold(), url
        soup = copy.copy(soup)  # the session's pages stay whole
        for element in soup(["script", "style"]):
            element.decompose()
        assert not PLACEHOLDER.findall(soup.get_text(" ")), url


def test_no_page_is_left_with_a_placeholder_for_its_views(site_pages):
    # The views' HTML is held out of Markdown and put back after it (macros/views/htmlstash.py).
    leftovers = [url for url, soup in site_pages.items() if "strategi-html:" in str(soup)]
    assert leftovers == []


def test_edit_link_on_every_page_and_generated_pages_point_at_their_data(site_pages):
    for url, soup in site_pages.items():
        # Forwarding pages and the blog's generated archive/category/paging lists have no
        # source file to edit.
        if forwards(soup) or {"archive", "category", "page"} & set(url.split("/")):
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


def test_was_address_forwards_to_the_accessibility_statement(site_pages, built_site,
                                                             site_url_path, site_data):
    """To the statement the identity names (the WAS tool's), or else to the site's own page."""
    soup = site_pages["was/"]
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh and refresh["content"].startswith("0; url=")
    target = refresh["content"].removeprefix("0; url=")
    statement = site_data.identity.tilgaengelighedserklaering
    if statement:
        assert target == statement
        assert soup.select_one(f"article a[href='{statement}']") is not None
        return
    assert (local_target(built_site, site_url_path, "was/", target)
            == built_site / "tilgaengelighed/index.html")
    visible = soup.select_one("article a[href$='tilgaengelighed/']")
    assert visible is not None


def test_missing_page_is_danish_with_site_absolute_links(built_site, site_url, site_url_path):
    soup = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Siden findes ikke"
    assert soup.html["lang"] == "da"
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert stylesheets and all(href.startswith(site_url_path) for href in stylesheets)
    home = soup.find("a", string="Gå til forsiden")
    assert home and urljoin(site_url + "a/b/c/", home["href"]) == site_url


def test_generated_pages_are_not_in_the_navigation(site_pages):
    nav_links = {a["href"] for a in site_pages[""].select("nav.md-nav--primary a[href]")}
    assert not any("tiltag/" in href and href != "tiltag/" for href in nav_links)


def test_navigation_leads_to_real_pages_and_marks_only_the_current_one(site_pages,
                                                                       strategy_root):
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
    assert "" in in_nav and nav_pages(strategy_root) <= in_nav, nav_pages(strategy_root) - in_nav
    assert not any(url.startswith(("tiltag/", "spor/")) and url.count("/") > 1 for url in in_nav)

"""Every link of the built site leads somewhere: each address a page links to, loads (a link,
a stylesheet, a script, an image) on this site resolves to a file of the build, and each
#anchor to an element of that page. The strict build checks the links written in Markdown;
this checks the built pages, where the views and templates add most of them."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.content  # checks content can fail: strategi test

ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src",
              "iframe": "src"}
# Links Material writes into every page that a script answers, not an element.
SCRIPT_ANCHORS = {"", "__search", "__drawer", "__toc", "__consent"}


def built_pages(built_site: Path) -> list[Path]:
    return sorted(p for p in built_site.rglob("*.html")
                  if p.relative_to(built_site).parts[0] not in {"admin", "pagefind"})


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset([*(el["id"] for el in soup.find_all(id=True)),
                      *(el["name"] for el in soup.find_all("a", attrs={"name": True}))])


def _file(built_site: Path, site_path: str, url: str) -> Path | None:
    """The built file an address on this site names, or None when it is elsewhere."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or parts.hostname != "127.0.0.1":
        return None
    path = unquote(parts.path)
    if not path.startswith(site_path):
        return built_site / "__utenfor__"  # on this host, outside the site
    target = built_site / path.removeprefix(site_path)
    return target / "index.html" if path.endswith("/") else target


def test_every_link_and_anchor_of_the_site_resolves(built_site, site_url, site_url_path):
    problems: list[str] = []
    links = 0
    for page in built_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        base = site_url + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for name, attribute in ATTRIBUTES.items():
            for element in soup.find_all(name, attrs={attribute: True}):
                value = element[attribute].strip()
                if not value or value.startswith(("mailto:", "tel:", "data:", "blob:")):
                    continue
                target = _file(built_site, site_url_path, urljoin(base, value))
                if target is None:
                    continue  # another site: test_privacy.py holds what pages may load
                links += 1
                where = f"{rel}: {name} {attribute}={value!r}"
                if not target.is_file():
                    problems.append(f"{where} findes ikke")
                    continue
                anchor = unquote(urlsplit(value).fragment)
                if (name == "a" and anchor not in SCRIPT_ANCHORS and target.suffix == ".html"
                        and anchor not in _ids(target)):
                    problems.append(f"{where}: ankeret #{anchor} findes ikke på siden")
    assert links, "ingen links fundet"
    assert not problems, f"{len(problems)} døde links:\n" + "\n".join(problems[:40])

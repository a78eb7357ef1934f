"""News: the blog shows the source-backed posts with Danish dates that are the events' dates,
each citing its case, and only the allowed categories are accepted."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.data.loading import load_site_data
from tests.conftest import ROOT, build_site

POSTS = ROOT / "docs" / "nyheder" / "posts"
ALLOWED = {"Nyheder", "Hverdagshistorier", "Arrangementer"}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def post_pages(site_pages: dict[str, BeautifulSoup]) -> dict[str, BeautifulSoup]:
    return {u: p for u, p in site_pages.items() if re.match(r"nyheder/\d{4}/\d\d/\d\d/", u)}


def test_every_post_is_dated_categorised_and_cites_its_case() -> None:
    posts = sorted(POSTS.glob("*.md"))
    assert len(posts) >= 4
    for path in posts:
        meta = front_matter(path)
        assert isinstance(meta["date"], dt.date), path.name
        assert path.name.startswith(meta["date"].isoformat()), path.name
        assert set(meta["categories"]) <= ALLOWED
        assert re.search(r"sag 23/(2079|7776)", path.read_text(encoding="utf-8")), path.name


def test_decision_posts_are_dated_on_the_meeting_day() -> None:
    site = load_site_data(ROOT)
    meeting_days = {m.dato for m in site.moeder.moeder if m.dato}
    for path in POSTS.glob("*.md"):
        assert front_matter(path)["date"] in meeting_days, path.name


@pytest.mark.content
def test_blog_shows_posts_with_danish_dates(site_pages: dict[str, BeautifulSoup]) -> None:
    posts = post_pages(site_pages)
    assert len(posts) == len(list(POSTS.glob("*.md")))
    omu = next(p for u, p in posts.items() if u.startswith("nyheder/2023/09/12/"))
    assert "12. september 2023" in omu.get_text(" ")
    index = site_pages["nyheder/"].get_text(" ")
    for day in ("26. maj 2023", "12. september 2023", "26. oktober 2023", "30. oktober 2023"):
        assert day in index
    assert "nyheder/category/arrangementer/" in site_pages


def test_unknown_category_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    post = project_copy / "docs" / "nyheder" / "posts" / "2023-05-26-temadag.md"
    post.write_text(post.read_text(encoding="utf-8").replace("- Arrangementer", "- Sladder"),
                    encoding="utf-8")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "Sladder" in result.stdout + result.stderr

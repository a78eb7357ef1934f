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
from macros.data.periods import format_date_da
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
    assert len(posts) >= 1
    cases = "|".join(re.escape(k.sag) for k in load_site_data(ROOT).kilder.kilder if k.sag)
    for path in posts:
        meta = front_matter(path)
        assert isinstance(meta["date"], dt.date), path.name
        assert path.name.startswith(meta["date"].isoformat()), path.name
        assert set(meta["categories"]) <= ALLOWED
        assert re.search(rf"sag ({cases})", path.read_text(encoding="utf-8")), path.name


def test_decision_posts_are_dated_on_the_meeting_day() -> None:
    site = load_site_data(ROOT)
    meeting_days = {m.dato for m in site.moeder.moeder if m.dato}
    for path in POSTS.glob("*.md"):
        assert front_matter(path)["date"] in meeting_days, path.name


@pytest.mark.content
def test_blog_shows_posts_with_danish_dates(site_pages: dict[str, BeautifulSoup]) -> None:
    posts = post_pages(site_pages)
    assert len(posts) == len(list(POSTS.glob("*.md")))
    metas = [front_matter(path) for path in sorted(POSTS.glob("*.md"))]
    first = metas[0]["date"]
    post = next(p for u, p in posts.items() if u.startswith(f"nyheder/{first:%Y/%m/%d}/"))
    assert format_date_da(first) in post.get_text(" ")
    index = site_pages["nyheder/"].get_text(" ")
    for meta in metas:
        assert format_date_da(meta["date"]) in index
    for category in {c for meta in metas for c in meta["categories"]}:
        assert f"nyheder/category/{category.lower()}/" in site_pages


def test_unknown_category_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    post = sorted((project_copy / "docs" / "nyheder" / "posts").glob("*.md"))[0]
    category = front_matter(post)["categories"][0]
    post.write_text(post.read_text(encoding="utf-8").replace(f"- {category}", "- Sladder", 1),
                    encoding="utf-8")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "Sladder" in result.stdout + result.stderr

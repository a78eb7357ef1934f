"""Open data: the JSON data set validates against its published schema and holds the strategy's
data, the schema refuses a broken data set, the CSV files hold one row per item with the
columns the engine documents, and the page that offers the files documents every file and
column and links only to files that exist."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

pytestmark = pytest.mark.content  # checks content can fail: strategi test


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} mangler BOM"
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_json_validates_against_published_schema(built_site: Path, site_data) -> None:
    data = json.loads((built_site / "data" / "strategi.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert [t["id"] for t in data["tiltag"]["tiltag"]] == [t.id for t in site_data.tiltag.tiltag]
    assert [m["id"] for m in data["moeder"]["moeder"]] == [m.id for m in site_data.moeder.moeder]
    for meeting in site_data.moeder.moeder:
        published = next(m for m in data["moeder"]["moeder"] if m["id"] == meeting.id)
        assert published.get("sag") == meeting.sag, meeting.id
        assert [b.get("journalnr") for b in published.get("bilag", [])] == [
            b.journalnr for b in meeting.bilag], meeting.id


def test_schema_rejects_a_broken_data_set(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "strategi.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data" / "schema.json").read_text(encoding="utf-8"))
    assert data["moeder"]["moeder"], "datasættet har ingen møder at ødelægge"
    data["moeder"]["moeder"][0]["sag"] = "ikke et sagsnummer"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_csv_rows_match_the_data(built_site: Path, site_url: str, site_data) -> None:
    rows = read_csv(built_site / "data" / "tiltag.csv")
    header, body = rows[0], rows[1:]
    assert len(body) == len(site_data.tiltag.tiltag)
    by_id = {row[header.index("id")]: dict(zip(header, row, strict=True)) for row in body}
    for t in site_data.tiltag.tiltag:
        row = by_id[t.id]
        # A cell over several lines in the plan stays one cell (RFC 4180 quoting).
        assert row["titel"] == t.titel and row["tidspunkt"] == (t.tidspunkt or ""), t.id
        assert row["url"] == site_url + f"tiltag/{t.id}/"

    milestones = read_csv(built_site / "data" / "milepaele.csv")
    open_ended = [r for r in milestones[1:] if r[milestones[0].index("loebende")] == "ja"]
    assert all(r[milestones[0].index("slut")] == "" for r in open_ended)


def test_data_page_links_only_to_files_that_exist(built_site: Path, site_pages: dict) -> None:
    """The page that offers the data set (if the strategy has one) links to files the build
    wrote."""
    offering = [url for url, soup in site_pages.items()
                if soup.select_one("article a[href$='strategi.json']")
                and soup.select_one("article a[href$='schema.json']")]
    for url in offering:
        for link in site_pages[url].select_one("article").select("a[href]"):
            href = link["href"]
            if href.endswith((".json", ".csv", ".ics", ".xml")):
                target = (built_site / url / href).resolve()
                assert target.is_file(), f"linket {href} på {url} peger på en fil, der mangler"

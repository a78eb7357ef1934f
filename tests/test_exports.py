"""Open data: the JSON data set validates against its published schema, the CSV files open as
columns in a Danish Excel, the Data page documents every file and column, and the same data
build byte-identical files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from macros.data.loading import load_site_data
from macros.exports import opendata
from tests.conftest import ROOT, build_site, copy_project

SITE_URL = "http://127.0.0.1/strategi/"


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} mangler BOM"
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.content
def test_json_validates_against_published_schema(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "strategi.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    site = load_site_data(ROOT)
    assert [t["id"] for t in data["tiltag"]["tiltag"]] == [t.id for t in site.tiltag.tiltag]
    meeting = next(m for m in data["moeder"]["moeder"] if m["id"] == "vpu-2023-10-26")
    assert meeting["sag"] == "23/2079"
    assert [b["journalnr"] for b in meeting["bilag"]] == ["99754/23", "104260/23", "102002/23"]


@pytest.mark.content
def test_schema_rejects_a_broken_data_set(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "strategi.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data" / "schema.json").read_text(encoding="utf-8"))
    data["moeder"]["moeder"][0]["sag"] = "ikke et sagsnummer"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize("name", sorted(opendata.CSV_FILES))
def test_csv_opens_as_columns_in_danish_excel(built_site: Path, name: str) -> None:
    path = built_site / "data" / name
    raw = path.read_bytes()
    assert raw.split(b"\n", 1)[0].endswith(b"\r") and raw.endswith(b"\r\n"), "CRLF"
    rows = read_csv(path)
    header = rows[0]
    assert header == list(opendata.CSV_FILES[name][0])
    assert all(len(row) == len(header) for row in rows), "alle rækker har lige mange kolonner"


@pytest.mark.content
def test_csv_rows_match_the_data(built_site: Path, site_url: str) -> None:
    site = load_site_data(ROOT)
    rows = read_csv(built_site / "data" / "tiltag.csv")
    header, body = rows[0], rows[1:]
    assert len(body) == len(site.tiltag.tiltag)
    by_id = {row[header.index("id")]: dict(zip(header, row, strict=True)) for row in body}
    # A cell over several lines in the plan stays one cell (RFC 4180 quoting).
    aftaleholder = by_id["aftaleholder-myndighed-visitation-voksen"]
    assert aftaleholder["tidspunkt"].count("\n") == 2
    assert aftaleholder["titel"].startswith("Ansættelse af én aftaleholder")
    assert aftaleholder["url"] == site_url + "tiltag/aftaleholder-myndighed-visitation-voksen/"
    assert aftaleholder["planlagt_start"] == "2022-12-01"

    decisions = read_csv(built_site / "data" / "beslutninger.csv")
    omu = [dict(zip(decisions[0], r, strict=True)) for r in decisions[1:]
           if r[0] == "omu-2023-09-12" and r[4] == "beslutning"]
    assert [r["tekst"] for r in omu] == ["Drøftet.", "Godkendt,", "Godkendt.", "Godkendt."]
    assert "temadag" in omu[1]["bemaerkning"]

    milestones = read_csv(built_site / "data" / "milepaele.csv")
    open_ended = [r for r in milestones[1:] if r[milestones[0].index("loebende")] == "ja"]
    assert open_ended and all(r[milestones[0].index("slut")] == "" for r in open_ended)


@pytest.mark.content
def test_data_page_documents_every_file_and_column(built_site: Path, site_pages: dict) -> None:
    page = site_pages["data/"]
    text = page.get_text(" ")
    assert "Pladsholder" in text and "fastsættes af Norddjurs Kommune" in text
    assert "semikolon" in text.lower() and "BOM" in text
    for name, (columns, _rows) in opendata.CSV_FILES.items():
        assert name in text
        for column in columns:
            assert f"{column}" in text, f"kolonnen {column} i {name} er ikke beskrevet"
    article = page.select_one("article")
    for link in article.select("a[href]"):
        href = link["href"]
        if href.endswith((".json", ".csv", ".ics", ".xml")):
            target = (built_site / "data" / href).resolve()
            assert target.is_file(), f"linket {href} på Data-siden peger på en fil, der mangler"


def test_same_data_build_byte_identical_exports(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"site{n}"
        result = build_site(project, out, site_url=SITE_URL)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append(out)
    first, second = outputs
    names = sorted(p.relative_to(first).as_posix() for folder in ("data", "kalender")
                   for p in (first / folder).iterdir() if p.suffix != ".html")
    names += ["feed-nyheder.xml", "feed-status.xml"]
    assert "data/strategi.json" in names and "kalender/alle.ics" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name

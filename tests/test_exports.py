"""Open data: the CSV files open as columns in a Danish Excel, and the same data build
byte-identical files. That the data set validates against its schema and holds the data, and
that the page offering it documents it, is checked by macros/kvalitet/test_open_data.py."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from macros.exports import opendata
from tests.conftest import build_site, copy_project

SITE_URL = "http://127.0.0.1/strategi/"


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} mangler BOM"
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize("name", sorted(opendata.CSV_FILES))
def test_csv_opens_as_columns_in_danish_excel(built_site: Path, name: str) -> None:
    path = built_site / "data" / name
    raw = path.read_bytes()
    assert raw.split(b"\n", 1)[0].endswith(b"\r") and raw.endswith(b"\r\n"), "CRLF"
    rows = read_csv(path)
    header = rows[0]
    assert header == list(opendata.CSV_FILES[name][0])
    assert all(len(row) == len(header) for row in rows), "alle rækker har lige mange kolonner"


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

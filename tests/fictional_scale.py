"""TEST DATA – a plan that outgrows its overview pages, written only into temporary copies.

More tracks than the status page lists one by one (views.STATUS_TRACK_ROWS), all without
initiatives, and every initiative answering every recommendation, so the recommendation matrix
is paged (views.RECOMMENDATIONS_PAGE_WEIGHT). The browser tests walk those pages on the copy
with fictional rounds (tests/browser/test_round_pages.py). Track names say "Testdata"; which
initiative answers which recommendation is invented, not a fact from the sources.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.views import viewmodels as views
from tests.conftest import read_collection, write_collection
from tests.fictional_rounds import REFERENCE_ID

MARK = "# TESTDATA: opdigtede spor og koblinger til test – ikke oplysninger fra kilderne.\n"


def write_fictional_scale(project: Path) -> None:
    """After write_fictional_rounds, whose fictional reference source the tracks cite."""
    spor_file = project / "data" / "spor.yml"
    spor = yaml.safe_load(spor_file.read_text(encoding="utf-8"))
    source = {"dokument": REFERENCE_ID}  # a fictional source with no transcription to match
    spor["spor"] += [{"id": f"testspor-{n}", "titel": f"Testdata: opdigtet spor {n}",
                      "kilde": source}
                     for n in range(1, views.STATUS_TRACK_ROWS - len(spor["spor"]) + 2)]
    spor_file.write_text(MARK + yaml.safe_dump(spor, allow_unicode=True, sort_keys=False),
                         encoding="utf-8")
    path = project / "data" / "anbefalinger.yml"
    recommendations = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(
        "anbefalinger") or []
    if not recommendations:  # a strategy without recommendations gets invented ones
        recommendations = [{"id": f"testdata-anbefaling-{n}", "afsender": "Testdata",
                            "titel": f"Testdata: opdigtet anbefaling {n}", "kilde": source}
                           for n in range(1, 31)]  # more than one page of the matrix
        path.write_text(MARK + yaml.safe_dump({"anbefalinger": recommendations},
                                              allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    ids = [a["id"] for a in recommendations]
    initiatives = read_collection(project, "tiltag")
    write_collection(project, "tiltag", [{**t, "anbefalinger": ids} for t in initiatives])

"""A change takes the lane its paths call for (scripts/ci_lane.py), and the content lane runs
every check of the built site that content can fail (`./dev test --content`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from ci_lane import lane  # noqa: E402


@pytest.mark.parametrize(("paths", "expected"), [
    (["docs/nyheder/posts/2024-03-12-status.md"], "content"),
    (["data/tiltag/et-tiltag.yml", "data/moeder/et-moede.yml"], "content"),
    (["REDAKTOERVEJLEDNING.md", "docs/plan.md"], "content"),
    (["docs/assets/images/deling.png"], "content"),
    (["docs/assets/javascripts/filtre.js"], "full"),
    (["docs/assets/stylesheets/site.css"], "full"),
    (["docs/admin/redaktoer.js"], "full"),
    (["data/schema/tiltag.schema.json"], "full"),
    (["docs/plan.md", "macros/views/gantt.py"], "full"),
    (["mkdocs.yml"], "full"),
    (["overrides/main.html"], "full"),
    (["tests/conftest.py"], "full"),
    ([], "full"),
])
def test_the_lane_follows_the_changed_paths(paths, expected):
    assert lane(paths) == expected


@pytest.mark.parametrize(("event", "base"), [("schedule", ""), ("workflow_dispatch", ""),
                                             ("push", "0" * 40), ("push", "f" * 40)])
def test_nightly_manual_and_unknown_bases_take_the_full_lane(event, base):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "ci_lane.py"), "--event",
                             event, "--base", base], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "lane=full"


def test_the_workflow_runs_one_lane_and_deploys_after_it():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text("utf-8"))
    assert "schedule" in flow[True]  # YAML 1.1 reads the key `on` as True
    steps = flow["jobs"]["test"]["steps"]
    runs = {step.get("run", ""): step.get("if", "") for step in steps}
    assert runs["./dev test --content"] == "steps.lane.outputs.lane == 'content'"
    assert runs["./dev test"] == "steps.lane.outputs.lane != 'content'"
    assert flow["jobs"]["deploy"]["needs"] == "test"


def test_the_content_lane_holds_the_checks_content_can_fail():
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m",
                             "content", "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    selected = result.stdout
    for check in ["test_html_validity.py::test_every_page_is_valid_html",
                  "test_csp.py::test_every_page_carries_its_policy_before_any_script",
                  "test_accessibility.py::test_axe_finds_no_wcag_violations[1280px]",
                  "test_accessibility.py::test_axe_finds_no_wcag_violations[320px]",
                  "test_reflow.py::test_no_page_scrolls_sideways[1280]",
                  "test_reflow.py::test_no_page_scrolls_sideways[320]",
                  "test_search.py::test_glossary_entry_is_its_own_result",
                  "test_open_data.py::test_json_validates_against_published_schema",
                  "kvalitet/test_csp.py::test_every_page_loads_without_a_violation"]:
        assert check in selected, check
    assert "test_editor.py" not in selected and "test_mistakes.py" not in selected

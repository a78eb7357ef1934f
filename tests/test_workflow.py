"""The deploy pipeline cannot be turned against the site: zizmor finds nothing, every action is
pinned to a commit, the checkout's token does not stay on disk, each job has only the
permissions it needs, and Dependabot proposes updates of every kind of pin."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$")


def zizmor() -> str:
    found = Path(sys.executable).with_name("zizmor")
    if found.exists():
        return str(found)
    return shutil.which("zizmor") or pytest.fail("zizmor mangler: kør ./dev test")


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return [step for job in workflow()["jobs"].values() for step in job.get("steps", [])]


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([zizmor(), "--offline", "--no-progress", "--format", "plain", "."],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it() -> None:
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert uses, "the workflow uses no actions?"
    assert [u for u in uses if not PINNED.match(u)] == []
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines()
             if re.search(r"^\s*(- )?uses:", line)]
    assert len(lines) == len(uses)
    assert [line for line in lines if not VERSION_COMMENT.search(line)] == []


def test_checkout_keeps_no_token_and_fetches_the_whole_history() -> None:
    checkouts = [s for s in steps() if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False
        assert step["with"]["fetch-depth"] == 0


def test_permissions_are_granted_per_job_and_only_there() -> None:
    flow = workflow()
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert all("permissions" in job for job in jobs.values())


def test_dependabot_proposes_weekly_updates_of_every_pin() -> None:
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    assert all(u["schedule"]["interval"] == "weekly" for u in updates.values())
    assert updates["npm"]["directories"] == ["/", "/scripts"]
    assert updates["pip"]["directory"] == "/" and updates["github-actions"]["directory"] == "/"

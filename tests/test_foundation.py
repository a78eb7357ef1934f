"""The foundation an editor relies on: schemas in step with the models, data that passes its
schema, a valid CI workflow, and models that reject what would mislead readers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from macros.data import model
from macros.data.rounds import RundeLinje
from macros.data.schemas import SCHEMA_DIR, rendered_schemas

ROOT = Path(__file__).resolve().parent.parent


def schema(filename: str) -> dict:
    """The schema as the engine renders it (a strategy may also commit it in data/schema/)."""
    return json.loads(rendered_schemas()[filename])


def test_committed_schemas_are_current():
    """A strategy that keeps the schemas in data/schema/ (for VS Code) keeps all of them current;
    one without that folder has none to keep."""
    rendered = rendered_schemas()
    committed = sorted(SCHEMA_DIR.glob("*.json")) if SCHEMA_DIR.is_dir() else []
    assert not committed or {p.name for p in committed} == set(rendered)
    for path in committed:
        assert path.read_text(encoding="utf-8") == rendered[path.name], (
            f"{path.name} er forældet: kør python -m macros.data.schemas")


@pytest.mark.parametrize("name", sorted(set(model.DATA_FILES) - set(model.FOLDERS)))
def test_data_file_passes_its_schema_and_points_editors_to_it(name):
    path = ROOT / "data" / f"{name}.yml"
    if SCHEMA_DIR.is_dir():  # the strategy keeps the schemas: its files point editors to them
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=schema/{name}.schema.json"
    data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(data, schema(f"{name}.schema.json"))


@pytest.mark.parametrize("name", sorted(model.FOLDERS))
def test_item_files_pass_their_schema_and_vs_code_finds_it(name):
    """One file per item (written by the browser editor, which drops comments): VS Code finds
    the schema through .vscode/settings.json instead of a first-line comment."""
    schema_file = f"data/schema/{name}.post.schema.json"
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"][schema_file] == f"data/{name}/*.yml"
    paths = sorted((ROOT / "data" / name).glob("*.yml"))
    assert paths
    for path in paths:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")),
                                     default=str))
        jsonschema.validate(data, schema(f"{name}.post.schema.json"))


def test_schema_descriptions_are_danish_hints():
    line = schema("statusrunder.post.schema.json")["$defs"]["RundeLinje"]
    status = line["properties"]["status"]["description"]
    assert "planlagt, i gang, løbende, forsinket, udskudt, afsluttet" in status


def test_ci_workflow_is_valid_and_deploys_only_after_tests():
    workflow = ROOT / ".github" / "workflows" / "site.yml"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema",
         "vendor.github-workflows", str(workflow)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    assert jobs["deploy"]["needs"] == "test"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = [s.get("run", s.get("uses", "")) for s in jobs["test"]["steps"]]
    assert "./dev test" in steps and "./dev build" in steps


BASE = {"id": "x", "titel": "X", "spor": "organisering",
        "kilde": {"dokument": "testdata-plan"}}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "i gang"}, "Extra inputs"),  # status lives in the rounds
        ({"niveau": "lokalt"}, 'niveau skal være "centralt" eller "decentralt"'),
        ({"perioder": [{"tekst": "5. kvartal 2024"}]}, "kvartal"),
        ({"id": "Ansættelse"}, "pattern"),
        ({"ukendt": 1}, "Extra inputs"),
    ],
    ids=["status-not-here", "level", "period", "id", "extra-field"],
)
def test_initiative_model_rejects_misleading_data(changes, message):
    with pytest.raises(ValidationError) as error:
        model.Tiltag.model_validate({**BASE, **changes})
    assert message in str(error.value)


@pytest.mark.parametrize(
    "changes",
    [{}, {"perioder": [{"tekst": "løbende fra 1. halvår 2023"}]}],
    ids=["minimal", "open-ended"],
)
def test_initiative_model_accepts_valid_data(changes):
    model.Tiltag.model_validate({**BASE, **changes})


LINE = {"tiltag": "x", "status": "i gang", "tekst": "Testdata."}


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"status": "forsinket"}, "kræver en begrundelse"),
     ({"status": "udskudt"}, "kræver en begrundelse"),
     ({"status": "igang"}, "Input should be"),
     ({"forventet_slut": "5. kvartal 2024"}, "kvartal")],
    ids=["late-needs-reason", "postponed-needs-reason", "status-list", "expected-end"],
)
def test_round_line_rejects_misleading_data(changes, message):
    with pytest.raises(ValidationError) as error:
        RundeLinje.model_validate({**LINE, **changes})
    assert message in str(error.value)


def test_round_line_accepts_a_reasoned_delay():
    RundeLinje.model_validate({**LINE, "status": "forsinket", "begrundelse": "Testdata.",
                               "forventet_slut": "1. halvår 2025"})

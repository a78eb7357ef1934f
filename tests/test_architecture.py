"""The layers of macros/ hold: the import contract in pyproject.toml passes on the real code, and
a data module that imports MkDocs breaks it (README, "Arkitektur / Architecture")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH first, so the copy's macros/ is analysed rather than the installed one.
    env = {**os.environ, "PYTHONPATH": str(project), "COLUMNS": "300"}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=project, env=env,
                          capture_output=True, text=True, check=False)


def copy_of_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "pyproject.toml", project)
    shutil.copytree(ROOT / "macros", project / "macros",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return project


def test_contract_is_kept_by_the_real_code() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("data/periods.py", "import mkdocs", "Only the adapters"),
    ("views/gantt.py", "import material", "Only the adapters"),
    ("data/model.py", "from macros.views import viewmodels", "Layers"),
    ("search/analysis.py", "from macros.exports import feeds", "Layers"),
    ("views/paging.py", "from macros.search import analysis", "Layers"),
])
def test_an_import_against_the_layers_breaks_the_contract(
        tmp_path: Path, module: str, line: str, contract: str) -> None:
    project = copy_of_project(tmp_path)
    path = project / "macros" / module
    path.write_text(path.read_text() + f"\n{line}  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(row.startswith(contract) for row in broken), result.stdout

"""The tests' builds run in forks of a process that has imported MkDocs already
(macros/kvalitet/prefork.py): each must behave as `python -m MODULE ARGS` in its folder would."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.kvalitet.prefork import Forks

# A module in the job's folder, importable only because `python -m` puts that folder first.
SCRIPT = """
import os, sys
print(os.getcwd(), os.environ.get("PREFORK_PROBE"), sys.argv[1:])
print("til stderr", file=sys.stderr)
raise SystemExit({code!r})
"""


@pytest.fixture(scope="module")
def forks() -> Iterator[Forks]:
    forks = Forks()
    yield forks
    forks.close()


@pytest.mark.parametrize(("code", "exit_code", "stderr"), [
    (0, 0, "til stderr\n"),
    (None, 0, "til stderr\n"),
    (3, 3, "til stderr\n"),
    ("fejl", 1, "til stderr\nfejl\n"),
])
def test_a_job_runs_as_python_m_in_its_folder(forks: Forks, tmp_path: Path, code: object,
                                              exit_code: int, stderr: str) -> None:
    (tmp_path / "probe_module.py").write_text(SCRIPT.format(code=code), encoding="utf-8")
    result = forks.run("probe_module", ["a", "b"], tmp_path, {"PREFORK_PROBE": "ja"})
    assert result.returncode == exit_code
    assert result.stdout == f"{tmp_path} ja ['a', 'b']\n"
    assert result.stderr == stderr
    assert result.args == [sys.executable, "-m", "probe_module", "a", "b"]


def test_a_module_that_fails_to_import_reports_its_error(forks: Forks, tmp_path: Path) -> None:
    (tmp_path / "broken_module.py").write_text("import no_such_module_here\n", encoding="utf-8")
    result = forks.run("broken_module", [], tmp_path, {})
    assert result.returncode == 1
    assert "ModuleNotFoundError: No module named 'no_such_module_here'" in result.stderr


def test_a_folders_own_module_is_not_carried_into_the_next_job(forks: Forks,
                                                                tmp_path: Path) -> None:
    # Two strategies with a module of the same name (mkdocs-macros' main.py, say): each job
    # imports its own folder's.
    for name in ("forste", "anden"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "own_module.py").write_text(f"print({name!r})\n", encoding="utf-8")
        result = forks.run("own_module", [], folder, {})
        assert (result.returncode, result.stdout) == (0, f"{name}\n")

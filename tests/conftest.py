"""Shared fixtures of the engine's tests.

The session's strict build of a strategy, its pages, its search fragments, the browser and the
page walk come from the engine's own pytest plugin, macros/kvalitet/plugin.py (loaded with
`-p macros.kvalitet.plugin` in pyproject.toml; `--strategi` defaults to this folder). Here: copies
of a project to break or extend, the second, fictional strategy (tests/fixtures/anden-strategi)
and the copy with fictional status rounds.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.kvalitet.plugin import (  # noqa: F401 - re-exported for the tests
    BUILD_DATE,
    CHROMIUM,
    CHROMIUM_ARGS,
    build_site,
    serve_folder,
)

ROOT = Path(__file__).resolve().parent.parent


def assert_reported(output: str, prefix: str, words: Iterable[str]) -> None:
    """A line of the output starts with prefix (`fil:linje: `) and holds every word."""
    matching = [out for out in output.splitlines() if out.startswith(prefix)]
    assert matching, f"ingen linje starter med {prefix!r}:\n{output}"
    assert any(all(word in out for word in words) for out in matching), (
        f"{list(words)} mangler i:\n" + "\n".join(matching))


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m macros.editors.check --root project ARGS` in the project, run in this process
    (its output and exit code as the command's): starting an interpreter for each check was
    most of its time. `strategi check` itself is run as a command in test_cli."""
    from macros.editors import check

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        code = check.main(["--root", str(project), *args])
    return subprocess.CompletedProcess(["python", "-m", "macros.editors.check"], code,
                                       out.getvalue(), err.getvalue())


def page_line(rel: str, text: str) -> Callable[[Path], int]:
    """Add a line of text at the end of a page; return its line."""
    def apply(project: Path) -> int:
        path = project / rel
        body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        path.write_text(body + text + "\n", encoding="utf-8")
        return body.count("\n") + 1
    return apply


def copy_project(dest: Path) -> Path:
    """A copy of the project (without build output) to break or extend in a test. Without the
    engine's package: the copy builds with the installed engine (`python -m macros...` run in
    the copy would otherwise import the copy's macros/, which has no editor bundle beside it)."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__",
                                    ".pytest_cache", ".ruff_cache", "macros")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def read_collection(root: Path, name: str) -> list[dict[str, Any]]:
    """The items of data/<name>/ (one file each) in their order, as plain values."""
    from macros.data.yamlsource import read_yaml

    items = [read_yaml(p, p.name).data for p in sorted((root / "data" / name).glob("*.yml"))]
    return sorted(items, key=lambda item: item.get("raekkefoelge") or 10**9)


def write_collection(root: Path, name: str, items: list[dict[str, Any]]) -> None:
    """Replace data/<name>/ with these items, one file each, in this order."""
    folder = root / "data" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for index, item in enumerate(items):
        item = {**item, "raekkefoelge": item.get("raekkefoelge") or 10 * (index + 1)}
        (folder / f"{item['id']}.yml").write_text(
            yaml.safe_dump(item, allow_unicode=True, sort_keys=False), encoding="utf-8")


SECOND_STRATEGY = ROOT / "tests" / "fixtures" / "anden-strategi"


@pytest.fixture(scope="session")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one build of the second, fictional strategy (tests/fixtures/anden-strategi): its
    folder copied alone, built with the installed engine, as another municipality has it."""
    base = tmp_path_factory.mktemp("anden-strategi")
    project = base / "projekt"
    shutil.copytree(SECOND_STRATEGY, project)
    result = build_site(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site"


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "projekt")


@pytest.fixture(scope="session")
def rounds_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with two fictional status rounds (TEST DATA, fictional_rounds.py),
    made from the copy's own initiatives, and enough fictional tracks and links that the status
    page and the recommendation matrix are paged (TEST DATA, fictional_scale.py)."""
    from tests.fictional_rounds import write_fictional_rounds
    from tests.fictional_scale import write_fictional_scale

    project = copy_project(tmp_path_factory.mktemp("runder") / "projekt")
    write_fictional_rounds(project)
    write_fictional_scale(project)
    return project


@pytest.fixture(scope="session")
def rounds_plan(rounds_project: Path) -> Any:
    """What the two fictional rounds of rounds_project say (fictional_rounds.Rounds)."""
    from tests import fictional_rounds as fr

    return fr.plan_rounds([i for i in fr.initiative_ids(rounds_project) if i != fr.MOVED_ID])


@pytest.fixture(scope="session")
def rounds_site(rounds_project: Path, site_url_path: str) -> Path:
    """The one extra build of the round tests: the copy with fictional rounds, built strictly."""
    out = rounds_project.parent / "site"
    result = build_site(rounds_project, out, site_url=f"http://127.0.0.1{site_url_path}")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def rounds_served(rounds_site: Path, site_url_path: str) -> Iterator[str]:
    """The copy with fictional rounds served under its sub-path on a free localhost port."""
    root = rounds_site.parent / "serve-root"
    root.mkdir(exist_ok=True)
    link = root / site_url_path.strip("/")
    if not link.exists():
        link.symlink_to(rounds_site, target_is_directory=True)
    with serve_folder(root, rounds_site / "404.html") as port:
        yield f"http://127.0.0.1:{port}{site_url_path}"

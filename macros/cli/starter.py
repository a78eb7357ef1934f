"""`strategi new`: a minimal strategy that builds strictly, from the folder ny-strategi/ beside this
module (identity, one source document, one track, one initiative, one meeting, the standard pages),
with the data files' JSON Schemas. Every example text carries EXAMPLE_MARK, so `strategi check` can
list what is still to be replaced."""

from __future__ import annotations

import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from macros.data.schemas import write_schemas

STARTER = Path(__file__).resolve().parent / "ny-strategi"
CI = Path(__file__).resolve().parent / "ci"
# Where the repository's CI files go: its workflow (test, build, deploy), Dependabot, .gitignore.
CI_FILES = {"site.yml": ".github/workflows/site.yml", "dependabot.yml": ".github/dependabot.yml",
            "gitignore": ".gitignore"}
DISTRIBUTION = "strategi-motor"


def engine_pin() -> str:
    """requirements.txt's line: the engine at the version that wrote the strategy."""
    try:
        return f"{DISTRIBUTION}[test]=={version(DISTRIBUTION)}"
    except PackageNotFoundError:  # run from a source tree without an install
        return f"{DISTRIBUTION}[test]"
EXAMPLE_MARK = "EKSEMPEL"
TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".txt"}


def write_starter(target: Path) -> list[Path]:
    """Copy the starter into `target` (created); the files written, relative to it."""
    shutil.copytree(STARTER, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    write_schemas(target)  # the data files' editors check them against these while typing
    for name, rel in CI_FILES.items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CI / name, target / rel)
    (target / "requirements.txt").write_text(
        "# The engine at the version this strategy is built with; Dependabot proposes updates.\n"
        f"{engine_pin()}\n", encoding="utf-8")
    return sorted(p.relative_to(target) for p in target.rglob("*") if p.is_file())


def examples_left(folder: Path) -> list[str]:
    """`fil:linje` of every line that still holds an example text, in mkdocs.yml, docs/ and
    data/ (the built site and the editor's files are not the strategy's text)."""
    paths = [folder / "mkdocs.yml"]
    for part in ("docs", "data"):
        paths += sorted(p for p in (folder / part).rglob("*")
                        if p.is_file() and p.suffix in TEXT_SUFFIXES)
    found = []
    for path in paths:
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if EXAMPLE_MARK in line:
                found.append(f"{path.relative_to(folder).as_posix()}:{number}")
    return found

"""The `strategi` command as someone who keeps a strategy uses it: `strategi new` gives a folder
that builds strictly with no file of the engine's in it; `strategi check` lists the example
texts left and names a broken anchor in Danish with file and line; a strict build refuses it
also under `-q` and `-v`; the help is Danish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli import main as cli
from macros.cli.starter import EXAMPLE_MARK, examples_left, write_starter

BROKEN_LINK = "Se [planen](plan.md#findes-ikke)."
QUICK = {"STRATEGI_HISTORIK": "0", "STRATEGI_PARALLEL": "0", "NO_MKDOCS_2_WARNING": "1"}


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=folder, capture_output=True, text=True,
                          env={**os.environ, **QUICK}, check=False)


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ny") / "min-strategi"
    assert cli.main(["new", str(folder)]) == 0
    return folder


def test_new_strategy_is_content_only_and_builds_strictly(starter: Path) -> None:
    names = {p.relative_to(starter).parts[0] for p in starter.iterdir()}
    assert names == {"mkdocs.yml", "docs", "data", "requirements.txt", ".github", ".gitignore"}
    config = (starter / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config and "extra_css" not in config
    assert "strategi-motor[test]" in (starter / "requirements.txt").read_text(encoding="utf-8")
    assert (starter / ".github" / "workflows" / "site.yml").is_file()
    result = run(starter, "-m", "macros.cli.main", "build", ".", "--site-dir", "ud")
    assert result.returncode == 0, result.stdout + result.stderr
    site = starter / "ud"
    for built in ("index.html", "admin/index.html", "admin/sveltia-cms.js", "pagefind/pagefind.js",
                  "feed-status.xml", "data/strategi.json", "tiltag/eksempel-tiltag/index.html"):
        assert (site / built).is_file(), built


def test_check_lists_every_example_text_left(starter: Path) -> None:
    left = examples_left(starter)
    assert "data/identitet.yml:3" in left and any(p.startswith("docs/index.md:") for p in left)
    marked = sum(f.read_text(encoding="utf-8").count(EXAMPLE_MARK)
                 for f in starter.rglob("*") if f.is_file() and f.suffix in {".md", ".yml", ".txt"}
                 and "schema" not in f.parts and ".github" not in f.parts)
    assert marked >= len(left) > 20


def test_check_names_a_broken_anchor_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    write_starter(folder)
    page = folder / "docs" / "om-siden.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", BROKEN_LINK]) + "\n", encoding="utf-8")
    line = len(lines) + 2
    result = run(folder, "-m", "macros.cli.main", "check", ".", "--uden-lix")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (f'docs/om-siden.md:{line}: link: "plan.md#findes-ikke": siden plan.md har intet '
            'afsnit med ankeret "#findes-ikke"') in result.stdout
    for flag in ("-q", "-v"):  # MkDocs 1.6 alone passes both (mkdocs#4126, #3991)
        built = run(folder, "-m", "mkdocs", "build", "--strict", flag, "--site-dir", "ud")
        assert built.returncode == 1, flag
        assert "Bygningen er stoppet: 1 advarsel i streng tilstand" in built.stdout + built.stderr


@pytest.mark.parametrize("argv, words", [
    (["--help"], ["brug: strategi", "tilvalg:", "vis denne hjælp", "lav en ny strategi"]),
    (["check", "--help"], ["--hurtig", "strategiens mappe"]),
    (["test", "--help"], ["Indholdssporet", "pytest"]),
])
def test_help_is_danish(argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
                        ) -> None:
    with pytest.raises(SystemExit):
        cli.main(argv)
    out = capsys.readouterr().out
    assert all(word in out for word in words), out
    assert "usage" not in out and "show this help" not in out


def test_unknown_command_is_refused_in_danish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["byg"])
    assert "fejl: KOMMANDO: ukendt valg: 'byg'" in capsys.readouterr().err

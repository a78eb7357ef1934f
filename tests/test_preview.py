"""`strategi preview` (`mkdocs serve --dirty`) builds again only what a saved change touches
(macros/adapter/rebuilds.py), and the site it then serves is the site a full build of the
changed files gives, file for file, search index included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import BUILD_DATE, copy_project

# As `mkdocs serve --dirty` builds: the plugins kept between builds, the site folder not
# emptied, and the change saved before the first build's search index and open data were
# written (they are given up, and the second build's must hold every page). argv: the site
# folder; between the builds the test changes the project (stdin).
PREVIEW = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

for number in range(2):
    config = load_config("mkdocs.yml", site_dir=sys.argv[1])
    if number == 0:
        first = config
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    print("built", flush=True)
    if number == 0:
        sys.stdin.readline()  # the test changes the project
first.plugins.on_shutdown()
"""
# The same files built at once by a preview that has just started.
FULL = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="serve", dirty=False)
build(config)
config.plugins.on_shutdown()
"""


def _env() -> dict[str, str]:
    # Without git history: the copy has none, and both builds must agree on it.
    return {**os.environ, "STRATEGI_DATO": BUILD_DATE, "SITE_URL": "http://127.0.0.1:8000/",
            "NO_MKDOCS_2_WARNING": "1", "STRATEGI_HISTORIK": "0"}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _retitle_first_initiative(project: Path, title: str) -> str:
    """Change the first initiative's title; its id."""
    folder = project / "data" / "tiltag"
    path = sorted(folder.glob("*.yml"))[0]
    item = yaml.safe_load(path.read_text(encoding="utf-8"))
    item["titel"] = title
    path.write_text(yaml.safe_dump(item, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(item["id"])


def test_a_preview_rebuild_serves_what_a_full_build_of_the_change_gives(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    served, full = tmp_path / "forhaandsvisning", tmp_path / "fuld"
    preview = subprocess.Popen([sys.executable, "-c", PREVIEW, str(served)], cwd=project,
                               env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert preview.stdout is not None and preview.stdin is not None
    try:
        assert preview.stdout.readline().strip() == "built", preview.stderr.read()[-3000:]
        before = {name: (served / name).stat().st_mtime_ns for name in _files(served)}
        title = "Et nyt navn «til» forhåndsvisningen"
        initiative = _retitle_first_initiative(project, title)
        front = project / "docs" / "index.md"
        front.write_text(front.read_text(encoding="utf-8") + "\nEt nyt afsnit.\n",
                         encoding="utf-8")
        preview.stdin.write("\n")
        preview.stdin.flush()
        assert preview.stdout.readline().strip() == "built", preview.stderr.read()[-3000:]
        assert preview.wait(timeout=120) == 0, preview.stderr.read()[-3000:]
    finally:
        preview.kill()
        preview.wait()
    result = subprocess.run([sys.executable, "-c", FULL, str(full)], cwd=project, env=_env(),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]

    shown, expected = _files(served), _files(full)
    assert title in shown[f"tiltag/{initiative}/index.html"].decode()
    assert "Et nyt afsnit." in shown["index.html"].decode()
    differing = sorted(name for name in shown.keys() | expected.keys()
                       if shown.get(name) != expected.get(name))
    assert differing == []
    # Only what the change touched was written again.
    pages = [name for name in before if name.endswith(".html")]
    untouched = [name for name in pages if (served / name).stat().st_mtime_ns == before[name]]
    assert len(untouched) >= len(pages) // 4, untouched

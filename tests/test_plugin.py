"""The `strategi` plugin holds one build's state and nothing else: two builds in one process
(as `mkdocs serve` rebuilds, with the plugin instance kept and the search index and open data
written beside the server) give the same site, and ProperDocs,
the maintained fork of MkDocs 1.6, builds the same site with no change to the code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_DATE, ROOT

TWO_BUILDS = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

for number, out in enumerate(sys.argv[1:]):
    config = load_config("mkdocs.yml", site_dir=out)
    if number == 0:
        first = config
        config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    print(id(config.plugins["strategi"]))
# As `mkdocs serve` stops: the search index and open data written beside the server are done.
first.plugins.on_shutdown()
"""
# The one line that names the program that built the page.
GENERATOR = {b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">',
             b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'}


def _env(site_url: str) -> dict[str, str]:
    return {**os.environ, "STRATEGI_DATO": BUILD_DATE, "SITE_URL": site_url,
            "NO_MKDOCS_2_WARNING": "1"}


def _files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            for line in GENERATOR:
                data = data.replace(line, b"<generator>")
            found[path.relative_to(site).as_posix()] = data
    return found


def _differences(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))


def test_two_builds_in_one_process_give_the_same_site(tmp_path: Path) -> None:
    first, second = tmp_path / "en", tmp_path / "to"
    result = subprocess.run([sys.executable, "-c", TWO_BUILDS, str(first), str(second)],
                            cwd=ROOT, env=_env("http://127.0.0.1/strategi/"),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    plugin_ids = result.stdout.split()
    assert len(plugin_ids) == 2 and plugin_ids[0] == plugin_ids[1]  # the instance was kept
    one, other = _files(first), _files(second)
    assert len(one) > 100
    assert _differences(one, other) == []


def test_properdocs_builds_the_same_site(built_site: Path, site_url: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict",
                             "-f", "mkdocs.yml", "--site-dir", str(out)],
                            cwd=ROOT, env=_env(site_url), capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert b"ProperDocs" in (out / "index.html").read_bytes()
    assert _differences(_files(built_site), _files(out)) == []

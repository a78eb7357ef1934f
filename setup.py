"""The wheel holds everything a strategy site needs beyond its content.

pyproject.toml says what the package is; this adds the two folders that live outside `macros/`
in this repository because they are edited there: the theme (`overrides/`, templates extending
Material's, stylesheets and scripts) as `macros/theme/`, and the npm packages of the browser
editor (Sveltia CMS, its fonts, Immutable.js; `npm ci` installs them into `node_modules/`) as
`macros/editors/vendor/node_modules/`. macros/runtime/engine_files.py finds either layout.
An editable install (`pip install -e .`, this repository) copies nothing.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _editor_files() -> list[Path]:
    """The editor's npm files the build serves, relative to this folder (bundle.py lists them;
    loaded on its own, since the build environment has none of the engine's dependencies)."""
    spec = importlib.util.spec_from_file_location("_bundle", HERE / "macros/editors/bundle.py")
    assert spec and spec.loader
    bundle = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bundle  # its dataclasses look their module up there
    spec.loader.exec_module(bundle)
    return bundle.vendored_files(HERE)


class BuildWithEngineFiles(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        package = Path(self.build_lib) / "macros"
        shutil.copytree(HERE / "overrides", package / "theme", dirs_exist_ok=True)
        if not (HERE / "node_modules").is_dir():
            raise SystemExit("node_modules/ mangler: kør `npm ci` før hjulet bygges – "
                             "redaktørens filer (Sveltia CMS) skal med i hjulet")
        for rel in _editor_files():
            target = package / "editors" / "vendor" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(HERE / rel, target)


setup(cmdclass={"build_py": BuildWithEngineFiles})

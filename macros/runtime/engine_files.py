"""Where the engine's own files are: its Material templates and assets, the editor's pages and
the npm packages of the editor's bundle.

In an installed wheel they are package data inside `macros/` (setup.py copies them there when
the wheel is built); in this repository's editable install they are where they are edited:
`overrides/` and `node_modules/` beside `macros/`. Nothing else of the engine knows the
difference.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # macros/
# In the wheel: macros/theme/ (from overrides/) and macros/editors/vendor/ (from node_modules/).
PACKAGED_THEME = PACKAGE / "theme"
PACKAGED_VENDOR = PACKAGE / "editors" / "vendor"
# In this repository (editable install): overrides/ and node_modules/ beside macros/.
SOURCE_THEME = PACKAGE.parent / "overrides"
SOURCE_VENDOR = PACKAGE.parent
ADMIN = PACKAGE / "editors" / "admin"


def theme_dir() -> Path:
    """The engine's theme folder: templates extending Material's, stylesheets and scripts."""
    return PACKAGED_THEME if PACKAGED_THEME.is_dir() else SOURCE_THEME


def vendor_root() -> Path:
    """The folder whose node_modules/ holds the editor's npm packages (Sveltia, its fonts,
    Immutable.js)."""
    return PACKAGED_VENDOR if (PACKAGED_VENDOR / "node_modules").is_dir() else SOURCE_VENDOR


def admin_dir() -> Path:
    """The editor's own files served under /admin/: index.html, config.yml, its scripts."""
    return ADMIN

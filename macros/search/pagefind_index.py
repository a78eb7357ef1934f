"""Write the Pagefind bundle (index chunks, fragments, its scripts and WebAssembly) for records.

Runs the Pagefind binary from PyPI `pagefind[bin]` (pinned in pyproject.toml) on a temporary
folder holding one HTML file per record. The index is split into chunks of words and one
fragment per record, so a search downloads only the chunks for its words and the fragments of
the results it shows, however many pages the site has. (Pagefind's Python service API answers
one file per ~0.1 s; the command line indexes the folder in well under a second.) No MkDocs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from macros.search.records import Record

BUNDLE_DIR = "pagefind"
# Pagefind's own result widgets and the index of pages in other languages: not used.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*",
          "pagefind-highlight.js", "wasm.unknown.pagefind")


class PagefindError(RuntimeError):
    pass


def write_bundle(records: Sequence[Record], site_dir: Path) -> Path:
    """Write the bundle into `site_dir`/pagefind/ and return that folder."""
    output = site_dir / BUNDLE_DIR
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        for number, record in enumerate(records):
            # Files by number: records such as glossary entries have a URL with a fragment;
            # the URL itself travels as the record's `url` meta (records.py).
            path = Path(tmp) / f"r{number}" / "index.html"
            path.parent.mkdir()
            path.write_text(record.html, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(output),
             "--force-language", "da", "--quiet"],
            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PagefindError(f"Pagefind kunne ikke bygge søgeindekset: {result.stderr.strip()}")
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()
    return output

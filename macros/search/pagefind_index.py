"""Write the Pagefind bundle (index chunks, fragments, its scripts and WebAssembly) for records.

Runs the Pagefind binary from PyPI `pagefind[bin]` (pinned in pyproject.toml) on a temporary
folder holding one HTML file per record. The index is split into chunks of words and one
fragment per record, so a search downloads only the chunks for its words and the fragments of
the results it shows, however many pages the site has. (Pagefind's Python service API answers
one file per ~0.1 s; the command line indexes the folder in well under a second.)
`write_cached_bundle` makes the records and the bundle only when the documents (or the code
that turns them into an index) changed since a build that kept its bundle in a ContentCache,
and otherwise copies that bundle: the same documents make the same bundle. No MkDocs.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from macros.runtime import cancel
from macros.runtime.contentcache import ContentCache, code_digest, digest, link_or_copy
from macros.search import analysis
from macros.search.records import Record, records
from macros.search.synonyms import Synonyms

BUNDLE_DIR = "pagefind"
# Pagefind's own result widgets and the index of pages in other languages: not used.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*",
          "pagefind-highlight.js", "wasm.unknown.pagefind")


class PagefindError(RuntimeError):
    pass


def write_bundle(records: Sequence[Record], site_dir: Path) -> Path:
    """Write the bundle into `site_dir`/pagefind/ and return that folder. The bundle is made
    beside it and then put in its place, so a search meanwhile finds the previous one."""
    output = site_dir / BUNDLE_DIR
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp, \
            tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir) as made:
        for number, record in enumerate(records):
            # Files by number: records such as glossary entries have a URL with a fragment;
            # the URL itself travels as the record's `url` meta (records.py).
            path = Path(tmp) / f"r{number}" / "index.html"
            path.parent.mkdir()
            path.write_text(record.html, encoding="utf-8")
        result = cancel.run(
            [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", made,
             "--force-language", "da", "--quiet"])
        if result.returncode != 0:
            raise PagefindError(
                f"Pagefind kunne ikke bygge søgeindekset: {result.stderr.strip()}")
        for pattern in UNUSED:
            for path in Path(made).glob(pattern):
                path.unlink()
        shutil.rmtree(output, ignore_errors=True)
        Path(made).rename(output)
        Path(made).mkdir()  # for TemporaryDirectory to remove
    return output


def bundle_key(docs: Sequence[dict[str, Any]], groups: Sequence[Synonyms],
               weights: Mapping[str, float]) -> str:
    """Everything the bundle is made from: the documents, the glossary's synonyms, the pages'
    weights, the search's code, the word list and Pagefind's version."""
    words = analysis.WORD_LIST.stat() if analysis.WORD_LIST.exists() else None
    return digest(
        json.dumps(list(docs), sort_keys=True, ensure_ascii=False),
        json.dumps([dataclasses.astuple(g) for g in groups], ensure_ascii=False),
        json.dumps(sorted(weights.items())),
        code_digest(Path(__file__).parent.glob("*.py")),
        f"{words.st_size}:{words.st_mtime_ns}" if words else "",
        importlib.metadata.version("pagefind"))


def write_cached_bundle(docs: Sequence[dict[str, Any]], groups: Sequence[Synonyms],
                        weights: Mapping[str, float], site_dir: Path, cache: ContentCache,
                        make: Callable[[Sequence[Record], Path], Path] = write_bundle) -> bool:
    """Write the bundle for the documents into `site_dir`/pagefind/, from the cache when it
    holds one for the same input; True when it did."""
    key = bundle_key(docs, groups, weights)
    output = site_dir / BUNDLE_DIR
    cached = cache.folder_of(key)
    if cached is not None:
        shutil.rmtree(output, ignore_errors=True)
        shutil.copytree(cached, output, copy_function=link_or_copy)
        return True
    make(records(docs, groups, weights), site_dir)
    cache.store_folder(key, output)
    return False

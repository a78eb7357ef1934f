"""Results kept on disk between builds, keyed by everything they are made from.

A build that is given the same input as an earlier one (the same pages' text, the same code)
reuses what that build wrote instead of doing the work again: the search's records and its
Pagefind bundle, for one. A key is a digest of the inputs and of the source of the code that
made the result (`code_digest`), so a change to either is a new key and an old result is never
read for it. Entries live in `<project>/.cache/<name>/<key>` (.cache/ is gitignored); the
oldest are removed when there are more than `keep`. A write goes to a temporary name and is
renamed into place, so an interrupted build leaves no half entry. No MkDocs.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

CACHE_ROOT = ".cache"


def digest(*parts: str | bytes) -> str:
    """A key for the parts, in order (each part's length is hashed too, so parts never run
    into each other)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()[:32]


@functools.lru_cache(maxsize=32)
def _file_digest(path: Path, mtime_ns: int, size: int) -> str:
    return digest(path.name, path.read_bytes())


def code_digest(paths: Iterable[Path]) -> str:
    """A key for the source files the cached results depend on (read again when one's mtime
    or size changes, so an edit during `mkdocs serve` is seen)."""
    parts = []
    for path in sorted(paths):
        stat = path.stat()
        parts.append(_file_digest(path, stat.st_mtime_ns, stat.st_size))
    return digest(*parts)


def files_digest(root: Path, names: Iterable[str]) -> str:
    """A key for files and folders under root (given relative to it): every file's path and
    bytes, in a fixed order; a missing one counts as missing."""
    hasher = hashlib.sha256()
    for name in names:
        top = root / name
        paths = sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [top]
        for path in paths:
            hasher.update(path.relative_to(root).as_posix().encode() + b"\0")
            try:
                data = path.read_bytes()
            except OSError:
                data = b"\0missing"
            hasher.update(len(data).to_bytes(8, "little") + data)
    return hasher.hexdigest()[:32]


def link_or_copy(source: str, target: str) -> None:
    """A hard link where the file system allows it (thousands of Pagefind fragments at 5 000
    initiatives: linking takes no copying), else a copy. Nothing writes into these files after
    they are made, so the cache and the site may share them."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


class ContentCache:
    """One kind of cached result under `<root>/.cache/<name>/`."""

    def __init__(self, root: Path, name: str, keep: int = 4) -> None:
        self.folder = root / CACHE_ROOT / name
        self.keep = keep

    def read_bytes(self, key: str) -> bytes | None:
        try:
            data = (self.folder / key).read_bytes()
        except OSError:
            return None
        self._touch(self.folder / key)
        return data

    def write_bytes(self, key: str, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".skrives-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self.folder / key)
            self._prune()
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def folder_of(self, key: str) -> Path | None:
        """The cached folder for key, or None."""
        path = self.folder / key
        if not path.is_dir():
            return None
        self._touch(path)
        return path

    def store_folder(self, key: str, source: Path) -> None:
        """Keep a copy of the folder source under key."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = Path(tempfile.mkdtemp(dir=self.folder, prefix=".skrives-"))
            shutil.copytree(source, temporary, dirs_exist_ok=True, copy_function=link_or_copy)
            try:
                temporary.rename(self.folder / key)
            except OSError:  # another build stored the same key first
                shutil.rmtree(temporary, ignore_errors=True)
            self._prune()
        except OSError:
            pass

    @staticmethod
    def _touch(path: Path) -> None:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last

    def _prune(self) -> None:
        entries = [p for p in self.folder.iterdir() if not p.name.startswith(".")]
        entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[self.keep:]:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)

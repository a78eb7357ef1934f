"""Walking data/'s history: each commit's data/ tree is written to a temporary folder, loaded
and validated with the project's loader, and compared with the last valid one by id.

The comparison of two trees is cached in .cache/historik/<fingerprint>/<old>-<new>.json, where
the fingerprint covers the model and this package's code, so a changed model or diff re-reads
what it must. A warm build reads git's commit list and the small cached files; only commits it
has not seen are loaded. Commits whose data do not validate under today's model are skipped
(and counted), never a crash.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from macros.data import loading
from macros.data.problems import DataError
from macros.history import diff, gitlog
from macros.history.record import Change, History, ItemRecord, Skipped, unavailable
from macros.runtime import parallel

log = logging.getLogger("mkdocs.plugins.strategi.historik")
CACHE_DIR = Path(".cache") / "historik"
# The code a cached comparison depends on: the model and loader, and how items are compared.
_CACHED_BY = (*sorted(Path(loading.__file__).parent.glob("*.py")),
              *(Path(__file__).parent / name for name in ("compute.py", "diff.py", "gitlog.py")))


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in _CACHED_BY:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


class _Walker:
    def __init__(self, root: Path, cache: Path) -> None:
        self.root, self.cache = root, cache
        self.reader: gitlog.TreeReader | None = None
        self.scratch = Path(tempfile.mkdtemp(prefix="historik-"))
        self.loaded: dict[str, diff.Snapshot | None] = {}
        self.count = 0

    def snapshot(self, tree: str) -> tuple[diff.Snapshot | None, int]:
        """The tree's items, or None and the number of problems when it does not validate."""
        if self.reader is None:
            self.reader = gitlog.TreeReader(self.root)
        self.count += 1
        folder = self.scratch / str(self.count)
        self.reader.write_tree(tree, folder / "data")
        try:
            site = loading.load_site_data(folder, earlier_version=True)
        except DataError as error:
            return None, len(error.problems)
        finally:
            # The loader caches by folder; each commit has its own, so drop it again.
            getattr(loading, "_cache", {}).pop(folder / "data", None)
            shutil.rmtree(folder, ignore_errors=True)
        return diff.snapshot(site), 0

    def pair(self, old_tree: str, old: diff.Snapshot | None, tree: str,
             ) -> tuple[dict[str, Any], diff.Snapshot | None]:
        path = self.cache / f"{old_tree or 'tom'}-{tree}.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8")), None
        if old is None and old_tree:
            old, _ = self.snapshot(old_tree)
        new, problems = self.snapshot(tree)
        if new is None:
            entry: dict[str, Any] = {"valid": False, "problems": problems}
        else:
            changes, plans = diff.compare(old, new)
            entry = {"valid": True, "changes": [c.to_json() for c in changes], "plans": plans}
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        return entry, new

    def close(self) -> None:
        if self.reader is not None:
            self.reader.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


# Fewer unread commits than this are read in this process alone (a fork costs more).
PREFETCH_MIN = 8


def _prefetch(root: Path, cache: Path, pairs: list[tuple[str, str]]) -> None:
    """Compare each (old, new) pair of trees into the cache, in order."""
    walker = _Walker(root, cache)
    previous: tuple[str, diff.Snapshot | None] = ("", None)
    try:
        for old_tree, tree in pairs:
            old = previous[1] if previous[0] == old_tree else None
            entry, snapshot = walker.pair(old_tree, old, tree)
            previous = (tree, snapshot) if entry["valid"] else ("", None)
    finally:
        walker.close()


def _read_unseen_pairs(root: Path, cache: Path, commits: list[gitlog.Commit],
                       fork: bool) -> None:
    """Fill the cache for the commits not seen before, on two cores where there are two: each
    process takes one run of consecutive commits. The walk in compute_history then reads the
    cache; a pair it asks for that is not there (after a commit that does not validate, it
    compares with the last valid one instead) it computes itself."""
    trees = [c.data_tree for c in commits if c.data_tree]
    pairs = [(old, new) for old, new in zip(["", *trees], trees, strict=False) if old != new]
    unseen = [p for p in pairs if not (cache / f"{p[0] or 'tom'}-{p[1]}.json").exists()]
    if len(unseen) < PREFETCH_MIN or not fork or not parallel.available():
        return
    half = len(unseen) // 2
    theirs = parallel.start(lambda: _prefetch(root, cache, unseen[half:]))
    try:
        _prefetch(root, cache, unseen[:half])
    except BaseException:
        theirs.cancel()
        raise
    theirs.result()


def compute_history(root: Path, cache_root: Path | None = None, fork: bool = False) -> History:
    """The history of root's data/ and docs/, or an unavailable History saying why not. With
    `fork`, a second process reads half of the commits not cached yet."""
    try:
        prefix = gitlog.check_repository(root)
        commits = gitlog.data_commits(root, prefix)
        pages = gitlog.file_dates(root, prefix, "docs")
    except gitlog.GitUnavailable as error:
        return unavailable(str(error))
    cache = (cache_root or root / CACHE_DIR) / fingerprint()
    _read_unseen_pairs(root, cache, commits, fork)
    walker = _Walker(root, cache)
    per_commit: list[list[Change]] = []
    items: dict[tuple[str, str], ItemRecord] = {}
    skipped: list[Skipped] = []
    last_tree, last = "", None
    try:
        for commit in commits:
            if not commit.data_tree or commit.data_tree == last_tree:
                continue
            entry, snapshot = walker.pair(last_tree, last, commit.data_tree)
            day = commit.when.date()
            if not entry["valid"]:
                skipped.append(Skipped(commit.sha, day, entry["problems"]))
                continue
            last_tree, last = commit.data_tree, snapshot
            per_commit.append([])
            for raw in entry["changes"]:
                change = Change(commit.sha, day, diff.RawChange(**raw))
                per_commit[-1].append(change)
                key = (change.kind, change.item_id)
                known = items.get(key)
                plan = entry["plans"].get(change.item_id) if change.kind == "tiltag" else None
                if known is None:
                    items[key] = ItemRecord(day, day, plan)
                else:
                    items[key] = ItemRecord(known.published, day, known.first_plan or plan)
    finally:
        walker.close()
    # Newest commit first; within a commit, the order the data lists the items.
    changes = [change for commit in reversed(per_commit) for change in commit]
    history = History(available=True, changes=changes, items=items, skipped=skipped,
                      page_dates={p: w.date() for p, w in pages.items()},
                      data_changed=commits[-1].when.date() if commits else None)
    return history


def describe(history: History) -> str:
    """The one log line a build writes about its history."""
    if not history.available:
        return (f"Historik: ingen ændringshistorik ({history.note}); siderne viser ingen "
                "datoer for ændringer. Byg fra en fuld klon (git clone uden --depth).")
    skipped = (f"; {len(history.skipped)} commit(s) sprunget over, fordi data ikke kunne "
               "valideres med den nuværende model") if history.skipped else ""
    return f"Historik: {len(history.changes)} ændringer i data/ læst fra git{skipped}."

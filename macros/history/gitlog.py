"""The few things history needs from git, each one subprocess call (or one long-lived
`git cat-file --batch`): whether full history is here, the commits that changed data/, a
commit's data/ tree written into a folder, and the newest commit date of each file under docs/.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


class GitUnavailable(Exception):
    """No usable history: not a repository, git missing, or a shallow clone."""


@dataclass(frozen=True)
class Commit:
    sha: str
    when: dt.datetime  # committer date, in the committer's own offset
    data_tree: str  # the object id of data/ at this commit


def _git(root: Path, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise GitUnavailable(result.stderr.strip().splitlines()[0] if result.stderr.strip()
                             else f"git {args[0]} fejlede")
    return result.stdout


def check_repository(root: Path) -> str:
    """The repository prefix of root ('' at the top), or GitUnavailable saying why not."""
    if shutil.which("git") is None:
        raise GitUnavailable("git er ikke installeret")
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree").strip()
    except GitUnavailable:
        raise GitUnavailable("mappen er ikke et git-arkiv") from None
    if inside != "true":
        raise GitUnavailable("mappen er ikke et git-arkiv")
    if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise GitUnavailable("kopien er en overfladisk klon (shallow) uden den fulde historik")
    try:
        _git(root, "rev-parse", "--verify", "-q", "HEAD")
    except GitUnavailable:
        raise GitUnavailable("arkivet har ingen commits endnu") from None
    return _git(root, "rev-parse", "--show-prefix").strip()


def head(root: Path) -> str:
    return _git(root, "rev-parse", "HEAD").strip()


def data_commits(root: Path, prefix: str) -> list[Commit]:
    """Commits on the first-parent line that changed data/, oldest first. First parent: on main
    a merged branch counts once, on the day it was merged, which is when it was published."""
    out = _git(root, "log", "--first-parent", "--reverse", "--format=%H %cI", "--", "data")
    pairs = [line.split(" ", 1) for line in out.splitlines() if line.strip()]
    if not pairs:
        return []
    query = "".join(f"{sha}:{prefix}data\n" for sha, _ in pairs)
    checked = _git(root, "cat-file", "--batch-check=%(objectname) %(objecttype)", stdin=query)
    commits = []
    for (sha, when), line in zip(pairs, checked.splitlines(), strict=True):
        tree, _, kind = line.partition(" ")
        if kind.strip() != "tree":  # data/ deleted in this commit
            tree = ""
        commits.append(Commit(sha, dt.datetime.fromisoformat(when), tree))
    return commits


def file_dates(root: Path, prefix: str, folder: str) -> dict[str, dt.datetime]:
    """Newest commit date of every file under folder, by path relative to root."""
    out = _git(root, "log", "--first-parent", "--format=%x00%cI", "--name-only", "--", folder)
    newest: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in out.splitlines():
        if line.startswith("\x00"):
            when = dt.datetime.fromisoformat(line[1:])
        elif line.strip() and when is not None:
            path = line.strip().removeprefix(prefix)
            newest.setdefault(path, when)  # the log is newest first
    return newest


class TreeReader:
    """Writes a data/ tree from the object store into a folder, through one `git cat-file
    --batch` process kept open for the whole walk (one process per commit would cost more
    than the reading)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._batch = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def _object(self, name: str) -> bytes:
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(name.encode() + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if len(header) < 3:
            raise GitUnavailable(f"objektet {name} findes ikke")
        size = int(header[2])
        body = self._batch.stdout.read(size)
        self._batch.stdout.read(1)  # the newline after each object
        return body

    def write_tree(self, tree: str, dest: Path) -> None:
        """Every YAML file of the tree (any depth: data/tiltag/<id>.yml too), under dest."""
        listing = _git(self.root, "ls-tree", "-r", "-z", tree)
        for entry in listing.split("\0"):
            if not entry:
                continue
            meta, _, path = entry.partition("\t")
            _, kind, sha = meta.split()
            if kind != "blob" or not path.endswith((".yml", ".yaml")):
                continue
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._object(sha))

    def close(self) -> None:
        if self._batch.stdin:
            self._batch.stdin.close()
        self._batch.wait()

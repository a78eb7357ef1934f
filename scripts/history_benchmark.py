"""What the history from git costs at scale: N synthetic initiatives and C commits to data/.

    .venv/bin/python scripts/history_benchmark.py [--initiatives 1000] [--commits 500]
                                                  [--no-build]

Copies the project to a temporary folder, fills data/ with N synthetic initiatives
(scripts/synthetic_data.py) and writes a git history of C commits with fixed dates (one
`git fast-import`): the first publishes everything, each later one changes two initiatives (a
status with its reason, a period moved, a title corrected, a status report added) and every
25th adds or removes one. Then it times reading the history cold (empty cache), warm (cache of
every commit pair), after one new commit, and, unless --no-build, a full `mkdocs build
--strict` with the history against one without it (STRATEGI_HISTORIK=0). Prints the figures
and writes them to scripts/historik-benchmark-resultater.md. Not part of the test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from synthetic_data import write_synthetic_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.history.compute import compute_history  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "historik-benchmark-resultater.md"
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__",
                                ".pytest_cache", ".ruff_cache", ".site-*", ".cache")
START = dt.datetime(2024, 1, 8, 10, 0, tzinfo=dt.UTC)
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                     width=10_000).encode("utf-8")


class InitiativeFile:
    """data/tiltag.yml written from one YAML chunk per initiative, each dumped again only when
    it changed (dumping 1 000 initiatives for each of 500 commits would take minutes)."""

    def __init__(self) -> None:
        self.chunks: dict[int, tuple[str, bytes]] = {}

    def __call__(self, initiatives: list[dict[str, Any]]) -> bytes:
        parts = [b"tiltag:\n"]
        for t in initiatives:
            key = repr(sorted(t.items(), key=lambda kv: kv[0]))
            known = self.chunks.get(id(t))
            if known is None or known[0] != key:
                known = (key, _dump([t]))
                self.chunks[id(t)] = known
            parts.append(known[1])
        return b"".join(parts)


def _change(rng: random.Random, t: dict[str, Any], number: int, day: dt.date) -> None:
    # Edits today's checks accept: the plan's cells and its drawn periods are the source's own
    # words and dates (a drawing that leaves its written cell is refused), and status lives in
    # data/statusrunder/, which the history does not compare item by item.
    if rng.random() < 0.5:
        t["titel"] = t["titel"].split(" (")[0] + f" (rettet {number})"
    else:
        t["fortolkning"] = f"Læsning nr. {number}, skrevet {day.isoformat()}."


def write_history(project: Path, commits: int, seed: int = 20240108) -> None:
    """A repository in project whose data/ has `commits` commits, one fast-import stream."""
    rng = random.Random(seed)
    data = project / "data"
    files = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in data.glob("*.yml")}
    initiatives: list[dict[str, Any]] = files["tiltag.yml"]["tiltag"]
    spare: list[dict[str, Any]] = []
    tiltag_yml = InitiativeFile()
    # Meetings name some initiatives; removing one of those would not validate.
    named = {i for m in files["moeder.yml"]["moeder"] for i in m.get("tiltag", [])}
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    stream = bytearray()
    for number in range(commits):
        when = START + dt.timedelta(days=2 * number)
        if number == 0:
            changed = {name: _dump(content) for name, content in files.items()}
            changed.update({f"schema/{p.name}": p.read_bytes()
                            for p in (data / "schema").glob("*.json")})
        else:
            if number % 25 == 0 and spare:
                initiatives.append(spare.pop())
            elif number % 25 == 12:
                free = [i for i, t in enumerate(initiatives[19:], 19) if t["id"] not in named]
                spare.append(initiatives.pop(rng.choice(free)))
            else:
                for t in rng.sample(initiatives[19:], 2):
                    _change(rng, t, number, when.date())
            changed = {"tiltag.yml": tiltag_yml(initiatives)}
        message = f"Data change {number}".encode()
        stream += b"commit refs/heads/main\n"
        stream += f"committer Benchmark <b@example.org> {int(when.timestamp())} +0000\n".encode()
        stream += b"data %d\n%s\n" % (len(message), message)
        for name, content in changed.items():
            stream += f"M 100644 inline data/{name}\n".encode()
            stream += b"data %d\n%s\n" % (len(content), content)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=project, input=bytes(stream),
                   check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=project, check=True)


def timed(func: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def build(project: Path, history: bool) -> float:
    env = {**os.environ, "STRATEGI_DATO": "2026-11-23", "SITE_URL": "http://127.0.0.1/",
           "STRATEGI_HISTORIK": "1" if history else "0", "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                    str(project / "site")], cwd=project, env=env, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--initiatives", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--no-build", action="store_true", help="time the history only")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="historik-benchmark-"))
    try:
        project = work / "projekt"
        shutil.copytree(ROOT, project, ignore=IGNORE)
        (project / "node_modules").symlink_to(ROOT / "node_modules")  # the editor's bundle
        # No rounds (the default): the history removes initiatives a round would name.
        write_synthetic_data(project, args.initiatives, layout="file")  # one data/tiltag.yml
        made, _ = timed(lambda: write_history(project, args.commits))
        cache = project / ".cache" / "historik"
        cold, history = timed(lambda: compute_history(project))
        warm, _ = timed(lambda: compute_history(project))
        cache_bytes = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
        tiltag = project / "data" / "tiltag.yml"
        tiltag.write_text(tiltag.read_text(encoding="utf-8").replace(
            "(rettet", "(rettet igen", 1), encoding="utf-8")
        env = {**os.environ, "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
               "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00", "GIT_AUTHOR_NAME": "B",
               "GIT_AUTHOR_EMAIL": "b@example.org", "GIT_COMMITTER_NAME": "B",
               "GIT_COMMITTER_EMAIL": "b@example.org"}
        subprocess.run(["git", "commit", "-q", "-am", "One more"], cwd=project, env=env,
                       check=True)
        one_more, after = timed(lambda: compute_history(project))
        rows = [
            ("initiatives", f"{args.initiatives}"),
            ("commits to data/", f"{args.commits + 1}"),
            ("changes found", f"{len(after.changes)}"),
            ("commits skipped (data not valid)", f"{len(after.skipped)}"),
            ("writing the git history (not part of a build)", f"{made:.1f} s"),
            ("history, cold (empty .cache/historik)", f"{cold:.1f} s"),
            ("history, warm (every pair cached)", f"{warm:.2f} s"),
            ("history after one new commit", f"{one_more:.2f} s"),
            ("cache on disk", f"{cache_bytes / 1e6:.1f} MB"),
        ]
        if not args.no_build:
            without = build(project, history=False)
            with_history = build(project, history=True)
            rows += [("mkdocs build --strict without history (STRATEGI_HISTORIK=0)",
                      f"{without:.1f} s"),
                     ("mkdocs build --strict with history (warm cache)", f"{with_history:.1f} s"),
                     ("history's share of the build", f"{with_history - without:+.1f} s "
                      f"({(with_history / without - 1) * 100:+.0f} %)")]
        del history
    finally:
        shutil.rmtree(work, ignore_errors=True)
    command = " ".join(["scripts/history_benchmark.py", *sys.argv[1:]])
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    text = (f"# Historik: målinger\n\n`.venv/bin/python {command}` på {os.cpu_count()} kerner, "
            f"{dt.date.today().isoformat()}.\n\n| måling | resultat |\n| --- | --- |\n{table}\n")
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

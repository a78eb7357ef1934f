"""How long a content change waits before it can be published: the content lane timed on a
clean clone after a one-line change.

    .venv/bin/python scripts/content_lane_benchmark.py [--fuld]

Clones this repository (HEAD) into a temporary folder, adds one sentence to a page in docs/ and
commits it, asks scripts/ci_lane.py which lane the change takes (it must be `content`), and
times `./dev test --content` there, from a ready environment: the clone borrows this checkout's
.venv and node_modules, so installs are not counted (on GitHub they come on top). With --fuld
the full lane (`./dev test`) is timed after it on the same clone, for comparison. Prints the
figures; not a test, since the time depends on the machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = "docs/om-siden.md"
# Written only into the temporary clone.
SENTENCE = "Denne sætning er en prøve til målingen af indholdssporet."


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def timed(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.monotonic()
    result = run(cmd, cwd)
    return time.monotonic() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuld", action="store_true", help="time the full lane too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "klon"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        for ready in (".venv", "node_modules"):
            (clone / ready).symlink_to(ROOT / ready, target_is_directory=True)
        page = clone / PAGE
        page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{SENTENCE}\n",
                        encoding="utf-8")
        run(["git", "-c", "user.name=Måling", "-c", "user.email=maaling@example.invalid",
             "commit", "-q", "-am", "En linje mere (måling)"], clone)
        base = run(["git", "rev-parse", "HEAD~1"], clone).stdout.strip()
        lane = run([sys.executable, "scripts/ci_lane.py", "--event", "push", "--base", base],
                   clone).stdout.strip()
        print(f"Ændring: én linje i {PAGE} -> {lane}")
        seconds, result = timed(["./dev", "test", "--content"], clone)
        tail = result.stdout.strip().splitlines()[-1:] or [""]
        print(f"./dev test --content: {seconds:.0f} s (exit {result.returncode}; {tail[0]})")
        if result.returncode != 0:
            print(result.stdout[-3000:] + result.stderr[-3000:])
            return 1
        if args.fuld:
            seconds, result = timed(["./dev", "test"], clone)
            tail = result.stdout.strip().splitlines()[-1:] or [""]
            print(f"./dev test: {seconds:.0f} s (exit {result.returncode}; {tail[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

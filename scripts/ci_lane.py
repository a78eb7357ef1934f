"""Which lane a change takes in CI (.github/workflows/site.yml).

    python3 scripts/ci_lane.py --event push --base <sha>     # prints lane=content or lane=full

`content` when every changed path is content an editor changes - data/ (not the generated
schemas), docs/ (not the site's own scripts, styles or the editor at docs/admin/) and the
editors' guide - and the content lane (`./dev test --content`) gates the deploy; `full` for
anything else, for a scheduled or manual run, and when the base commit is unknown (a new
branch, a force push), and the whole suite (`./dev test`) gates it. With GITHUB_OUTPUT set, the
line is also written there. Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterable

CONTENT_DIRS = ("data/", "docs/")
CONTENT_FILES = frozenset({"REDAKTOERVEJLEDNING.md"})
# Inside those folders, but code: what the site runs, and what is generated from the models.
CODE_IN_CONTENT_DIRS = ("docs/assets/javascripts/", "docs/assets/stylesheets/", "docs/admin/",
                        "data/schema/")
FULL_EVENTS_ALWAYS = frozenset({"schedule", "workflow_dispatch"})


def is_content(path: str) -> bool:
    if path in CONTENT_FILES:
        return True
    return path.startswith(CONTENT_DIRS) and not path.startswith(CODE_IN_CONTENT_DIRS)


def lane(paths: Iterable[str]) -> str:
    paths = [p for p in paths if p]
    return "content" if paths and all(is_content(p) for p in paths) else "full"


def changed_paths(base: str, head: str = "HEAD") -> list[str] | None:
    """The paths changed from base to head, or None when base is not a known commit."""
    if not base or set(base) == {"0"}:
        return None
    known = subprocess.run(["git", "cat-file", "-e", f"{base}^{{commit}}"],
                           capture_output=True, check=False)
    if known.returncode != 0:
        return None
    result = subprocess.run(["git", "diff", "--name-only", f"{base}...{head}"],
                            capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--event", required=True, help="github.event_name")
    parser.add_argument("--base", default="", help="the commit the change is compared with")
    args = parser.parse_args(argv)
    paths = None if args.event in FULL_EVENTS_ALWAYS else changed_paths(args.base)
    chosen = "full" if paths is None else lane(paths)
    line = f"lane={chosen}"
    print(line)
    if paths is not None:
        print(f"{len(paths)} ændrede filer: " + ", ".join(paths[:20]), file=sys.stderr)
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

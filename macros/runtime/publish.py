"""`python -m macros.runtime.publish`: the strict build, published atomically.

Runs `mkdocs build --strict` into a temporary folder next to site/ and swaps it into place only
when the build succeeds. On failure site/ is removed, so a deploy step can never pick up a
half-built or stale site. Does not import MkDocs: it drives the same CLI a developer would.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# Runs `mkdocs ARGS` in a folder and returns its exit code.
MkDocs = Callable[[list[str], Path], int]
FAILED = "Bygningen fejlede – intet er udgivet, og site/ er fjernet."


def mkdocs_command(args: list[str], root: Path) -> int:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root,
                          check=False).returncode


def build(root: Path, site_dir: Path, extra: list[str], mkdocs: MkDocs = mkdocs_command) -> int:
    """Build into a staging folder beside site_dir and swap it in on success; `mkdocs` runs the
    build (the tests give one that starts faster, macros/kvalitet/prefork.py)."""
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        code = mkdocs(["build", "--strict", "--site-dir", str(staging), *extra], root)
        if code != 0:
            shutil.rmtree(site_dir, ignore_errors=True)
            print(FAILED, file=sys.stderr)
            return code
        shutil.rmtree(site_dir, ignore_errors=True)
        staging.rename(site_dir)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    root = Path.cwd()
    args = sys.argv[1:]
    site_dir = root / "site"
    if "--site-dir" in args:
        index = args.index("--site-dir")
        site_dir = Path(args[index + 1]).resolve()
        del args[index : index + 2]
    return build(root, site_dir, args)


if __name__ == "__main__":
    sys.exit(main())

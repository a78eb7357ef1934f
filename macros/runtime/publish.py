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
from pathlib import Path


def build(root: Path, site_dir: Path, extra: list[str]) -> int:
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging),
             *extra],
            cwd=root,
            check=False,
        )
        if result.returncode != 0:
            shutil.rmtree(site_dir, ignore_errors=True)
            print("Bygningen fejlede – intet er udgivet, og site/ er fjernet.", file=sys.stderr)
            return result.returncode
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

"""The engine as another municipality gets it: build the wheel from this repository, install it
into a fresh virtual environment, and build the fictional strategy (tests/fixtures/anden-strategi)
copied alone into an empty folder, and a `strategi new` folder, with nothing of this repository
beside them. Prints the wheel's size and what it holds. Not a test (about two minutes; installs).

    .venv/bin/python scripts/wheel_check.py [--test]   # --test: also `strategi test` the copy
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "anden-strategi"


def run(*args: str | Path, cwd: Path | None = None) -> None:
    print("$", " ".join(str(a) for a in args), flush=True)
    env = {**os.environ, "STRATEGI_DATO": "2026-11-23", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(a) for a in args], cwd=cwd, check=True, env=env,
                   stdout=subprocess.DEVNULL if "build" in args else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--test", action="store_true", help="run strategi test on the copy too")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="strategi-hjul-"))
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", ROOT)
    wheel = next((work / "dist").glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = [i for i in archive.infolist() if not i.is_dir()]
    folders = collections.Counter("/".join(i.filename.split("/")[:2]) for i in names)
    sizes = collections.Counter()
    for info in names:
        sizes["/".join(info.filename.split("/")[:2])] += info.file_size
    print(f"\n{wheel.name}: {wheel.stat().st_size / 1e6:.2f} MB, {len(names)} files, "
          f"{sum(i.file_size for i in names) / 1e6:.2f} MB unpacked")
    for folder, count in folders.most_common():
        print(f"  {folder:<40} {count:>4} files {sizes[folder] / 1e3:>9.0f} KB")
    venv = work / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", "-c", ROOT / "requirements.lock", f"{wheel}[test]")
    strategi = venv / "bin" / "strategi"
    alone = work / "tom" / "anden-strategi"
    shutil.copytree(FIXTURE, alone)
    run(strategi, "build", ".", cwd=alone)
    pages = len(list((alone / "site").rglob("index.html")))
    for needed in ("admin/sveltia-cms.js", "pagefind/pagefind.js", "feed-status.xml",
                   "data/strategi.json", "assets/stylesheets/site.css"):
        assert (alone / "site" / needed).is_file(), needed
    print(f"the fictional strategy, alone, built with the wheel: {pages} pages")
    run(strategi, "new", work / "ny")
    run(strategi, "build", ".", cwd=work / "ny")
    print(f"strategi new: {len(list((work / 'ny' / 'site').rglob('index.html')))} pages")
    if args.test:
        run(strategi, "test", ".", "-q", cwd=alone)
    print(f"(work folder: {work})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

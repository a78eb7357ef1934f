"""JSON Schemas for data/*.yml, generated from the pydantic models.

`python -m macros.data.schemas` rewrites data/schema/ of the strategy folder it runs in (and
`strategi new` writes them into a new one); a test fails when this repository's are stale. Editors'
VS Code (YAML extension) reads them through each file's first line, so mistakes are underlined while
typing, with the Danish field descriptions as hints.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.data.model import DATA_FILES, FOLDERS, json_schema
from macros.data.rounds import FOLDER as ROUNDS
from macros.data.rounds import Statusrunde

SCHEMA_DIR = Path("data") / "schema"  # in the strategy folder


def _text(schema: dict[str, object]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def rendered_schemas() -> dict[str, str]:
    """One schema per data file, and one per item file of a split collection
    (data/<name>/<id>.yml: `<name>.post.schema.json`, associated in .vscode/settings.json)."""
    schemas = {f"{name}.schema.json": _text(json_schema(root)) for name, root in DATA_FILES.items()}
    schemas |= {f"{name}.post.schema.json": _text(json_schema(item))
                for name, (_, item) in FOLDERS.items()}
    # One status round per file, data/statusrunder/<ÅÅÅÅ-MM-DD>.yml (macros/data/rounds.py).
    schemas[f"{ROUNDS}.post.schema.json"] = _text(json_schema(Statusrunde))
    return schemas


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into the strategy folder's data/schema/; the files written."""
    target = folder / SCHEMA_DIR
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, text in rendered_schemas().items():
        (target / filename).write_text(text, encoding="utf-8")
        written.append(target / filename)
    return written


def main() -> int:
    for path in write_schemas(Path.cwd()):
        print(f"skrev {path.relative_to(Path.cwd()).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

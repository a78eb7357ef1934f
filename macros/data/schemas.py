"""JSON Schemas for data/*.yml, generated from the pydantic models.

`python -m macros.data.schemas` rewrites data/schema/; a test fails when the committed files are
stale. Editors' VS Code (YAML extension) reads them through each file's first line, so mistakes
are underlined while typing, with the Danish field descriptions as hints.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.data.model import DATA_FILES, FOLDERS, json_schema
from macros.data.rounds import FOLDER as ROUNDS
from macros.data.rounds import Statusrunde

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


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


def main() -> int:
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for filename, text in rendered_schemas().items():
        (SCHEMA_DIR / filename).write_text(text, encoding="utf-8")
        print(f"skrev data/schema/{filename}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

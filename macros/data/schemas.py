"""JSON Schemas for data/*.yml, generated from the pydantic models.

`python -m macros.data.schemas` rewrites data/schema/; a test fails when the committed files are
stale. Editors' VS Code (YAML extension) reads them through each file's first line, so mistakes
are underlined while typing, with the Danish field descriptions as hints.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.data.model import DATA_FILES, json_schema

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


def rendered_schemas() -> dict[str, str]:
    return {
        f"{name}.schema.json": json.dumps(json_schema(root), ensure_ascii=False, indent=2,
                                          sort_keys=True) + "\n"
        for name, root in DATA_FILES.items()
    }


def main() -> int:
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for filename, text in rendered_schemas().items():
        (SCHEMA_DIR / filename).write_text(text, encoding="utf-8")
        print(f"skrev data/schema/{filename}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

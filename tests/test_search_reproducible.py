"""The search records are the same in every build, whatever Python's hash seed.

Set order varies with PYTHONHASHSEED; a choice between equally long word forms once followed
it, so the index (and the site) differed from build to build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
import json
from types import SimpleNamespace
from macros.search.documents import page_docs
from macros.search.records import records
from macros.search.synonyms import synonyms_from_terms
docs = [
    {"location": "plan/", "title": "Planen", "text": "<p>Planen er prioriteret.</p>"},
    {"location": "plan/#hvad", "title": "Hvad planen prioriterer",
     "text": "<p>Den prioriterer ro, og VPU har prioriteret den i ledelsestilsynet.</p>"},
]
vpu = SimpleNamespace(id="vpu", term="VPU", fuld_form="Ældre- og Plejeudvalget",
                      forklaring="Udvalget.", varianter=[])
groups = synonyms_from_terms([vpu])
print(json.dumps([r.html for r in records(page_docs(docs, groups), groups)]))
"""


def _expanded(seed: int) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout)


def test_search_records_do_not_depend_on_the_hash_seed() -> None:
    first = _expanded(0)
    assert "prioriterer" in json.dumps(first, ensure_ascii=False)
    for seed in range(1, 8):
        assert _expanded(seed) == first

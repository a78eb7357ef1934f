"""The expanded search index is the same in every build, whatever Python's hash seed.

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
from macros.search.expansion import expand_index, synonyms_from_terms
index = {
    "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "plan/", "title": "Planen", "text": "<p>Planen er prioriteret.</p>"},
        {"location": "plan/#hvad", "title": "Hvad planen prioriterer",
         "text": "<p>Den prioriterer ro, og VPU har prioriteret den.</p>"},
    ],
}
vpu = SimpleNamespace(id="vpu", term="VPU", fuld_form="Voksen- og Plejeudvalget",
                      forklaring="Udvalget.", varianter=[])
print(json.dumps(expand_index(index, synonyms_from_terms([vpu])), sort_keys=True))
"""


def _expanded(seed: int) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout)


def test_expanded_index_does_not_depend_on_the_hash_seed() -> None:
    first = _expanded(0)
    assert "prioriterer" in json.dumps(first, ensure_ascii=False)
    for seed in range(1, 8):
        assert _expanded(seed) == first

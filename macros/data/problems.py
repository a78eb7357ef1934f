"""Problems found in the editors' files, reported as one Danish line each.

Every check (YAML syntax, data models, cross-references, Markdown) produces `Problem`s; the build,
the preview and the fast check command print them the same way: `file:line: field: message`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so editors can fix them all in one go."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[DataError], tuple[list[Problem]]]:
        return (DataError, (self.problems,))  # intact through a pickle (macros/runtime/parallel.py)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' – mente du "x"?' for a near miss, or '' when nothing is close."""
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    if not close:
        squeezed = {c.replace(" ", "").lower(): c for c in options}
        if value.replace(" ", "").lower() in squeezed:
            return f' – mente du "{squeezed[value.replace(" ", "").lower()]}"?'
        return ""
    return f' – mente du "{lowered[close[0]]}"?'


def one_of(choices: Iterable[str]) -> str:
    return "brug en af: " + ", ".join(choices)


def field_path(loc: Iterable[str | int]) -> str:
    """('tiltag', 3, 'status') -> 'tiltag[3].status'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

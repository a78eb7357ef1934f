"""The corrected transcription of a scanned source: OCR corrections applied to the scan's text.

A correction names a line of the scan, the word as the scanner read it and the word corrected.
It replaces the first whole-word occurrence of the misread word on that line, so a word that is
misread twice on one line is listed twice. Only the standard library; no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol


class Correction(Protocol):
    linje: int
    scannet: str
    rettet: str


class CorrectionError(ValueError):
    """A correction does not fit the scan; the message is Danish."""

    def __init__(self, correction: Correction, reason: str) -> None:
        self.correction = correction
        super().__init__(reason)


def _word(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")


def apply_corrections(scan: str, corrections: Iterable[Correction]) -> str:
    """The scan's text with each correction applied in order; raises CorrectionError."""
    lines = scan.split("\n")
    for c in corrections:
        if not 1 <= c.linje <= len(lines):
            raise CorrectionError(c, f"linje {c.linje} findes ikke i scanningen "
                                     f"({len(lines)} linjer)")
        line = lines[c.linje - 1]
        found = _word(c.scannet).search(line)
        if found is None:
            raise CorrectionError(c, f'"{c.scannet}" står ikke (mere) som helt ord på linje '
                                     f"{c.linje}: «{line.strip()}»")
        lines[c.linje - 1] = line[: found.start()] + c.rettet + line[found.end():]
    return "\n".join(lines)

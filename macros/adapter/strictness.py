"""Strict means strict: the build stops on any warning, whatever the command line says, and
MkDocs' link warnings read as the rest of the engine's problems, in Danish with file and line.

MkDocs 1.6 counts warnings for `--strict` with a handler on the `mkdocs` logger, but `-q` raises
that logger's level to ERROR, so a warning is dropped before any handler sees it, and the build
passes (mkdocs#4126, #3991; MkDocs is unmaintained); and `-v` makes a page skip its anchor check
altogether (mkdocs/structure/pages.py keeps the page's links to anchors only when its logger is
above DEBUG). The plugin keeps its own count: in a strict build it lowers the level to WARNING
where a flag raised it (quiet then still hides the info lines, not the warnings that stop the
build), holds the pages' logger at INFO under `-v` so anchors are checked (its debug lines are the
only ones `-v` loses), and refuses the build after its last event if it counted any.
The link and anchor warnings MkDocs writes in English without a line are rewritten before they
are printed (`fil:linje: link: besked`), with the line of the page's source that
holds the link.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import Abort

ROOT_LOGGER = "mkdocs"
LINK_LOGGER = "mkdocs.structure.pages"

_ANCHOR = re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but "
                     r"(?:the doc '(?P<target>[^']+)' does not contain an anchor "
                     r"'#(?P<anchor>[^']+)'"
                     r"|there is no such anchor on this page)")
_NOT_FOUND = re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the "
                        r"target(?: '[^']+')? is not found among documentation files\."
                        r"(?: Did you mean '(?P<guess>[^']+)'\?)?")
_UNRECOGNIZED = re.compile(r"^Doc file '(?P<page>[^']+)' contains an unrecognized relative link "
                           r"'(?P<link>[^']+)'")


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def link_line(docs_dir: Path, page: str, link: str) -> int | None:
    """The first line of the page's Markdown that holds the link, as written."""
    path = docs_dir / page
    if not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if link in line:
            return number
    return None


def danish_link_warning(message: str, docs_dir: Path) -> str | None:
    """MkDocs' English link or anchor warning as `docs/side.md:linje: link: besked`, or None
    for any other message."""
    if match := _ANCHOR.match(message):
        where = (f'siden {match["target"]} har intet afsnit med ankeret "#{match["anchor"]}"'
                 if match["target"] else "siden selv har intet afsnit med det anker")
        hint = "link til en overskrift, der findes (se sidens indholdsfortegnelse), eller uden #"
    elif match := _NOT_FOUND.match(message):
        guess = f' – mente du "{match["guess"]}"?' if match["guess"] else ""
        where, hint = "siden eller filen findes ikke" + guess, "ret stien relativt til denne side"
    elif match := _UNRECOGNIZED.match(message):
        where = "linket peger på en adresse, ikke en side"
        hint = "link til sidens .md-fil"
    else:
        return None
    line = link_line(docs_dir, match["page"], match["link"])
    place = f"docs/{match['page']}" + (f":{line}" if line else "")
    return f'{place}: link: "{match["link"]}": {where} – {hint}'


class _DanishLinks(logging.Filter):
    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            danish = danish_link_warning(record.getMessage(), self.docs_dir)
            if danish:
                record.msg, record.args = danish, None
        return True


class WarningCount:
    """The warnings of one build (one per plugin instance, which lives across rebuilds)."""

    def __init__(self) -> None:
        self.counter = _Counter()
        self.links: _DanishLinks | None = None
        self.strict = False

    def start(self, *, strict: bool, docs_dir: Path) -> None:
        self.stop_counting()
        self.strict = strict
        self.counter.count = 0
        root = logging.getLogger(ROOT_LOGGER)
        root.addHandler(self.counter)
        if strict and root.getEffectiveLevel() > logging.WARNING:
            root.setLevel(logging.WARNING)
        pages = logging.getLogger(LINK_LOGGER)
        if pages.getEffectiveLevel() <= logging.DEBUG:
            pages.setLevel(logging.INFO)
        self.links = _DanishLinks(docs_dir)
        pages.addFilter(self.links)

    def stop_counting(self) -> None:
        logging.getLogger(ROOT_LOGGER).removeHandler(self.counter)
        if self.links is not None:
            logging.getLogger(LINK_LOGGER).removeFilter(self.links)
            self.links = None

    def stop_if_any(self) -> None:
        count, strict = self.counter.count, self.strict
        self.stop_counting()
        if strict and count:
            noun = "advarsel" if count == 1 else "advarsler"
            raise Abort(f"Bygningen er stoppet: {count} {noun} i streng tilstand (se linjerne "
                        "ovenfor) – intet er udgivet.")

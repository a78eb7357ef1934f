"""Reading one YAML file safely, keeping the line number of every value.

PyYAML's safe loader gives plain Python values but forgets where they came from; editors need the
line. We compose the node tree and build the values ourselves, recording the line of every key
and list item under its path, and turn YAML syntax errors into Danish hints.

Data files are read with YAML 1.2's core schema, as the browser editor (Sveltia CMS, with the npm
`yaml` package) reads and writes them: there `14:30`, `no`, `on` and `2023-10-14` are plain text,
while PyYAML's YAML 1.1 would make them a number, false, true and a date. The editor writes such
text without quotes, so reading it as YAML 1.1 would change what an editor typed. Front matter
keeps YAML 1.1, as MkDocs reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from macros.data.problems import Problem, field_path

Loc = tuple[str | int, ...]
SMART_QUOTES = "“”„‘’«»"


@dataclass
class YamlDocument:
    path: str
    data: Any = None
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known part of loc (a missing field: its parent's line)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def locate(self, loc: Loc) -> tuple[str, int, Loc]:
        """The file, line and path inside that file of loc (see loading.FolderDocument)."""
        return self.path, self.line_of(loc), loc


def strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """(location, text) for every string in a YAML value, keys excluded."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*loc, index))


class Locatable(Protocol):
    """A data source a problem can point into: one file, or a folder with one file per item."""

    @property
    def data(self) -> Any: ...

    def locate(self, loc: Loc) -> tuple[str, int, Loc]: ...


def problem_at(doc: Locatable, loc: Loc, message: str) -> Problem:
    """A problem at loc, naming the file and line an editor must open."""
    path, line, local = doc.locate(loc)
    return Problem(path, line, field_path(local), message)


def _hint(problem: str) -> str:
    text = problem or ""
    if "\\t" in text or "'\\t'" in text or "tab" in text:
        return "tabulator-tegn er ikke tilladt i YAML – indryk med mellemrum"
    if "mapping values are not allowed" in text:
        return ("et kolon står et sted, hvor YAML ikke venter det – sæt teksten i anførselstegn "
                "(\"…\"), eller ret indrykningen, så den flugter med linjerne over")
    if "could not find expected ':'" in text:
        return "der mangler et kolon efter feltnavnet – skriv fx 'titel: Min tekst'"
    if "expected <block end>" in text or "did not find expected" in text:
        return ("indrykningen passer ikke – felter i samme afsnit skal stå præcis under hinanden, "
                "og listepunkter starter med '- '")
    if "found unexpected end of stream" in text or "found unexpected" in text:
        return "et anførselstegn er ikke lukket – tjek at hver \" har en partner på samme linje"
    if "found undefined alias" in text or "found character" in text:
        return "et tegn kan ikke stå her (fx * & ! % @ `) – sæt teksten i anførselstegn"
    return "filen kan ikke læses som YAML – tjek indrykning, kolon og anførselstegn"


_FastLoader: Any = getattr(yaml, "CSafeLoader", None)

# YAML 1.2 core schema: the only plain scalars that are not text (https://yaml.org/spec/1.2.2/
# section 10.3.2). Anything else plain is a string, as the editor's writer (npm `yaml`) assumes.
_CORE_SCHEMA = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", [*"~nN", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
     r"|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
)


def _core_schema_loader(base: Any) -> Any:
    loader = type(f"Core{base.__name__}", (base,), {"yaml_implicit_resolvers": {}})
    for tag, pattern, first in _CORE_SCHEMA:
        loader.add_implicit_resolver(tag, re.compile(pattern), list(first))
    return loader


_CoreFastLoader: Any = None if _FastLoader is None else _core_schema_loader(_FastLoader)
_CoreLoader: Any = _core_schema_loader(yaml.SafeLoader)
_CORE_LOADERS = tuple(x for x in (_CoreFastLoader, _CoreLoader) if x is not None)
# A value opening a quote it does not close: after a key or a list dash. A line that merely starts
# with a quote is often the continuation of a folded text (hand-written files fold long texts so;
# the editor writes each value on one line).
_UNCLOSED = re.compile(r"""^\s*(?:- (?:[\w-]+:\s*)?|[\w-]+:\s*)(["'])(?!.*\1\s*(?:#.*)?$)""")
_QUOTE_START = re.compile(r"""(?:^\s*-|[:{,\[])\s*"(?!.*#)""")  # a quoted value starts here
_SIMPLE_KEY = re.compile(r"^(\s*)(?:- )?[\w-]+:(\s|$)")


def _locate(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """The line an editor must fix and the Danish hint for a YAML syntax error."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = str(error.problem)
    # A quote left open swallows the lines after it; the parser notices only later.
    for number in range(min(line, len(lines)), 0, -1):
        text = lines[number - 1]
        odd = (text.count('"') - text.count('\\"')) % 2 and _QUOTE_START.search(text)
        if (_UNCLOSED.match(text) or odd) and "\t" not in problem:
            return number, _hint("found unexpected end of stream")
    if "could not find expected ':'" in problem and error.context_mark:
        return error.context_mark.line + 1, _hint(problem)
    if "mapping values are not allowed" in problem and 1 < line <= len(lines):
        current = _SIMPLE_KEY.match(lines[line - 1])
        above = next((x for x in reversed(lines[: line - 1]) if x.strip()), "")
        indent_above = len(above) - len(above.lstrip()) + (2 if above.lstrip()[:2] == "- " else 0)
        if current and len(current.group(1)) != indent_above:
            return line, ("indrykningen passer ikke – linjen er rykket anderledes ind end linjen "
                          "over; felter i samme afsnit skal stå præcis under hinanden")
    return line, _hint(problem)


def read_yaml(path: Path, display: str) -> YamlDocument:
    """A data file, read with YAML 1.2's core schema (see the module's docstring)."""
    doc = YamlDocument(path=display)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Windows editors is harmless: drop it
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        doc.problems.append(Problem(display, line, "", "filen er ikke gemt som UTF-8 – gem den "
                                    "igen med tegnsættet UTF-8 (i VS Code: nederst til højre)"))
        return doc
    return parse_yaml_text(text, display, doc, core_schema=True)


def parse_yaml_text(text: str, display: str, doc: YamlDocument | None = None, *,
                    core_schema: bool = False) -> YamlDocument:
    """Parse YAML text (e.g. a page's front matter, YAML 1.1 as MkDocs reads it) the same way
    as a data file; `core_schema` reads it as YAML 1.2 like the data files."""
    doc = doc or YamlDocument(path=display)
    fast_loader = _CoreFastLoader if core_schema else _FastLoader
    if fast_loader is not None:
        # libyaml builds the same nodes and line marks several times faster; on any YAML error
        # parse again below, so problems are reported exactly as by the pure-Python parser.
        fast = YamlDocument(path=doc.path, lines=dict(doc.lines), problems=list(doc.problems))
        loader = fast_loader(text)
        try:
            node = loader.get_single_node()
            fast.data = {} if node is None else _build(loader, node, (), fast)
        except yaml.YAMLError:
            pass
        else:
            doc.data, doc.lines, doc.problems = fast.data, fast.lines, fast.problems
            return doc
        finally:
            loader.dispose()
    loader = (_CoreLoader if core_schema else yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        doc.data = {} if node is None else _build(loader, node, (), doc)
    except yaml.MarkedYAMLError as error:
        line, message = _locate(error, text.split("\n"))
        doc.problems.append(Problem(display, line, "", message))
    finally:
        loader.dispose()
    return doc


_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # A string's value is the node's own text; PyYAML's constructor machinery costs 15 times
    # more, which at thousands of initiatives was most of the time spent loading data/.
    if node.tag == _STR_TAG:
        return node.value
    if node.tag == _INT_TAG and isinstance(loader, _CORE_LOADERS):
        text = node.value  # YAML 1.2: 010 is ten (YAML 1.1: eight), 0o10 is eight
        base = 16 if text.startswith("0x") else 8 if text.startswith("0o") else 10
        return int(text[2:] if base != 10 else text, base)
    return loader.construct_object(node, deep=True)


def _build(loader: yaml.SafeLoader, node: yaml.Node, loc: Loc, doc: YamlDocument) -> Any:
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node)
            line = key_node.start_mark.line + 1
            if key in out:
                doc.problems.append(Problem(doc.path, line, _path((*loc, str(key))),
                                            f'feltet "{key}" står to gange – slet den ene'))
            doc.lines[(*loc, key)] = line
            out[key] = _build(loader, value_node, (*loc, key), doc)
            doc.lines[(*loc, key)] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*loc, i), doc) for i, item in enumerate(node.value)]
    value = _scalar(loader, node)
    # len > 1: an empty text ("", as the browser editor saves a cleared field) has no quotes.
    if isinstance(value, str) and len(value) > 1 and value[0] in SMART_QUOTES \
            and value[-1] in SMART_QUOTES:
        doc.problems.append(Problem(doc.path, node.start_mark.line + 1, _path(loc),
                                    "teksten står i typografiske anførselstegn (“ ”) fra Word – "
                                    "brug almindelige anførselstegn (\") eller slet dem"))
    return value


def _path(loc: Loc) -> str:
    return field_path(loc)

"""Loading data/: read every YAML file, validate it, check cross-references, collect problems.

`load_site_data(root)` returns a `SiteData` or raises `DataError` with every problem found, each
translated into Danish with file and line. Results are cached on the files' modification times,
so a build validates once, however many parts of it ask, and a preview reloads on save.

A collection in `model.FOLDERS` is read from one file per item, data/<name>/<id>.yml (what the
browser editor writes), in the order of their `raekkefoelge`; without that folder, from the
single file data/<name>.yml (old commits, test and benchmark scripts). Problems name the item's
own file and line either way.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from macros.data import model, rounds
from macros.data.problems import DataError, Problem, did_you_mean, field_path, one_of
from macros.data.sourcechecks import check_places, check_sources, read_source_texts
from macros.data.sources import SourceText
from macros.data.unsafe_html import find_unsafe_html
from macros.data.yamlsource import Loc, YamlDocument, read_yaml, strings


@dataclass
class FolderDocument:
    """A split collection, data/<name>/*.yml, seen as the single file's list of items."""

    path: str  # "data/<name>/"
    collection: str
    items: list[YamlDocument]

    @property
    def data(self) -> dict[str, Any]:
        return {self.collection: [item.data for item in self.items]}

    @property
    def lines(self) -> dict[Loc, int]:
        return {(self.collection, i, *loc): line for i, item in enumerate(self.items)
                for loc, line in item.lines.items()}

    def locate(self, loc: Loc) -> tuple[str, int, Loc]:
        """The file, line and field path inside that file of a path into the list."""
        if len(loc) >= 2 and loc[0] == self.collection and isinstance(loc[1], int) \
                and loc[1] < len(self.items):
            item = self.items[loc[1]]
            return item.path, item.line_of(loc[2:]), loc[2:]
        return self.path, 1, loc

    def line_of(self, loc: Loc) -> int:
        return self.locate(loc)[1]


Source = YamlDocument | FolderDocument


def _locate(doc: Source, loc: Loc) -> tuple[str, int, Loc]:
    if isinstance(doc, FolderDocument):
        return doc.locate(loc)
    return doc.path, doc.line_of(loc), loc


def _problem(doc: Source, loc: Loc, message: str) -> Problem:
    path, line, local = _locate(doc, loc)
    return Problem(path, line, field_path(local), message)


@dataclass(frozen=True)
class SiteData:
    kilder: model.KildeFil
    rettelser: model.RettelseFil
    ordliste: model.OrdlisteFil
    spor: model.SporFil
    tiltag: model.TiltagFil
    moeder: model.MoedeFil
    faser: model.FaseFil
    anbefalinger: model.AnbefalingFil
    pejlemaerker: model.PejlemaerkeFil
    # None only in an earlier commit's data that had no data/identitet.yml (macros/history
    # compares the other files); a current load always has it.
    identitet: model.IdentitetFil | None
    lines: dict[str, dict[tuple[str | int, ...], int]] = field(default_factory=dict)
    # kilde id -> its text split into citable passages (data/kildetekster/, macros/data/sources)
    kildetekster: dict[str, SourceText] = field(default_factory=dict)
    split: frozenset[str] = frozenset()  # names read from data/<name>/, one file per item
    # data/statusrunder/, oldest first, and each initiative's line in the newest that has it
    statusrunder: tuple[rounds.Statusrunde, ...] = ()
    current: dict[str, rounds.Entry] = field(default_factory=dict)
    by_initiative: dict[str, list[rounds.Entry]] = field(default_factory=dict)  # newest first

    def status_of(self, initiative_id: str) -> rounds.Entry | None:
        """The initiative's line in the newest round that reports on it."""
        return self.current.get(initiative_id)

    def entries(self, initiative_id: str) -> list[rounds.Entry]:
        """Every round's line on the initiative, newest first."""
        return self.by_initiative.get(initiative_id, [])

    def newest_round(self) -> rounds.Statusrunde | None:
        return self.statusrunder[-1] if self.statusrunder else None

    @property
    def identity(self) -> model.IdentitetFil:
        """The site's identity (data/identitet.yml), which a current load always has."""
        if self.identitet is None:
            raise LookupError("data/identitet.yml fandtes ikke i denne version af data")
        return self.identitet

    def source(self, source_id: str) -> model.Kilde:
        return next(k for k in self.kilder.kilder if k.id == source_id)

    def track(self, track_id: str) -> model.Spor:
        return next(s for s in self.spor.spor if s.id == track_id)

    def initiative(self, initiative_id: str) -> model.Tiltag:
        return self._initiatives[initiative_id]

    @functools.cached_property
    def _initiatives(self) -> dict[str, model.Tiltag]:
        # Round pages and open data look up every line's initiative: a dict, not a scan.
        return {t.id: t for t in self.tiltag.tiltag}

    def edit_path(self, name: str, item_id: str | None = None) -> str:
        """The file an editor changes for a data file's item (or the whole file/folder)."""
        if name in self.split:
            return f"data/{name}/{item_id}.yml" if item_id else f"data/{name}/"
        return f"data/{name}.yml"


_cache: dict[Path, tuple[tuple[tuple[tuple[str, float], ...], bool], SiteData]] = {}


def load_site_data(root: Path, *, earlier_version: bool = False) -> SiteData:
    """The validated data of root/data/. `earlier_version` reads data/ as an earlier commit had
    it (macros/history): files added since may be missing, and the texts are not held against
    source documents the commit may not have had; every model is still validated."""
    data_dir = root / "data"
    stamp = tuple(sorted((p.relative_to(data_dir).as_posix(), p.stat().st_mtime)
                         for pattern in ("*.yml", "*/*.yml", "*/", "kildetekster/*.txt")
                         for p in data_dir.glob(pattern)))
    cached = _cache.get(data_dir)
    if cached and cached[0] == (stamp, earlier_version):
        return cached[1]
    site = _load(data_dir, earlier_version)
    _cache[data_dir] = ((stamp, earlier_version), site)
    return site


def _read_folder(folder: Path, name: str, collection: str) -> FolderDocument:
    items = [read_yaml(path, f"data/{name}/{path.name}") for path in sorted(folder.glob("*.yml"))]

    def order(item: YamlDocument) -> tuple[bool, int, str]:
        value = item.data.get("raekkefoelge") if isinstance(item.data, dict) else None
        number = value if isinstance(value, int) and not isinstance(value, bool) else None
        return number is None, number or 0, item.path

    return FolderDocument(f"data/{name}/", collection, sorted(items, key=order))


def _validate_folder(doc: FolderDocument, name: str, root_model: type[model.Strict],
                     item_model: type[model.Strict]) -> tuple[Any, list[Problem]]:
    """Each file on its own (one item), then the whole list; problems name each file."""
    problems: list[Problem] = []
    valid = []
    paths = {item.path for item in doc.items}
    for index, item in enumerate(doc.items):
        problems.extend(item.problems)
        if item.problems and item.data is None:
            continue
        if not isinstance(item.data, dict):
            problems.append(Problem(item.path, 1, "", "filen skal indeholde felter på formen "
                                    "'navn: værdi', fx 'titel: Min tekst'"))
            continue
        stem = Path(item.path).stem
        item_id = item.data.get("id")
        if isinstance(item_id, str) and item_id != stem:
            taken = f"data/{name}/{item_id}.yml" in paths
            message = (f'id "{item_id}" er brugt før i data/{name}/{item_id}.yml – ids skal være '
                       f'unikke; giv posten sit eget id, det samme som filens navn ("{stem}")'
                       if taken else
                       f'id "{item_id}" skal være det samme som filens navn ("{stem}") – ret '
                       "id'et tilbage, eller omdøb filen")
            problems.append(Problem(item.path, item.line_of(("id",)), "id", message))
        try:
            valid.append(item_model.model_validate(item.data))
        except ValidationError as error:
            problems.extend(_translate(error, doc, root_model, (doc.collection, index)))
    if problems:
        return None, problems
    return root_model.model_validate({doc.collection: valid}), []


def _read(data_dir: Path, name: str) -> tuple[Source | None, list[Problem]]:
    path = data_dir / f"{name}.yml"
    folder = data_dir / name
    if name in model.FOLDERS and folder.is_dir() and any(folder.glob("*.yml")):
        if path.exists():
            return None, [Problem(f"data/{name}.yml", 1, "",
                                  f"både data/{name}.yml og mappen data/{name}/ findes – "
                                  f"posterne skal stå ét sted: i data/{name}/ (én fil pr. post); "
                                  f"flyt det, der mangler dér, og slet data/{name}.yml")]
        return _read_folder(folder, name, model.FOLDERS[name][0]), []
    if not path.exists():
        return None, [Problem(f"data/{name}.yml", 1, "", "filen mangler – gendan den fra git")]
    return read_yaml(path, f"data/{name}.yml"), []


def _load(data_dir: Path, earlier_version: bool = False) -> SiteData:
    problems: list[Problem] = []
    docs: dict[str, Source] = {}
    loaded: dict[str, Any] = {}
    for name, root_model in model.DATA_FILES.items():
        if earlier_version and not (data_dir / f"{name}.yml").exists() \
                and not (data_dir / name).is_dir():
            # a file added after that commit; the site's identity has no empty form
            loaded[name] = None if name == "identitet" else root_model.model_validate({})
            continue
        doc, missing = _read(data_dir, name)
        problems.extend(missing)
        if doc is None:
            continue
        docs[name] = doc
        if earlier_version and name == "tiltag":
            _drop_retired(doc)
        if isinstance(doc, FolderDocument):
            value, found = _validate_folder(doc, name, root_model, model.FOLDERS[name][1])
            problems.extend(found)
            for item in doc.items:
                problems.extend(_unsafe_html(item))
            if value is not None:
                loaded[name] = value
            continue
        problems.extend(doc.problems)
        problems.extend(_unsafe_html(doc))
        if doc.problems and doc.data is None:
            continue
        try:
            loaded[name] = root_model.model_validate(doc.data)
        except ValidationError as error:
            problems.extend(_translate(error, doc, root_model))
    if not problems:
        problems.extend(_cross_references(loaded, docs))
    round_docs: list[tuple[YamlDocument, rounds.Statusrunde]] = []
    if not problems:
        round_docs, found = _load_rounds(data_dir, loaded)
        problems.extend(found)
    texts: dict[str, SourceText] = {}
    if not problems and not earlier_version:
        texts, text_problems = read_source_texts(data_dir, loaded, docs)
        problems.extend(text_problems)
    if not problems and not earlier_version:
        problems.extend(check_sources(loaded, docs, texts))
        for doc, r in round_docs:
            problems.extend(check_places(doc.path, doc, r, texts))
    if problems:
        raise DataError(problems)
    split = frozenset(n for n, d in docs.items() if isinstance(d, FolderDocument))
    ordered = tuple(sorted((r for _, r in round_docs), key=lambda r: r.dato))
    return SiteData(**loaded, lines={n: d.lines for n, d in docs.items()}, kildetekster=texts,
                    split=split, statusrunder=ordered, current=rounds.current_entries(ordered),
                    by_initiative=rounds.entries_by_initiative(ordered))


def _drop_retired(doc: Source) -> None:
    """An older commit's initiatives without the fields the status rounds replaced."""
    items = ([item.data for item in doc.items] if isinstance(doc, FolderDocument)
             else (doc.data or {}).get("tiltag", []) if isinstance(doc.data, dict) else [])
    for item in items:
        if isinstance(item, dict):
            for name in model.RETIRED_TILTAG_FIELDS:
                item.pop(name, None)


def _load_rounds(data_dir: Path, loaded: dict[str, Any],
                 ) -> tuple[list[tuple[YamlDocument, rounds.Statusrunde]], list[Problem]]:
    """data/statusrunder/*.yml: each file one round, checked against the other files."""
    problems: list[Problem] = []
    valid: list[tuple[YamlDocument, rounds.Statusrunde]] = []
    for doc in rounds.read_round_files(data_dir):
        problems.extend(doc.problems)
        problems.extend(_unsafe_html(doc))
        if doc.problems and doc.data is None:
            continue
        try:
            valid.append((doc, rounds.Statusrunde.model_validate(doc.data)))
        except ValidationError as error:
            problems.extend(_translate(error, doc, rounds.Statusrunde))
    problems.extend(rounds.check_rounds(
        valid, list(loaded["tiltag"].tiltag), [m.id for m in loaded["moeder"].moeder],
        [k.id for k in loaded["kilder"].kilder]))
    return valid, problems




def _unsafe_html(doc: YamlDocument) -> list[Problem]:
    """Script, embedded pages, event handlers and script URLs in any text (unsafe_html.py)."""
    return [Problem(doc.path, doc.line_of(loc), field_path(loc), finding.message)
            for loc, text in strings(doc.data)
            for finding in find_unsafe_html(text, data_value=True)]


def _translate(error: ValidationError, doc: Source, root: type,
               prefix: Loc = ()) -> list[Problem]:
    """Danish problems for a validation error; `prefix` is where the validated item sits in the
    root model (an item of a split collection is validated on its own)."""
    out = []
    for item in error.errors(include_url=False):
        loc = (*prefix, *item["loc"])
        kind = item["type"]
        ctx = item.get("ctx") or {}
        value = item.get("input")
        name = str(loc[-1]) if loc else ""
        if kind == "missing":
            message = f'feltet "{name}" mangler – tilføj det'
        elif kind == "extra_forbidden" and root in (model.TiltagFil, model.Tiltag) \
                and name in model.RETIRED_TILTAG_FIELDS:
            message = (f'feltet "{name}" hører ikke længere til tiltaget – status, begrundelse '
                       "og statuslog skrives i statusrunderne, data/statusrunder/<ÅÅÅÅ-MM-DD>.yml "
                       "(Statusrunder i /admin/); flyt oplysningen dertil, og slet feltet her")
        elif kind == "extra_forbidden":
            allowed = _fields_at(root, loc[:-1])
            message = f'ukendt felt "{name}"{did_you_mean(name, allowed)}'
            if allowed:
                message += f" (tilladte felter: {', '.join(allowed)})"
        elif kind == "enum":
            choices = [s.value for s in model.Status]
            hint = did_you_mean(str(value), choices)
            message = f'ukendt status "{value}"{hint} – {one_of(choices)}'
        elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
            message = f'"{value}" er ikke en dato – skriv den som ÅÅÅÅ-MM-DD, fx 2023-10-14'
        elif kind == "list_type":
            message = ("skal være en liste – skriv hvert punkt på sin egen linje, "
                       "der starter med '- '")
        elif kind in ("string_type", "string_sub_type"):
            message = f"skal være en tekst, ikke {_describe(value)} – sæt den i anførselstegn"
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            message = f"skal være en gruppe af felter (navn: værdi), ikke {_describe(value)}"
        elif kind == "string_pattern_mismatch":
            message = _pattern_message(name, value)
        elif kind == "string_too_short":
            message = "må ikke være tom – skriv en tekst eller slet feltet"
        elif kind in ("int_parsing", "int_type", "int_from_float"):
            message = f'"{value}" skal være et helt tal'
        elif kind in ("bool_parsing", "bool_type"):
            message = f'"{value}" skal være true eller false'
        elif kind == "value_error":
            message = str(ctx.get("error", item["msg"]))
            if "kræver en begrundelse" in message:
                loc = (*loc, "status")  # point at the status line the editor just wrote
        else:
            message = item["msg"]
        out.append(_problem(doc, loc, message))
    return out


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en gruppe af felter"
    if isinstance(value, bool):
        return "sand/falsk"
    if isinstance(value, int | float):
        return f"tallet {value}"
    if value is None:
        return "tom"
    return f'"{value}"'


def _pattern_message(name: str, value: Any) -> str:
    if name == "journalnr":
        return f'journalnummeret "{value}" skal skrives som tal/år, fx 12345/24'
    if name == "sag":
        return f'sagsnummeret "{value}" skal skrives som år/tal, fx 24/1234'
    if name == "email":
        return f'"{value}" er ikke en e-mailadresse – skriv den hele, fx strategi@eksempel.dk'
    if name == "tilgaengelighedserklaering":
        return f'"{value}" er ikke en webadresse – skriv hele adressen, der starter med https://'
    return (f'"{value}" er ikke et gyldigt id – brug kun små bogstaver a-z, tal og bindestreger, '
            "fx 'faelles-handleplan' (skriv ae, oe, aa for æ, ø, å)")


def _fields_at(root: type, loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at loc, for a 'did you mean'."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _model_in(info.annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, model.Strict):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _cross_references(loaded: dict[str, Any], docs: dict[str, Source]) -> list[Problem]:
    """Ids are unique per file, and every reference points at something that exists."""
    problems: list[Problem] = []
    ids: dict[str, list[str]] = {}
    for name, collection in (("kilder", "kilder"), ("ordliste", "termer"), ("spor", "spor"),
                             ("tiltag", "tiltag"), ("moeder", "moeder"), ("faser", "faser"),
                             ("anbefalinger", "anbefalinger"), ("pejlemaerker", "pejlemaerker")):
        seen: set[str] = set()
        ids[name] = []
        for index, item in enumerate(getattr(loaded[name], collection)):
            if item.id in seen:
                loc = (collection, index, "id")
                where = "i filen" if name not in model.FOLDERS or isinstance(
                    docs[name], YamlDocument) else f"i data/{name}/"
                message = f'id "{item.id}" er brugt før {where} – ids skal være unikke'
                problems.append(_problem(docs[name], loc, message))
            seen.add(item.id)
            ids[name].append(item.id)

    def check(file: str, loc: tuple[Any, ...], value: str, target: str, what: str) -> None:
        if value not in ids[target]:
            hint = did_you_mean(value, ids[target])
            where = f"data/{target}/" if isinstance(docs[target], FolderDocument) \
                else f"data/{target}.yml"
            problems.append(_problem(docs[file], loc, f'ukendt {what} "{value}"{hint} – den skal '
                                     f"findes i {where}"))

    def check_source(file: str, loc: tuple[Any, ...], ref: model.Kildehenvisning | None) -> None:
        if ref is not None:
            check(file, (*loc, "kilde", "dokument"), ref.dokument, "kilder", "kilde")

    for i, t in enumerate(loaded["tiltag"].tiltag):
        base = ("tiltag", i)
        check("tiltag", (*base, "spor"), t.spor, "spor", "udviklingsspor")
        for j, ref in enumerate(t.anbefalinger):
            check("tiltag", (*base, "anbefalinger", j), ref, "anbefalinger", "anbefaling")
        for j, ref in enumerate(t.pejlemaerker):
            check("tiltag", (*base, "pejlemaerker", j), ref, "pejlemaerker", "pejlemærke")
        for j, ref in enumerate(t.moeder):
            check("tiltag", (*base, "moeder", j), ref, "moeder", "møde")
        check_source("tiltag", base, t.kilde)
    for i, m in enumerate(loaded["moeder"].moeder):
        for j, ref in enumerate(m.udvalg):
            check("moeder", ("moeder", i, "udvalg", j), ref, "ordliste", "udvalg")
        for j, ref in enumerate(m.tiltag):
            check("moeder", ("moeder", i, "tiltag", j), ref, "tiltag", "tiltag")
        check_source("moeder", ("moeder", i), m.kilde)
    for name, collection in (("spor", "spor"), ("faser", "faser"), ("ordliste", "termer"),
                             ("anbefalinger", "anbefalinger"), ("pejlemaerker", "pejlemaerker")):
        for i, item in enumerate(getattr(loaded[name], collection)):
            check_source(name, (collection, i), item.kilde)
    for i, item in enumerate(loaded["spor"].analyseforloeb):
        check_source("spor", ("analyseforloeb", i), item.kilde)
    if loaded.get("identitet") is not None:
        check_source("identitet", ("godkendt",), loaded["identitet"].godkendt.kilde)
        check_source("identitet", ("statusbehandling",),
                     loaded["identitet"].statusbehandling.kilde)
    return problems

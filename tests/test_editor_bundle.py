"""What the site takes from the editor's npm package (Sveltia CMS), without a browser.

- the bundle /admin/ serves asks no third party: its CDN addresses point at files the build
  serves beside it (macros/editors/bundle.py), the fonts at the versions package.json pins;
- a Sveltia release that moves those addresses, or a pin that no longer matches, stops the build
  with a Danish message instead of loading from a CDN again (fictional bundles and packages);
- docs/admin/config.yml is valid against Sveltia's own JSON schema, and a problem names the
  collection and field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from macros.editors import cms_config
from macros.editors.bundle import PACKAGE, SCRIPT, BundleChanged, self_hosted
from tests.conftest import ROOT

SCHEMA = ROOT / PACKAGE / "schema" / "sveltia-cms.json"
PINS: dict[str, str] = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]


def served_script(built_site: Path) -> str:
    return (built_site / "admin" / "sveltia-cms.js").read_text(encoding="utf-8")


# --- the served bundle -----------------------------------------------------------------------

@pytest.mark.parametrize("address", [
    "https://cdn.jsdelivr.net",  # its three fonts
    "https://unpkg.com/@sveltia/cms",  # its Danish strings and update check
    "https://unpkg.com/${",  # npm modules, Immutable.js for redaktoer.js's preSave
    "githubstatus.com/api",  # "is GitHub down?" before signing in
])
def test_the_served_bundle_fetches_nothing_from_a_third_party(built_site, address):
    assert address not in served_script(built_site)


def test_every_file_the_bundle_needs_is_served_as_installed(built_site):
    text = (ROOT / SCRIPT).read_text(encoding="utf-8")
    problems = []
    for file in self_hosted(ROOT, text).files:
        served = built_site / file.uri
        if not served.is_file():
            problems.append(f"{file.uri} mangler")
        elif file.source is not None and file.source != SCRIPT:
            if served.read_bytes() != (ROOT / file.source).read_bytes():
                problems.append(f"{file.uri} er ikke {file.source}")
        elif file.content is not None and served.read_text(encoding="utf-8") != file.content:
            problems.append(f"{file.uri} har ikke det forventede indhold")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("package", sorted(p for p in PINS if p.startswith("@fontsource")))
def test_each_font_is_served_at_the_version_package_json_pins(built_site, package):
    """The original bundle names each font's CDN address with its version; the served one names
    the file beside it, which the build serves."""
    scope, name = package.split("/")
    original = (ROOT / SCRIPT).read_text(encoding="utf-8")
    pattern = (rf"https://cdn\.jsdelivr\.net/fontsource/fonts/{re.escape(name)}"
               rf"{':vf' if scope == '@fontsource-variable' else ''}@([0-9.]+)/([a-z0-9-]+\.woff2)")
    named = re.findall(pattern, original)
    assert named, f"Sveltia bruger ikke længere {package}"
    for version, file in named:
        assert version == PINS[package], (package, version)
        assert f"fonts/{name}-{file}" in served_script(built_site)
        assert (built_site / "admin" / "fonts" / f"{name}-{file}").is_file()


# --- a bundle or packages the rewrite does not expect (fictional) -----------------------------

# FICTIONAL test data: a tiny bundle with each address Sveltia 0.221.1 uses, and a project whose
# node_modules holds only the package.json files the rewrite reads.
FONT = "https://cdn.jsdelivr.net/fontsource/fonts/test-sans@1.0.0/latin-400-normal.woff2"
FICTIONAL = {
    "strings": "const s=`https://unpkg.com/@sveltia/cms`;",
    "versions": "const d={immutable:`^5.0.0`};",
    "modules": "const m=n=>import(`https://unpkg.com/${n}`);",
    "status": "const g=`https://www.githubstatus.com/api/v2/status.json`;",
    "font": f"const f=`{FONT}`;",
}
INSTALLED = {"@sveltia/cms": "0.1.0", "immutable": "5.0.0", "@fontsource/test-sans": "1.0.0"}


def fictional_project(tmp_path: Path, installed: dict[str, str]) -> Path:
    for package, version in installed.items():
        manifest = tmp_path / "node_modules" / package / "package.json"
        manifest.parent.mkdir(parents=True)
        manifest.write_text(json.dumps({"name": package, "version": version}), encoding="utf-8")
    locales = tmp_path / "node_modules" / "@sveltia" / "cms" / "locales"
    if locales.parent.is_dir():
        locales.mkdir()
        (locales / "da.json").write_text('{"save": "Gem"}', encoding="utf-8")
    return tmp_path


def test_a_fictional_bundle_is_pointed_at_the_site(tmp_path):
    root = fictional_project(tmp_path, INSTALLED)
    result = self_hosted(root, "".join(FICTIONAL.values()))
    assert "https://" not in result.script
    assert {f.uri for f in result.files} >= {
        "admin/sveltia@0.1.0/locales/da.json", "admin/npm/immutable@5.0.0/dist/immutable.es.js",
        "admin/sveltia/githubstatus.json", "admin/fonts/test-sans-latin-400-normal.woff2"}


@pytest.mark.parametrize(("without", "installed", "message"), [
    ("strings", INSTALLED, "henter ikke længere sine tekster fra unpkg.com"),
    ("modules", INSTALLED, "henter ikke længere moduler fra unpkg.com"),
    ("status", INSTALLED, "spørger ikke længere githubstatus.com"),
    ("font", INSTALLED, "sætter ikke længere sine skrifttyper fra cdn.jsdelivr.net"),
    (None, {**INSTALLED, "immutable": "5.1.0"},
     "Sveltia bruger immutable 5.0.0, men 5.1.0 er installeret – ret versionen i package.json"),
    (None, {**INSTALLED, "@fontsource/test-sans": "1.0.1"},
     "Sveltia bruger @fontsource/test-sans 1.0.0, men 1.0.1 er installeret"),
    (None, {k: v for k, v in INSTALLED.items() if k != "@fontsource/test-sans"},
     "skrifttypen @fontsource/test-sans er ikke installeret – kør `npm ci`"),
])
def test_a_release_that_moves_an_address_or_a_wrong_pin_stops_the_build(
        tmp_path, without, installed, message):
    root = fictional_project(tmp_path, installed)
    text = "".join(part for name, part in FICTIONAL.items() if name != without)
    with pytest.raises(BundleChanged, match=re.escape(message)):
        self_hosted(root, text)


# --- the configuration against Sveltia's schema ---------------------------------------------

# The schema's definition for each widget the forms use; the one custom widget (begrundelse,
# docs/admin/redaktoer.js) is a CustomField. Checked one by one, so that a problem names its
# field instead of disappearing into the schema's anyOf of every field type.
WIDGETS = {"boolean": "BooleanField", "datetime": "DateTimeField", "hidden": "HiddenField",
           "markdown": "MarkdownField", "number": "NumberField", "relation": "RelationField",
           "select": "SelectField", "string": "StringField", "text": "TextField"}
NESTED = ("fields", "field", "types", "files", "collections")


def _definition(item: dict[str, Any]) -> str:
    widget = item.get("widget", "string")
    if widget == "list":
        return ("ListFieldWithSubFields" if "fields" in item
                else "ListFieldWithSubField" if "field" in item else "SimpleListField")
    if widget == "object":
        return "ObjectFieldWithSubFields"
    return WIDGETS.get(widget, "CustomField")


Part = tuple[str, str, dict[str, Any]]  # where, the schema's definition, the configuration


def _fields(fields: list[dict[str, Any]], where: str) -> Iterator[Part]:
    for field in fields:
        here = f"{where}.{field.get('name', '?')}"
        yield here, _definition(field), field
        yield from _fields(field.get("fields", []), here)
        if "field" in field:
            yield from _fields([field["field"]], here)


def _parts(config: dict[str, Any]) -> Iterator[Part]:
    """(where, definition, part) for the configuration, each collection, file and field."""
    yield "config.yml", "CmsConfig", config
    for collection in config.get("collections", []):
        name = collection.get("name", "?")
        yield name, "FileCollection" if "files" in collection else "EntryCollection", collection
        yield from _fields(collection.get("fields", []), name)
        for file in collection.get("files", []):
            yield f"{name}/{file.get('name', '?')}", "CollectionFile", file
            yield from _fields(file.get("fields", []), f"{name}/{file.get('name', '?')}")


def schema_problems(config: dict[str, Any]) -> list[str]:
    """One line per problem: the collection and field, the option, what the schema says."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    problems = []
    for where, definition, part in _parts(config):
        validator = jsonschema.Draft7Validator({**schema, "$ref": f"#/definitions/{definition}"})
        for error in validator.iter_errors(part):
            path = list(error.absolute_path)
            if path and path[0] in NESTED:
                continue  # checked as a part of its own
            option = ".".join(str(p) for p in path)
            problems.append(f"{where}{': ' + option if option else ''}: {error.message[:200]}")
    if not problems:  # nothing found part by part: the schema's own verdict on the whole
        whole = jsonschema.Draft7Validator(schema)
        problems = [f"config.yml: {error.json_path}: {error.message[:200]}"
                    for error in whole.iter_errors(config)]
    return problems


def test_the_editors_configuration_is_valid_against_sveltias_schema():
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    problems = schema_problems(config)
    assert problems == [], "docs/admin/config.yml passer ikke til Sveltias skema:\n" + "\n".join(
        problems)


@pytest.mark.parametrize(("change", "expected"), [
    # FICTIONAL faults, put into a copy of the generated configuration.
    (lambda c: c["collections"][1]["fields"][1].update(widget="select"),
     "tiltag.titel: 'options' is a required property"),
    (lambda c: c["collections"][1]["fields"][1].update(pattern="^x$"),
     "tiltag.titel: pattern: '^x$' is not of type 'array'"),
    (lambda c: c["collections"][1].update(sortable_fields=[{"field": "titel"}]),
     "tiltag: sortable_fields: "),
    (lambda c: c.update(publish_mode="udkast"), "config.yml: publish_mode: 'udkast' is not one of"),
])
def test_a_schema_problem_names_the_collection_and_field(change, expected):
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    assert [c["name"] for c in config["collections"][:2]] == ["statusrunder", "tiltag"]
    change(config)
    problems = schema_problems(config)
    assert any(p.startswith(expected) for p in problems), problems


# --- the editor's Danish --------------------------------------------------------------------

def _keys(strings: dict[str, object], prefix: str = "") -> set[str]:
    out = set()
    for key, value in strings.items():
        out |= _keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return out


def test_every_string_of_the_editor_is_danish(built_site):
    """Every string Sveltia has in English is served in Danish (its own, or the project's
    translation of what it lacks, e.g. «Vis fejl» for «Show Errors»), with the same
    placeholders."""
    release = PINS["@sveltia/cms"]
    english = json.loads((ROOT / PACKAGE / "locales" / "en-US.json").read_text("utf-8"))
    danish = json.loads((built_site / "admin" / f"sveltia@{release}" / "locales" / "da.json")
                        .read_text("utf-8"))
    assert _keys(danish) >= _keys(english), sorted(_keys(english) - _keys(danish))[:10]
    assert danish["show_errors"] == "Vis fejl"

    def value(strings: dict[str, object], key: str) -> str:
        for part in key.split("."):
            strings = strings[part]  # type: ignore[assignment]
        return str(strings)

    placeholders = re.compile(r"\{\$\w+")
    for key in _keys(english):
        assert (sorted(placeholders.findall(value(danish, key)))
                == sorted(placeholders.findall(value(english, key)))), key

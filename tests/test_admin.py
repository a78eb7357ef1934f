"""The browser editor's configuration and what it writes, without a browser.

- docs/admin/config.yml is current with the models, and every field of every model is in a form;
- every data file opened and saved the way Sveltia CMS does (its reading, form defaults, field
  order and YAML format, with the npm `yaml` version it bundles: scripts/editor_yaml.mjs) gives
  the same validated data, also for generated values that YAML 1.1 would misread (14:30, no, on,
  dates, case numbers);
- problems in a file the editor wrote name the right line;
- /admin/ is served from the site, kept out of search, sitemap and indexing, and public pages
  do not load any of it.
"""

from __future__ import annotations

import functools
import json
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.data import model, rounds
from macros.data.loading import _model_in, load_site_data
from macros.data.problems import DataError
from macros.data.yamlsource import read_yaml
from macros.editors import cms_build, cms_config, form_fields
from tests.conftest import ROOT

NODE_WRITER = ROOT / "scripts" / "editor_yaml.mjs"
TRICKY = ["14:30", "no", "on", "off", "yes", "Yes", "y", "n", "true", "null", "~", "2023-10-25",
          "2023-10-25T00:00:00Z", "99754/23", "22/1234", "3517342", "0123", "010", "1e3", ".5",
          "0x1F", "- ikke en liste", "# ikke en kommentar", "a: b", "'enkelt'", '"dobbelt"',
          "100 %", "@bruger", "`kode`", "&anker", "*alias", "! tag", "{x}", "[x]", "æøå ÆØÅ",
          "linje 1\nlinje 2", "slutter med kolon:", "15:00-16:30", "1. halvår 2024"]


def editor_resave(jobs: list[dict[str, Any]]) -> list[str]:
    """What the editor writes for each job: {"text"} a file opened and saved, or {"data"} a form's
    values saved; "fields" the form's fields (form_of)."""
    if shutil.which("node") is None or not (ROOT / "node_modules" / "yaml").is_dir():
        pytest.fail("node og node_modules mangler: kør ./dev test (npm ci)")
    result = subprocess.run(["node", str(NODE_WRITER)], input=json.dumps(jobs), cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@functools.cache
def _forms() -> dict[str, list[dict[str, Any]]]:
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    forms = {}
    for collection in config["collections"]:
        forms[collection.get("folder", "")] = collection.get("fields", [])
        forms |= {file["file"]: file["fields"] for file in collection.get("files", [])}
    return forms


def form_of(rel: str) -> list[dict[str, Any]]:
    """The fields of the form that edits a data file: Sveltia orders every level of a saved file
    by them, fills in their defaults and leaves out the optional ones left empty."""
    return _forms().get(rel) or _forms()[Path(rel).parent.as_posix()]


def data_files() -> list[str]:
    data = ROOT / "data"
    return sorted(p.relative_to(ROOT).as_posix() for pattern in ("*.yml", "*/*.yml")
                  for p in data.glob(pattern))


def dumped(site: Any) -> dict[str, Any]:
    return {name: getattr(site, name).model_dump(mode="json") for name in model.DATA_FILES}


# --- configuration ---------------------------------------------------------------------------

def test_committed_cms_config_is_current():
    committed = cms_config.CONFIG_PATH.read_text(encoding="utf-8")
    assert committed == cms_config.rendered_config(cms_config.blog_categories(ROOT)), (
        "docs/admin/config.yml er forældet: kør python -m macros.editors.cms_config")


def _check_fields(fields: list[dict[str, Any]], item: type[model.Strict], where: str) -> None:
    names = [f["name"] for f in fields]
    assert names == list(item.model_fields), f"{where}: {names}"
    for config, (name, info) in zip(fields, item.model_fields.items(), strict=True):
        assert config["label"] and config["widget"], f"{where}.{name}"
        nested = _model_in(info.annotation)
        if nested is not None and config["widget"] in ("object", "list") and "fields" in config:
            _check_fields(config["fields"], nested, f"{where}.{name}")


def test_every_field_of_every_model_is_in_a_form():
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    collections = {c["name"]: c for c in config["collections"]}
    for name, (_, item) in model.FOLDERS.items():
        assert collections[name]["folder"] == f"data/{name}"
        _check_fields(collections[name]["fields"], item, name)
    files = {f["name"]: f for f in collections["lister"]["files"]}
    for name in cms_config.FILE_COLLECTIONS:
        assert files[name]["file"] == f"data/{name}.yml"
        _check_fields(files[name]["fields"], model.DATA_FILES[name], name)
    covered = set(model.FOLDERS) | set(cms_config.FILE_COLLECTIONS)
    assert covered == set(model.DATA_FILES)
    assert collections["statusrunder"]["folder"] == "data/statusrunder"
    _check_fields(collections["statusrunder"]["fields"], rounds.Statusrunde, "statusrunder")


def test_the_build_fills_a_new_round_from_the_newest(rounds_project: Path, tmp_path: Path):
    """The starter of a new round (cms_build.round_starter): every initiative, in the plan's
    order, with its line from the newest round that reports on it."""
    site = load_site_data(rounds_project)
    text = cms_config.CONFIG_PATH.read_text(encoding="utf-8")
    config = yaml.safe_load(cms_build.round_starter(text, site))
    runde = next(c for c in config["collections"] if c["name"] == "statusrunder")
    rows = next(f for f in runde["fields"] if f["name"] == "tiltag")["default"]
    assert [r["tiltag"] for r in rows] == [t.id for t in site.tiltag.tiltag]
    newest = {line.tiltag: line.model_dump(mode="json", exclude_none=True)
              for line in site.statusrunder[-1].tiltag}
    assert rows == [newest[t.id] for t in site.tiltag.tiltag]
    # Without rounds, each row names only its initiative: no status is invented.
    shutil.copytree(rounds_project / "data", tmp_path / "data")
    shutil.rmtree(tmp_path / "data" / "statusrunder")
    empty = yaml.safe_load(cms_build.round_starter(text, load_site_data(tmp_path)))
    runde = next(c for c in empty["collections"] if c["name"] == "statusrunder")
    rows = next(f for f in runde["fields"] if f["name"] == "tiltag")["default"]
    assert rows == [{"tiltag": t.id} for t in site.tiltag.tiltag]


def test_the_form_is_danish_and_checks_what_it_can():
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    # Sveltia speaks the browser's language (its Danish strings: admin/sveltia@…/locales/da.json)
    # and writes no empty optional field, as the hand-written files leave them out.
    assert "locale" not in config and "local_backend" not in config
    assert config["output"] == {"omit_empty_optional_fields": True}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["branch"] == "main"
    collections = {c["name"]: c for c in config["collections"]}
    assert config["collections"][0]["name"] == "statusrunder"  # the half-yearly job, first
    runde = {f["name"]: f for f in collections["statusrunder"]["fields"]}
    assert collections["statusrunder"]["folder"] == "data/statusrunder"
    assert collections["statusrunder"]["slug"] == "{{fields.dato}}"
    assert runde["dato"]["widget"] == "datetime" and runde["dato"]["format"] == "YYYY-MM-DD"
    assert runde["moede"]["widget"] == "relation" and runde["moede"]["collection"] == "moeder"
    linje = {f["name"]: f for f in runde["tiltag"]["fields"]}
    assert linje["tiltag"]["widget"] == "relation" and linje["tiltag"]["collection"] == "tiltag"
    assert linje["status"]["widget"] == "select"
    assert linje["status"]["options"] == [s.value for s in model.Status]
    assert linje["status"]["required"] is True
    assert linje["begrundelse"]["widget"] == "begrundelse"  # docs/admin/redaktoer.js
    assert "forsinket" in linje["status"]["hint"]
    tiltag = {f["name"]: f for f in collections["tiltag"]["fields"]}
    assert "status" not in tiltag and "statuslog" not in tiltag  # one place for one fact
    assert tiltag["spor"]["widget"] == "relation"
    assert tiltag["id"]["pattern"][0] == model.ID_PATTERN
    assert tiltag["titel"]["required"] is True
    moede = {f["name"]: f for f in collections["moeder"]["fields"]}
    assert "journalnummeret" in next(f for f in moede["bilag"]["fields"]
                                     if f["name"] == "journalnr")["pattern"][1]


@pytest.mark.parametrize(("edit_uri", "repo", "branch"), [
    ("https://github.com/norddjurs/strategi/edit/main/docs/", "norddjurs/strategi", "main"),
    ("https://github.com/OWNER/REPO/edit/main/docs/", "OWNER/REPO", "main"),
    ("https://gitlab.example/x/y/-/edit/main/docs/", "OWNER/REPO", "main"),
])
def test_the_build_fills_in_the_repository_from_edit_uri(edit_uri, repo, branch):
    text = cms_config.CONFIG_PATH.read_text(encoding="utf-8")
    config = yaml.safe_load(cms_build.for_site(text, edit_uri, "https://x.example/strategi/"))
    assert config["backend"]["repo"] == repo and config["backend"]["branch"] == branch
    assert config["site_url"] == "https://x.example/strategi/"


# --- round trip ------------------------------------------------------------------------------

def test_every_data_file_saved_unchanged_by_the_editor_gives_the_same_data(tmp_path):
    files = data_files()
    texts = editor_resave([{"text": (ROOT / rel).read_text(encoding="utf-8"),
                           "fields": form_of(rel)} for rel in files])
    copy = tmp_path / "projekt"
    # The source texts are plain text, not edited in the CMS.
    shutil.copytree(ROOT / "data" / "kildetekster", copy / "data" / "kildetekster")
    for rel, text in zip(files, texts, strict=True):
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        (copy / rel).write_text(text, encoding="utf-8")
    assert dumped(load_site_data(copy)) == dumped(load_site_data(ROOT))


def _text_fields(item: type[model.Strict]) -> list[str]:
    """Free text: no pattern, no validator of its own (periods, niveau)."""
    checked = {name for d in item.__pydantic_decorators__.field_validators.values()
               for name in d.info.fields}
    return [name for name, info in item.model_fields.items()
            if info.annotation in (str, str | None) and not form_fields.pattern_of(info)
            and name not in checked]


def test_generated_values_survive_the_editors_yaml(tmp_path):
    """Values YAML 1.1 would misread, and the data's own texts, in every free text field of an
    initiative and a meeting (fixed seed), written by the editor's writer and read by the loader."""
    site = load_site_data(ROOT)
    rng = random.Random(17)
    texts = [t.titel for t in site.tiltag.tiltag] + [m.titel for m in site.moeder.moeder]
    jobs, expected = [], []
    for name, (collection, item) in model.FOLDERS.items():
        base = getattr(site, name).model_dump(mode="json")[collection][0]
        for _ in range(20):
            values = {f: rng.choice([*TRICKY, rng.choice(texts)]) for f in _text_fields(item)}
            jobs.append({"data": {**base, **values}, "fields": form_of(f"data/{name}/x.yml")})
            expected.append((name, item, {**base, **values}))
    for text, (_, item, data) in zip(editor_resave(jobs), expected, strict=True):
        path = tmp_path / "post.yml"
        path.write_text(text, encoding="utf-8")
        doc = read_yaml(path, "post.yml")
        assert not doc.problems
        read = item.model_validate(doc.data).model_dump(mode="json")
        assert read == item.model_validate(data).model_dump(mode="json"), text


def test_problems_in_a_file_the_editor_wrote_name_the_right_line(tmp_path):
    copy = tmp_path / "projekt"
    shutil.copytree(ROOT / "data", copy / "data")
    shutil.rmtree(copy / "data" / "statusrunder", ignore_errors=True)  # the invented one only
    first, second = (t.id for t in load_site_data(copy).tiltag.tiltag[:2])
    rel = "data/statusrunder/2024-03-12.yml"  # TEST DATA: an invented round
    data = {"dato": "2024-03-12", "tiltag": [
        {"tiltag": first, "status": "igang", "tekst": "En tekst\nover to linjer"},
        {"tiltag": second, "status": "i gang", "tekst": "14:30",
         "forventet_slut": "5. kvartal 2024"}]}
    (text,) = editor_resave([{"data": data, "fields": form_of(rel)}])
    (copy / rel).parent.mkdir(exist_ok=True)
    (copy / rel).write_text(text, encoding="utf-8")
    lines = text.split("\n")
    with pytest.raises(DataError) as error:
        load_site_data(copy)
    found = {(p.file, p.line, p.field) for p in error.value.problems}
    status_line = next(i for i, x in enumerate(lines, 1) if "status: igang" in x)
    end_line = next(i for i, x in enumerate(lines, 1) if "5. kvartal 2024" in x)
    assert (rel, status_line, "tiltag[0].status") in found, found
    assert (rel, end_line, "tiltag[1].forventet_slut") in found, found


# --- served from the site, out of search and indexing ----------------------------------------

@pytest.mark.content
def test_admin_is_served_from_the_site_and_not_indexed(built_site: Path,
                                                      search_fragments: dict[str, dict]):
    admin = built_site / "admin"
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    served = {path.relative_to(admin).as_posix() for path in admin.rglob("*") if path.is_file()}
    assert served == {
        "index.html", "config.yml", "redaktoer.js", "forhaandsvisninger.js",
        "forhaandsvisning.css", "sveltia-cms.js", "chunks/react-dom.js",
        # What Sveltia would fetch from unpkg.com and cdn.jsdelivr.net (macros/editors/bundle.py)
        f"sveltia@{pins['@sveltia/cms']}/locales/da.json", "sveltia/package.json",
        "sveltia/githubstatus.json", f"npm/immutable@{pins['immutable']}/dist/immutable.es.js",
        "fonts/source-sans-3-latin-wght-normal.woff2", "fonts/noto-mono-latin-400-normal.woff2",
        "fonts/material-symbols-outlined-latin-wght-normal.woff2",
    }, sorted(served)
    strings = json.loads((admin / f"sveltia@{pins['@sveltia/cms']}/locales/da.json").read_bytes())
    assert strings["create"] == "Opret"  # the editor's own buttons in Danish
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'http-equiv="Content-Security-Policy"' in html
    assert "https://" not in html.split("Content-Security-Policy")[0].split("-->")[-1]
    assert "admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert search_fragments
    assert not [url for url in search_fragments if url.startswith("admin")]
    for sheet in (admin / "forhaandsvisning.css").read_text(encoding="utf-8").split("\n"):
        if sheet:
            target = sheet.split('"')[1].removeprefix("../")
            assert (built_site / target).is_file(), target


@pytest.mark.content
def test_public_pages_load_nothing_of_the_editor(site_pages):
    for url, page in site_pages.items():
        if url.startswith("admin"):
            continue
        for tag in page.find_all(["script", "link", "a", "img", "iframe"]):
            target = tag.get("src") or tag.get("href") or ""
            assert "admin/" not in target and "sveltia" not in target, (url, target)


def _all_fields(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for field in fields:
        yield field
        yield from _all_fields(field.get("fields", []))


def _form_fields(config: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for collection in config["collections"]:
        yield from _all_fields(collection.get("fields", []))
        for file in collection.get("files", []):
            yield from _all_fields(file["fields"])


def test_hints_speak_of_what_the_editor_shows_not_of_files():
    """A communications officer sees lists and a date picker, not data/… or ÅÅÅÅ-MM-DD (the
    browser shows a date in its own language's format)."""
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    for field in _form_fields(config):
        hint = field.get("hint", "")
        assert not re.search(r"data/|\.yml\b|<id>|ÅÅÅÅ|\btrue\b", hint), (field["name"], hint)
        if field["widget"] == "relation":
            assert hint.startswith("Vælg fra «"), (field["name"], hint)
        if field["widget"] == "datetime":
            assert "kalenderen" in hint, field["name"]


def test_a_new_meeting_opens_without_an_empty_attachment_row():
    """An empty required row blocks a new entry's first save (Decap 3.16 opened one for a list
    whose rows have a default: an attachment is open by default); such lists say they start
    empty, which Sveltia follows too."""
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    moede = {f["name"]: f for f in next(c for c in config["collections"]
                                        if c["name"] == "moeder")["fields"]}
    assert moede["bilag"]["default"] == [] and moede["bilag"]["required"] is False
    for field in _form_fields(config):
        if field["widget"] == "list" and any("default" in f for f in field.get("fields", [])):
            assert field.get("default") == [], field["name"]


def test_lists_in_the_sites_order_and_addresses_without_danish_letters():
    config = yaml.safe_load(cms_config.CONFIG_PATH.read_text(encoding="utf-8"))
    collections = {c["name"]: c for c in config["collections"]}
    for name in model.FOLDERS:
        sortable = collections[name]["sortable_fields"]  # Sveltia's form of the option
        assert sortable["fields"][0] == "raekkefoelge", name
        assert sortable["default"] == {"field": "raekkefoelge", "direction": "ascending"}, name
        assert "{{titel}}" in collections[name]["summary"]
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True,
                              "sanitize_replacement": "-"}
    nyheder = collections["nyheder"]
    # The file is named by the post's own date (not the day it is written) and its address,
    # or its title while that is empty (tests/browser/test_editor.py saves one).
    assert nyheder["slug"].startswith("{{fields.date | date('YYYY-MM-DD')}}-")
    assert "{{fields.slug | default('{{fields.title}}')}}" in nyheder["slug"]
    adresse = next(f for f in nyheder["fields"] if f["name"] == "slug")
    assert adresse["pattern"][0] == model.ID_PATTERN and adresse["required"] is False
    assert "{{description" in nyheder["summary"]  # older posts have no title field
    moede = {f["name"]: f for f in collections["moeder"]["fields"]}
    assert moede["bilag"]["label_singular"] == "bilag"
    assert moede["bilag"]["summary"] == "{{fields.nr}}. {{fields.titel | truncate(60)}}"


def test_the_sign_in_page_shows_the_sites_name_and_icon(built_site: Path, site_url: str):
    config = yaml.safe_load((built_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text("utf-8"),
                          re.MULTILINE)[1]
    assert config["app_title"] == f"Redaktør – {site_name}"
    assert config["logo"]["src"] == f"{site_url}assets/images/favicon.svg"
    assert (built_site / "assets" / "images" / "favicon.svg").is_file()
    assert config["backend"]["auth_methods"] == ["token"]  # no server to sign in through

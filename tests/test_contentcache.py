"""What a build keeps in .cache/ is used only for the same input: a changed page, synonym or
piece of code makes the search index again, and the cache never grows without bound."""

from __future__ import annotations

from pathlib import Path

from macros.runtime.contentcache import ContentCache, digest, files_digest
from macros.search import pagefind_index
from macros.search.records import Record
from macros.search.synonyms import Synonyms

DOCS = [{"location": "a/", "title": "Testside", "text": "<p>Testdata om arbejdsmiljø.</p>"}]
GROUPS = [Synonyms("omu", "OMU", "Område-MED-udvalg", "Testdata", ("OMU", "Område-MED-udvalg"))]


def _bundles(tmp_path: Path) -> tuple[list[list[Record]], ContentCache]:
    made: list[list[Record]] = []

    def make(records, site_dir: Path) -> Path:
        made.append(list(records))
        out = site_dir / pagefind_index.BUNDLE_DIR
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.txt").write_text("\n".join(r.html for r in records), encoding="utf-8")
        return out

    cache = ContentCache(tmp_path / "projekt", "soeg", keep=2)
    for number, docs in enumerate([DOCS, DOCS, [{**DOCS[0], "text": "<p>Ændret.</p>"}], DOCS]):
        site = tmp_path / f"site-{number}"
        pagefind_index.write_cached_bundle(docs, GROUPS, {}, site, cache, make=make)
        assert (site / "pagefind" / "index.txt").is_file()
    return made, cache


def test_the_same_pages_reuse_the_bundle_and_a_changed_page_makes_it_again(tmp_path):
    made, _ = _bundles(tmp_path)
    assert len(made) == 2  # the first build and the changed page; the repeats were copied
    assert "Ændret" in made[1][0].html
    first = (tmp_path / "site-0" / "pagefind" / "index.txt").read_bytes()
    assert (tmp_path / "site-3" / "pagefind" / "index.txt").read_bytes() == first


def test_the_cache_keeps_only_the_newest_entries(tmp_path):
    _, cache = _bundles(tmp_path)
    assert len([p for p in cache.folder.iterdir() if not p.name.startswith(".")]) == 2
    for n in range(5):
        cache.write_bytes(digest(str(n)), b"x")
    assert len(list(cache.folder.iterdir())) == 2


def test_keys_tell_parts_and_files_apart(tmp_path):
    assert digest("ab", "c") != digest("a", "bc")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yml").write_text("titel: Testdata", encoding="utf-8")
    before = files_digest(tmp_path, ["data", "mkdocs.yml"])
    (tmp_path / "data" / "a.yml").write_text("titel: Testdata 2", encoding="utf-8")
    assert files_digest(tmp_path, ["data", "mkdocs.yml"]) != before

"""This site's initiative and meeting files are in the format the browser editor writes (they
were rewritten once into it), so an editor's first save changes only what was edited."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.test_admin import data_files, editor_resave, form_of


def test_the_editor_saves_this_sites_item_files_unchanged():
    files = [rel for rel in data_files() if len(Path(rel).parts) == 3]
    texts = editor_resave([{"text": (ROOT / rel).read_text(encoding="utf-8"),
                           "fields": form_of(rel)} for rel in files])
    for rel, text in zip(files, texts, strict=True):
        assert (ROOT / rel).read_text(encoding="utf-8") == text, rel

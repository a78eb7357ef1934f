"""The site's identity (data/identitet.yml): validated with Danish messages that name file, line
and field; a field the browser editor saved empty counts as not set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data.loading import load_site_data
from macros.data.problems import DataError
from tests.conftest import SECOND_STRATEGY


@pytest.fixture
def identity_file(tmp_path: Path) -> Path:
    """A copy of the second (fictional) strategy's data: small, so loading it is quick."""
    shutil.copytree(SECOND_STRATEGY / "data", tmp_path / "data")
    return tmp_path / "data" / "identitet.yml"


def problems(identity_file: Path, old: str, new: str) -> list[str]:
    text = identity_file.read_text(encoding="utf-8")
    assert old in text
    identity_file.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_site_data(identity_file.parent.parent)
    return [str(p) for p in error.value.problems]


def test_a_broken_e_mail_address_is_named_in_danish(identity_file: Path) -> None:
    found = problems(identity_file, "email: testdata@example.invalid", "email: testdata")
    assert found == ['data/identitet.yml:20: kontakt.email: "testdata" er ikke en e-mailadresse '
                     "– skriv den hele, fx strategi@eksempel.dk"]


def test_a_misspelt_field_gets_a_suggestion(identity_file: Path) -> None:
    found = problems(identity_file, "myndighed:", "myndighd:")
    assert found[0].startswith('data/identitet.yml:3: myndighd: ukendt felt "myndighd" – mente '
                               'du "myndighed"?')
    assert found[1] == 'data/identitet.yml:3: myndighed: feltet "myndighed" mangler – tilføj det'


def test_the_approval_must_cite_a_place_in_a_known_source(identity_file: Path) -> None:
    (found,) = problems(identity_file, "sted: Beslutning punkt 1", "sted: Beslutning punkt 9")
    assert found.startswith("data/identitet.yml:13: godkendt.kilde.sted: ")
    assert "findes ikke i kilden testsag-1" in found


def test_fields_saved_empty_are_not_set(identity_file: Path) -> None:
    text = identity_file.read_text(encoding="utf-8")
    text = text.replace("email: testdata@example.invalid", 'email: ""\n  telefon: ""')
    identity_file.write_text(text.replace("tilgaengelighedserklaering: https://example.invalid/"
                                          "testdata-erklaering", "tilgaengelighedserklaering: "),
                             encoding="utf-8")
    identity = load_site_data(identity_file.parent.parent).identity
    assert identity.kontakt.missing() == ["adresse", "telefon", "e-mail"]
    assert identity.tilgaengelighedserklaering is None

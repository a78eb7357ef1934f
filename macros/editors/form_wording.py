"""The words of the browser editor's forms: labels, hints and how the models' descriptions are
reworded for the form (the descriptions also serve the JSON Schemas and the build's messages,
which may name files; a form names what the editor shows)."""

from __future__ import annotations

import re

from macros.data import rounds

LABELS: dict[str, str] = {
    "afsender": "Afsender", "almen_forklaring": "Almen forklaring (ikke fra sagerne)",
    "aabent": "Åbent bilag", "analyseforloeb": "Analyseforløb", "anbefalinger": "Anbefalinger",
    "ansvarlig": "Ansvarlig", "begrundelse": "Begrundelse", "bemaerkning": "Bemærkning",
    "beskrivelse": "Beskrivelse", "beslutning": "Beslutning", "betegnelse": "Betegnelse",
    "bilag": "Bilag", "citat": "Direkte citat", "dato": "Dato", "dokument": "Kildedokument",
    "dokumentnr": "Dokumentnummer", "faktisk_slut": "Faktisk slut", "faktisk_start":
    "Faktisk start", "faser": "Faser", "fil": "Fil", "forklaring": "Forklaring",
    "fortolkning": "Fortolkning", "fravaerende": "Fraværende", "fuld_form": "Fuldt navn",
    "id": "Id (adresse)", "indstilling": "Indstilling", "indstilling_af": "Indstilling af",
    "journalnr": "Journalnummer", "kilde": "Kilde", "kilder": "Kilder", "milepaele": "Milepæle",
    "moeder": "Møder", "niveau": "Niveau", "noegleord": "Nøgleord", "nr": "Nummer",
    "parter": "Parter", "pejlemaerker": "Pejlemærker", "periode": "Periode",
    "periode_som_skrevet": "Periode som skrevet", "perioder": "Perioder",
    "raekkefoelge": "Rækkefølge", "resume": "Resumé", "sag": "Sagsnummer", "spor": "Spor",
    "forventet_slut": "Forventet slut", "moede": "Møde", "status": "Status",
    "sted": "Sted i kilden", "tekst": "Tekst",
    "term": "Term", "termer": "Termer", "tidspunkt": "Tidspunkt (som i planen)",
    "tiltag": "Tiltag", "titel": "Titel", "type": "Type", "udvalg": "Udvalg",
    "varianter": "Varianter", "myndighed": "Myndighed", "strategi": "Strategien",
    "navn": "Navn", "omraade": "Område", "godkendt": "Godkendelse", "af": "Godkendt af",
    "kontakt": "Kontaktoplysninger", "adresse": "Adresse", "telefon": "Telefon",
    "email": "E-mail", "tilgaengelighedserklaering": "Tilgængelighedserklæringens adresse (WAS)",
}
# Fields written as paragraphs get a text area; the rest are one line.
LONG_TEXT = frozenset({"beskrivelse", "bemaerkning", "begrundelse", "fortolkning", "tidspunkt",
                       "resume", "tekst", "forklaring", "ansvarlig"})
# Hints for fields the models leave without a description (shown under the field).
EXTRA_HINTS: dict[str, str] = {
    "perioder": "De perioder, tidslinjen og planen tegnes ud fra.",
    "milepaele": "Datoer eller perioder for de enkelte skridt.",
    "faktisk_start": "Den dag arbejdet faktisk begyndte, hvis den kendes (ÅÅÅÅ-MM-DD).",
    "faktisk_slut": "Den dag arbejdet faktisk sluttede, hvis den kendes (ÅÅÅÅ-MM-DD).",
    "kilde": "Hvor i sagsakterne oplysningen står.",
    "pejlemaerker": "Strategiens pejlemærker, tiltaget svarer på.",
    "anbefalinger": "Anbefalinger, tiltaget svarer på.",
    "moeder": "Møder og beslutninger om tiltaget.",
    "titel": "Kort titel (bruges som overskrift).",
    "indstilling": "Indstillingens punkter med nummer, som i referatet.",
    "beslutning": "Beslutningens punkter med nummer, som i referatet.",
    "fravaerende": "Navne som i referatet.",
    "resume": "Sagens resumé som i referatet.",
    "indstilling_af": "Hvem der indstiller, fx 'Direktøren'.",
    "noegleord": "Nøgleordene fra bilaget.",
}
FILE_COLLECTIONS: dict[str, str] = {
    "spor": "Udviklingsspor og analyseforløb", "ordliste": "Ordliste", "anbefalinger":
    "Anbefalinger", "pejlemaerker": "Pejlemærker", "faser": "Strategiprocessens faser",
    "kilder": "Kildedokumenter", "rettelser": "Rettelser af scannede kilder",
    "identitet": "Sidens afsender, kontakt og godkendelse",
}
# A list's heading says "1 milepæl", "3 milepæle", and its button "Tilføj milepæl".
SINGULAR: dict[str, str] = {
    "afvigelser": "afvigelse", "analyseforloeb": "analyseforløb", "anbefalinger": "anbefaling",
    "beslutning": "punkt", "bilag": "bilag", "faser": "fase", "fravaerende": "navn",
    "ikke_tegnet": "periode", "indstilling": "punkt", "kilder": "kilde", "milepaele": "milepæl",
    "noegleord": "nøgleord", "ord": "ord", "overskrifter": "overskrift", "parter": "part",
    "pejlemaerker": "pejlemærke", "perioder": "periode", "rettelser": "rettelse",
    "spor": "spor", "termer": "term", "varianter": "variant",
}
FOLDER_LABELS: dict[str, str] = {
    rounds.FOLDER: "Statusrunder", "tiltag": "Tiltag", "moeder": "Møder og beslutninger"}
# The models' descriptions serve the JSON Schemas and the build's messages too, and name files;
# the form names the lists the editor sees instead (REDAKTOERVEJLEDNING.md).
HINT_WORDING: list[tuple[str, str]] = [
    (r"data/kildetekster/<id>\.scanning\.txt", "kildens scannede tekst"),
    (r"data/kildetekster/<id>\.txt", "kildens tekst"),
    (r"\s*Filen hedder det samme: data/[^ ]+\.", ""),
    (r" \(/kilder/<id>/\)", ""),
    *[(rf"data/{name}\.yml", f"«{label}»") for name, label in FILE_COLLECTIONS.items()],
    *[(rf"data/{name}/", f"«{label}»") for name, label in FOLDER_LABELS.items()],
    # A browser shows a date field in its own language's format (mm/dd/yyyy in English).
    (r",? skrevet ÅÅÅÅ-MM-DD\.", "."),
    (r" \(ÅÅÅÅ-MM-DD\)", ""),
    ("Sæt til true", "Slå til"),
    # A field named in another field's hint by its label, as the form shows it.
    *[(f"'{name}'", f"«{label}»") for name, label in LABELS.items() if "_" in name],
]
DATE_HINT = "Vælg datoen i kalenderen, eller skriv den, som feltet viser."


def form_wording(hint: str) -> str:
    for pattern, replacement in HINT_WORDING:
        hint = re.sub(pattern, replacement, hint)
    return hint


_NAMES_THE_ID = re.compile(r"\bid\b|\bid'er\b", re.IGNORECASE)


def relation_hint(target: tuple[str, str | None, str, str], hint: str | None) -> str:
    """A relation is a list of titles to choose from: the description's sentence about the id
    (where it is written, what it looks like) is left out, the rest kept."""
    collection, file, _, _ = target
    source = FILE_COLLECTIONS[file] if file else FOLDER_LABELS[collection]
    rest = [s for s in re.split(r"(?<=\.)\s+", hint or "") if s and not _NAMES_THE_ID.search(s)]
    return " ".join([f"Vælg fra «{source}» (søg på titlen).", *rest])

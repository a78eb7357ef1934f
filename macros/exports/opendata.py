"""Open data: the validated data set as JSON (with its JSON Schema) and one CSV file per entity.

Everything here is a pure function of `SiteData` (and the site's base URL for link columns), so
the same data always give byte-identical files: keys are sorted, rows keep the order of the YAML
files, and nothing depends on the clock. CSV files are written for a Danish-locale Excel: UTF-8
with a byte-order mark (so Excel detects the encoding) and semicolons (Excel in Danish uses the
comma as decimal separator and expects ';' between columns), quoted per RFC 4180, CRLF line ends.
No MkDocs import.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pydantic import Field, create_model

from macros.data import model, rounds
from macros.data.loading import SiteData
from macros.data.periods import Period
from macros.views import viewmodels as views

CsvValue = str | int | bool | None
Row = dict[str, CsvValue]

JSON_NAME = "strategi.json"
SCHEMA_NAME = "schema.json"


def _dataset_model() -> type[model.Strict]:
    fields: dict[str, Any] = {name: (root, ...) for name, root in model.DATA_FILES.items()}
    fields["statusrunder"] = (list[rounds.Statusrunde], Field(
        description="Statusrunderne fra data/statusrunder/, ældste først: hver runde med dato, "
        "møde, kilde og én linje pr. tiltag (status, tekst, begrundelse, forventet slut)."))
    return create_model("Datasaet", __base__=model.Strict, **fields)


Datasaet = _dataset_model()
Datasaet.__doc__ = (
    "Hele datasættet bag siden: én nøgle pr. datafil i data/ (kilder, ordliste, spor, tiltag, "
    "møder, faser, anbefalinger, pejlemærker, statusrunder, sidens identitet)."
)


def dataset(site: SiteData) -> dict[str, Any]:
    """The whole data set as plain JSON values, one key per file in data/."""
    # raekkefoelge only orders the files of data/<name>/; the lists are already in that order.
    out = {name: getattr(site, name).model_dump(mode="json", exclude=_ORDER.get(name))
           for name in model.DATA_FILES}
    out["statusrunder"] = [r.model_dump(mode="json") for r in site.statusrunder]
    return out


_ORDER: dict[str, Any] = {name: {collection: {"__all__": {"raekkefoelge"}}}
                          for name, (collection, _) in model.FOLDERS.items()}


def _json_bytes(value: dict[str, Any]) -> bytes:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def dataset_json(site: SiteData) -> bytes:
    return _json_bytes(dataset(site))


@functools.lru_cache(maxsize=1)
def _dataset_schema() -> str:
    """Made once per process (the models do not change while it runs; pydantic takes 0.1 s or
    more), as text, so no build changes what the next one gets."""
    return json.dumps(model.json_schema(Datasaet))


def schema_json(site: SiteData) -> bytes:
    """JSON Schema (draft 2020-12) of strategi.json, generated from the pydantic models."""
    schema = json.loads(_dataset_schema())
    schema["title"] = f"{site.identity.strategi.navn} – datasæt"
    return _json_bytes(schema)


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------


def _cell(value: CsvValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return str(value)


def csv_bytes(columns: Sequence[str], rows: Iterable[Row]) -> bytes:
    """Semicolon-separated, RFC 4180-quoted, CRLF, UTF-8 with BOM."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _ids(values: Iterable[str]) -> str:
    return ", ".join(values)


def _span(period: Period) -> Row:
    return {
        "start": period.start.isoformat(),
        "slut": period.end.isoformat() if period.end else None,
        "loebende": period.is_open,
        "praecision": period.precision.value,
    }


def _source(ref: model.Kildehenvisning | None) -> Row:
    return {
        "kilde_dokument": ref.dokument if ref else None,
        "kilde_sted": ref.sted if ref else None,
    }


TILTAG_COLUMNS = (
    "id", "titel", "spor_id", "spor", "beskrivelse", "tidspunkt", "niveau", "ansvarlig",
    "bemaerkning", "planlagt_start", "planlagt_slut", "status", "begrundelse", "status_dato",
    "forventet_slut", "forventet_slut_dato", "faktisk_start",
    "faktisk_slut", "pejlemaerker", "anbefalinger", "moeder", "fortolkning", "kilde_dokument",
    "kilde_sted", "url",
)  # fmt: skip


def tiltag_rows(site: SiteData, base_url: str) -> list[Row]:
    rows = []
    for t in site.tiltag.tiltag:
        span = views.planned_span(t)
        entry = site.status_of(t.id)
        line = entry.line if entry else None
        expected = line.expected_end if line else None
        rows.append({
            "id": t.id, "titel": t.titel, "spor_id": t.spor, "spor": site.track(t.spor).titel,
            "beskrivelse": t.beskrivelse, "tidspunkt": t.tidspunkt, "niveau": t.niveau,
            "ansvarlig": t.ansvarlig, "bemaerkning": t.bemaerkning,
            "planlagt_start": span[0].isoformat() if span else None,
            "planlagt_slut": span[1].isoformat() if span and span[1] else None,
            "status": line.status.value if line else None,
            "begrundelse": line.begrundelse if line else None,
            "status_dato": entry.round.dato.isoformat() if entry else None,
            "forventet_slut": line.forventet_slut if line else None,
            "forventet_slut_dato": expected.end.isoformat() if expected and expected.end
            else None,
            "faktisk_start": t.faktisk_start.isoformat() if t.faktisk_start else None,
            "faktisk_slut": t.faktisk_slut.isoformat() if t.faktisk_slut else None,
            "pejlemaerker": _ids(t.pejlemaerker), "anbefalinger": _ids(t.anbefalinger),
            "moeder": _ids(t.moeder), "fortolkning": t.fortolkning, **_source(t.kilde),
            "url": base_url + views.initiative_url(t.id),
        })  # fmt: skip
    return rows


MILEPAEL_COLUMNS = (
    "tiltag_id", "tiltag", "type", "nr", "titel", "som_skrevet", "start", "slut", "loebende",
    "praecision", "url",
)  # fmt: skip


def milepael_rows(site: SiteData, base_url: str) -> list[Row]:
    """Every dated point of the plan: the periods and the milestones of each initiative."""
    rows: list[Row] = []
    for t in site.tiltag.tiltag:
        common: Row = {"tiltag_id": t.id, "tiltag": t.titel,
                       "url": base_url + views.initiative_url(t.id)}
        for nr, p in enumerate(t.perioder, 1):
            rows.append({**common, "type": "periode", "nr": nr, "titel": p.betegnelse,
                         "som_skrevet": p.tekst, **_span(p.period)})
        for nr, m in enumerate(t.milepaele, 1):
            rows.append({**common, "type": "milepæl", "nr": nr, "titel": m.titel,
                         "som_skrevet": m.dato, **_span(m.period)})
    return rows


SPOR_COLUMNS = ("id", "titel", "beskrivelse", "antal_tiltag", "kilde_dokument", "kilde_sted",
                "url")


def spor_rows(site: SiteData, base_url: str) -> list[Row]:
    return [{
        "id": s.id, "titel": s.titel, "beskrivelse": s.beskrivelse,
        "antal_tiltag": sum(1 for t in site.tiltag.tiltag if t.spor == s.id),
        **_source(s.kilde), "url": base_url + views.track_url(s.id),
    } for s in site.spor.spor]  # fmt: skip


MOEDE_COLUMNS = (
    "id", "type", "titel", "dato", "periode", "start", "slut", "udvalg", "sag", "resume",
    "indstilling_af", "fravaerende", "parter", "antal_bilag", "tiltag", "kilde_dokument",
    "kilde_sted", "url",
)  # fmt: skip


def moede_rows(site: SiteData, base_url: str) -> list[Row]:
    rows = []
    for m in site.moeder.moeder:
        span = _span(m.period)
        rows.append({
            "id": m.id, "type": m.type, "titel": m.titel,
            "dato": m.dato.isoformat() if m.dato else None, "periode": m.periode,
            "start": span["start"], "slut": span["slut"], "udvalg": _ids(m.udvalg), "sag": m.sag,
            "resume": m.resume, "indstilling_af": m.indstilling_af,
            "fravaerende": "; ".join(m.fravaerende), "parter": "; ".join(m.parter),
            "antal_bilag": len(m.bilag), "tiltag": _ids(m.tiltag), **_source(m.kilde),
            "url": base_url + views.meeting_url(m.id, site),
        })  # fmt: skip
    return rows


BESLUTNING_COLUMNS = ("moede_id", "dato", "sag", "udvalg", "del", "nr", "tekst", "bemaerkning")


def beslutning_rows(site: SiteData, base_url: str) -> list[Row]:
    """One row per numbered point of each meeting's indstilling and beslutning."""
    rows: list[Row] = []
    for m in site.moeder.moeder:
        common: Row = {"moede_id": m.id, "dato": m.dato.isoformat() if m.dato else None,
                       "sag": m.sag, "udvalg": _ids(m.udvalg)}
        for part, points in (("indstilling", m.indstilling), ("beslutning", m.beslutning)):
            rows.extend({**common, "del": part, "nr": p.nr, "tekst": p.tekst,
                         "bemaerkning": p.bemaerkning} for p in points)
    return rows


BILAG_COLUMNS = ("moede_id", "sag", "nr", "titel", "journalnr", "dokumentnr", "aabent")


def bilag_rows(site: SiteData, base_url: str) -> list[Row]:
    return [{"moede_id": m.id, "sag": m.sag, "nr": b.nr, "titel": b.titel,
             "journalnr": b.journalnr, "dokumentnr": b.dokumentnr, "aabent": b.aabent}
            for m in site.moeder.moeder for b in m.bilag]


STATUSRUNDE_COLUMNS = ("runde_dato", "moede_id", "tiltag_id", "tiltag", "status", "tekst",
                       "begrundelse", "forventet_slut", "kilde_dokument", "kilde_sted", "url")


def round_rows(site: SiteData, base_url: str,
               only: rounds.Statusrunde | None = None) -> list[Row]:
    """One row per initiative per round, newest round first (or of one round)."""
    chosen = [only] if only else list(reversed(site.statusrunder))
    return [{"runde_dato": r.dato.isoformat(), "moede_id": r.moede, "tiltag_id": line.tiltag,
             "tiltag": site.initiative(line.tiltag).titel, "status": line.status.value,
             "tekst": line.tekst, "begrundelse": line.begrundelse,
             "forventet_slut": line.forventet_slut, **_source(r.kilde),
             "url": base_url + rounds.round_url(r.dato)}
            for r in chosen for line in r.tiltag]


def round_json(site: SiteData, base_url: str) -> bytes:
    """statusrunder.json: the rows of statusrunder.csv grouped by round, newest first."""
    chosen = list(reversed(site.statusrunder))
    return _json_bytes({"statusrunder": [{
        "dato": r.dato.isoformat(), "moede": r.moede,
        "kilde": r.kilde.model_dump(mode="json") if r.kilde else None,
        "url": base_url + rounds.round_url(r.dato),
        "tiltag": [{"tiltag": line.tiltag, "titel": site.initiative(line.tiltag).titel,
                    **line.model_dump(mode="json", exclude={"tiltag"})} for line in r.tiltag],
    } for r in chosen]})


ORDLISTE_COLUMNS = ("id", "term", "fuld_form", "forklaring", "almen_forklaring", "varianter",
                    "kilde_dokument", "kilde_sted")


def ordliste_rows(site: SiteData, base_url: str) -> list[Row]:
    return [{"id": term.id, "term": term.term, "fuld_form": term.fuld_form,
             "forklaring": term.forklaring, "almen_forklaring": term.almen_forklaring,
             "varianter": "; ".join(term.varianter), **_source(term.kilde)}
            for term in site.ordliste.termer]


RowBuilder = Callable[[SiteData, str], list[Row]]
# file name -> (columns, rows). The Data page (docs/data.md) documents each of them.
CSV_FILES: dict[str, tuple[Sequence[str], RowBuilder]] = {
    "tiltag.csv": (TILTAG_COLUMNS, tiltag_rows),
    "milepaele.csv": (MILEPAEL_COLUMNS, milepael_rows),
    "spor.csv": (SPOR_COLUMNS, spor_rows),
    "moeder.csv": (MOEDE_COLUMNS, moede_rows),
    "beslutninger.csv": (BESLUTNING_COLUMNS, beslutning_rows),
    "bilag.csv": (BILAG_COLUMNS, bilag_rows),
    "statusrunder.csv": (STATUSRUNDE_COLUMNS, round_rows),
    "ordliste.csv": (ORDLISTE_COLUMNS, ordliste_rows),
}


def export_files(site: SiteData, base_url: str) -> dict[str, bytes]:
    """All open-data files by name (to be written under data/ in the site)."""
    files = {JSON_NAME: dataset_json(site), SCHEMA_NAME: schema_json(site)}
    for name, (columns, rows) in CSV_FILES.items():
        files[name] = csv_bytes(columns, rows(site, base_url))
    files["statusrunder.json"] = round_json(site, base_url)
    for r in site.statusrunder:  # each round on its own for a spreadsheet, linked from its page
        files[f"statusrunde-{r.dato.isoformat()}.csv"] = csv_bytes(
            STATUSRUNDE_COLUMNS, round_rows(site, base_url, r))
    return files

"""The data model: one pydantic root model per YAML file in data/.

Field names are the Danish keys editors type in YAML (ASCII spellings: ae/oe/aa), and every
field carries a Danish description, because the JSON Schemas generated from these models are
what editors see as hints in VS Code. Cross-references between files are checked after loading
(see validation.py), not here. No MkDocs import: this must outlive the theme.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from macros.data.periods import Period, PeriodError, parse_period

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description="Fast id med små bogstaver, tal og bindestreger, fx 'ansaettelse-fagchefer'. "
        "Bruges i sidens adresse: ændr det ikke, når det først er udgivet.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
ORDER_HINT = ("Pladsen på siden, når posterne står én fil pr. post (data/tiltag/, data/moeder/): "
              "lavest først, fx 10, 20, 30. En ny post mellem 30 og 40 får fx 35; uden nummer "
              "kommer den sidst.")


class Strict(BaseModel):
    # defer_build: a model's validator is built when first used, not at import; nested models
    # are then built once, inside their data file's root model (a third off the start-up).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              defer_build=True)


class Status(StrEnum):
    PLANLAGT = "planlagt"
    I_GANG = "i gang"
    LOEBENDE = "løbende"
    FORSINKET = "forsinket"
    UDSKUDT = "udskudt"
    AFSLUTTET = "afsluttet"


STATUS_DEFINITIONS: dict[Status, str] = {
    Status.PLANLAGT: "Tiltaget står i planen, men er ikke sat i gang endnu.",
    Status.I_GANG: "Arbejdet er sat i gang og følger planen.",
    Status.LOEBENDE: "Tiltaget er en fast, fortløbende opgave uden slutdato.",
    Status.FORSINKET: "Tiltaget er i gang eller skulle være afsluttet, men er bagud i forhold til "
    "planen. En begrundelse er påkrævet.",
    Status.UDSKUDT: "Tiltaget er bevidst skubbet til senere, fx på grund af ny lovgivning. "
    "En begrundelse er påkrævet.",
    Status.AFSLUTTET: "Tiltaget er gennemført.",
}
NEEDS_JUSTIFICATION = frozenset({Status.FORSINKET, Status.UDSKUDT})


class Kildehenvisning(Strict):
    """Where in the case documents a fact comes from."""

    dokument: Id = Field(description="Id på kildedokumentet i data/kilder.yml, fx 'sag-23-2079'.")
    sted: str | None = Field(
        default=None,
        description="Stedet på kildens side (/kilder/<id>/), som henvisningen fører til: en "
        "overskrift ('Baggrund'), et afsnit ('Baggrund, afsnit 2'), et punkt ('Indstilling punkt "
        "1', 'Beslutning punkt 2', 'Bilag 3') eller en tabelrække ('Organisering, række 1'). "
        "Flere steder adskilles med komma eller 'og'. Tjekket melder fejl, hvis stedet ikke "
        "findes.",
    )


class PeriodeTekst(Strict):
    """A planned period written the way planners write it, parsed at load time."""

    tekst: Text = Field(
        description="Perioden på dansk, fx '2. halvår 2023', 'uge 15 2023', "
        "'marts – september 2023', 'løbende fra 1. halvår 2023'."
    )
    betegnelse: str | None = Field(
        default=None, description="Hvad perioden dækker, fx 'Stillingsopslag'."
    )

    @field_validator("tekst")
    @classmethod
    def _readable(cls, value: str) -> str:
        try:
            parse_period(value)
        except PeriodError as error:
            raise ValueError(str(error)) from None
        return value

    @property
    def period(self) -> Period:
        return parse_period(self.tekst)


class Milepael(Strict):
    dato: Text = Field(description="Dato eller periode, fx '26. april 2023' eller 'uge 40 2023'.")
    titel: Text = Field(description="Hvad der sker, fx 'VPU behandler status'.")

    @field_validator("dato")
    @classmethod
    def _readable(cls, value: str) -> str:
        return PeriodeTekst._readable(value)

    @property
    def period(self) -> Period:
        return parse_period(self.dato)


class Tiltag(Strict):
    """One initiative: a row of the time and process plan."""

    id: Id
    titel: Text = Field(description="Tiltagets navn, kort (bruges som overskrift).")
    spor: Id = Field(description="Udviklingssporets id fra data/spor.yml.")
    beskrivelse: str | None = Field(
        default=None,
        description="Tiltaget præcis som det står i planen (kolonnen 'Tiltag'); tjekket "
        "sammenligner ord for ord med kildens række.",
    )
    tidspunkt: str | None = Field(
        default=None,
        description="Kolonnen 'Iværksættelse af tiltag' præcis som skrevet i planen; hver "
        "tidsangivelse i den skal tegnes under 'perioder' eller 'milepaele' eller forklares i "
        "'fortolkning'.",
    )
    niveau: str | None = Field(
        default=None, description="'centralt' eller 'decentralt', hvis planen siger det."
    )
    ansvarlig: str | None = Field(
        default=None, description="Hvem der er ansvarlig, præcis som i planens række (oftest "
        "kolonnen 'Centralt eller decentralt niveau')."
    )
    bemaerkning: str | None = Field(
        default=None, description="Øvrig tekst fra planens række, præcis som skrevet."
    )
    perioder: list[PeriodeTekst] = Field(default_factory=list)
    milepaele: list[Milepael] = Field(default_factory=list)
    faktisk_start: dt.date | None = None
    faktisk_slut: dt.date | None = None
    pejlemaerker: list[Id] = Field(default_factory=list)
    anbefalinger: list[Id] = Field(default_factory=list)
    moeder: list[Id] = Field(default_factory=list)
    kilde: Kildehenvisning
    fortolkning: str | None = Field(
        default=None, description="Hvor kilden er tvetydig: hvordan rækken er læst – og hvorfor "
        "en tidsangivelse i rækkens tekst ikke er tegnet (nævn den, som den står)."
    )
    raekkefoelge: int | None = Field(default=None, ge=1, description=ORDER_HINT)

    @field_validator("niveau")
    @classmethod
    def _level(cls, value: str | None) -> str | None:
        if value is not None and value not in ("centralt", "decentralt"):
            raise ValueError(f'niveau skal være "centralt" eller "decentralt", ikke "{value}"')
        return value


# An initiative's status lives in the status rounds (macros/data/rounds.py); older commits still
# carry it on the initiative, and the history drops these fields when it reads them.
RETIRED_TILTAG_FIELDS = ("status", "begrundelse", "statuslog")


class TiltagFil(Strict):
    tiltag: list[Tiltag]


class Spor(Strict):
    id: Id
    titel: Text
    beskrivelse: str | None = None
    kilde: Kildehenvisning


class Analyseforloeb(Strict):
    titel: Text
    kilde: Kildehenvisning


class SporFil(Strict):
    spor: list[Spor]
    analyseforloeb: list[Analyseforloeb] = Field(default_factory=list)


class Punkt(Strict):
    nr: int = Field(ge=1, description="Punktets nummer.")
    tekst: Text
    bemaerkning: str | None = None


class Bilag(Strict):
    nr: int = Field(ge=1)
    titel: Text = Field(description="Bilagets titel som i sagen.")
    journalnr: str = Field(pattern=r"^\d+/\d{2}$", description="Journalnummer, fx '99754/23'.")
    dokumentnr: str | None = Field(default=None, description="Dokumentnummer, fx '3524434'.")
    aabent: bool = Field(default=True, description="Om bilaget er åbent (offentligt).")
    tekst: str | None = Field(
        default=None,
        description="Bilagets officielle indhold, når det foreligger. Opfind det aldrig.",
    )


class Moede(Strict):
    """A meeting, a theme day or a political decision."""

    id: Id
    type: str = Field(description="fx 'beslutning', 'temadag', 'dialogmøde', 'høring'.")
    titel: Text
    dato: dt.date | None = Field(default=None, description="Datoen, skrevet ÅÅÅÅ-MM-DD.")
    periode: str | None = Field(
        default=None, description="Bruges når der ikke er en fast dato, fx 'efterår 2023'."
    )
    udvalg: list[Id] = Field(default_factory=list, description="Id'er fra data/ordliste.yml.")
    sag: str | None = Field(default=None, pattern=r"^\d{2}/\d+$", description="fx '23/2079'.")
    resume: str | None = None
    indstilling_af: str | None = None
    indstilling: list[Punkt] = Field(default_factory=list)
    beslutning: list[Punkt] = Field(default_factory=list)
    fravaerende: list[str] = Field(default_factory=list)
    bilag: list[Bilag] = Field(default_factory=list)
    parter: list[str] = Field(default_factory=list, description="Fx hvem der høres.")
    tiltag: list[Id] = Field(default_factory=list)
    kilde: Kildehenvisning
    raekkefoelge: int | None = Field(default=None, ge=1, description=ORDER_HINT)

    @field_validator("periode")
    @classmethod
    def _readable(cls, value: str | None) -> str | None:
        return None if value is None else PeriodeTekst._readable(value)

    @model_validator(mode="after")
    def _dated(self) -> Moede:
        if self.dato is None and self.periode is None:
            raise ValueError("angiv enten 'dato' eller 'periode'")
        return self

    @property
    def period(self) -> Period:
        if self.dato is not None:
            return parse_period(self.dato.isoformat())
        return parse_period(self.periode or "")


class MoedeFil(Strict):
    moeder: list[Moede]


class Fase(Strict):
    id: Id
    titel: Text
    periode: str | None = None
    periode_som_skrevet: Text
    beskrivelse: Text
    kilde: Kildehenvisning

    @field_validator("periode")
    @classmethod
    def _readable(cls, value: str | None) -> str | None:
        return None if value is None else PeriodeTekst._readable(value)


class FaseFil(Strict):
    faser: list[Fase]


class Anbefaling(Strict):
    id: Id
    afsender: str = Field(description="Hvem anbefalingen kommer fra, fx 'Komponent'.")
    titel: Text
    tekst: str | None = Field(
        default=None, description="Den officielle ordlyd. Udelad, hvis den ikke foreligger."
    )
    citat: bool = Field(default=False, description="Om teksten er et direkte citat.")
    kilde: Kildehenvisning


class AnbefalingFil(Strict):
    anbefalinger: list[Anbefaling]


class Pejlemaerke(Strict):
    id: Id
    titel: Text
    beskrivelse: str | None = None
    noegleord: list[str] = Field(default_factory=list)
    kilde: Kildehenvisning


class PejlemaerkeFil(Strict):
    pejlemaerker: list[Pejlemaerke] = Field(default_factory=list)


class Term(Strict):
    id: Id
    term: Text = Field(description="Ordet eller forkortelsen, som det står i teksten, fx 'VPU'.")
    fuld_form: str | None = Field(
        default=None, description="Det fulde navn, fx for en forkortelse."
    )
    forklaring: Text = Field(description="Forklaring i almindeligt dansk.")
    almen_forklaring: bool = Field(
        default=False,
        description="Sæt til true, når forklaringen ikke står i sagerne, men er almen viden.",
    )
    varianter: list[str] = Field(
        default_factory=list, description="Andre stavemåder, der også skal forklares."
    )
    kilde: Kildehenvisning | None = None


class OrdlisteFil(Strict):
    termer: list[Term]


class Kilde(Strict):
    id: Id
    fil: str | None = Field(
        default=None, min_length=1,
        description="Kildedokumentets oprindelige filnavn, fx '000_caf4917664b254be.txt'. "
        "Teksten ligger i data/kildetekster/<id>.txt. Udelad feltet for en kilde, der kun er en "
        "henvisning (ikke gengivet her endnu): så nævner henvisningerne dokumentet og siger, at "
        "det ikke er gengivet; henvisninger til steder i teksten tjekkes, når teksten lægges ind.")
    adresse: str | None = Field(
        default=None, pattern=r"^https?://\S+$",
        description="Den offentlige adresse, hvor dokumentet kan læses, fx referatet på "
        "kommunens hjemmeside (https://…).")
    titel: Text = Field(description="Dokumentets titel, som den står i kilden.")
    sag: str | None = Field(default=None, description="Sagsnummeret som i kilden, fx '23/2079'.")
    udvalg: str | None = None
    dato: dt.date | None = None
    beskrivelse: Text
    scannet: bool = Field(
        default=False,
        description="Sæt til true, når kilden er en scanning (OCR). Så ligger scanningen i "
        "data/kildetekster/<id>.scanning.txt, rettelserne i data/rettelser.yml, og den rettede "
        "tekst i data/kildetekster/<id>.txt.",
    )
    overskrifter: list[str] = Field(
        default_factory=list,
        description="Linjer i kildeteksten, der er overskrifter, præcis som skrevet (fx "
        "'Baggrund' eller 'Fraværende:'). De deler kildens side i afsnit, som kan citeres i "
        "'kilde.sted', fx 'Baggrund' eller 'Baggrund, afsnit 2'.",
    )


class KildeFil(Strict):
    kilder: list[Kilde]


class OrdRettelse(Strict):
    linje: int = Field(ge=1, description="Linjen i den scannede tekst, hvor ordet står.")
    scannet: Text = Field(description="Ordet, som scanningen læste det, fx 'Socialomradet'.")
    rettet: Text = Field(description="Ordet rettet, fx 'Socialområdet'. Ret kun fejllæste "
                         "bogstaver – aldrig ordlyden.")


class KildeRettelser(Strict):
    kilde: Id = Field(description="Id på den scannede kilde i data/kilder.yml.")
    ord: list[OrdRettelse] = Field(
        default_factory=list,
        description="Hver rettelse én gang, i linjeorden. Står det samme fejllæste ord flere "
        "gange på en linje, skrives rettelsen én gang pr. forekomst.",
    )


class RettelseFil(Strict):
    rettelser: list[KildeRettelser] = Field(
        default_factory=list, description="Rettelser af fejllæste bogstaver pr. scannet kilde."
    )


# data/<name>.yml -> root model. The order is the order problems are reported in.
DATA_FILES: dict[str, type[Strict]] = {
    "kilder": KildeFil,
    "rettelser": RettelseFil,
    "ordliste": OrdlisteFil,
    "spor": SporFil,
    "tiltag": TiltagFil,
    "moeder": MoedeFil,
    "faser": FaseFil,
    "anbefalinger": AnbefalingFil,
    "pejlemaerker": PejlemaerkeFil,
}


# Collections that may be split into one file per item, data/<name>/<id>.yml (the browser
# editor's folder collections): data file name -> (list field, item model). The loader reads the
# folder if it holds files, else the single file data/<name>.yml (old commits, scripts).
FOLDERS: dict[str, tuple[str, type[Strict]]] = {
    "tiltag": ("tiltag", Tiltag),
    "moeder": ("moeder", Moede),
}


def slug_ok(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None


def json_schema(model: type[Strict]) -> dict[str, Any]:
    schema = model.model_json_schema()
    # Class docstrings are notes for developers (English); editors see only the Danish
    # field descriptions.
    schema.pop("description", None)
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema

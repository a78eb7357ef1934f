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
        description="Fast id med små bogstaver, tal og bindestreger, fx 'faelles-handleplan'. "
        "Bruges i sidens adresse: ændr det ikke, når det først er udgivet.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
HTTPS_PATTERN = r"^https://\S+$"
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

    dokument: Id = Field(description="Id på kildedokumentet i data/kilder.yml, fx 'sag-24-1234'.")
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
    titel: Text = Field(description="Hvad der sker, fx 'Udvalget får status'.")

    @field_validator("dato")
    @classmethod
    def _readable(cls, value: str) -> str:
        return PeriodeTekst._readable(value)

    @property
    def period(self) -> Period:
        return parse_period(self.dato)


class IkkeTegnet(Strict):
    """A written date phrase deliberately left undrawn, with the reason."""

    tidsangivelse: Text = Field(
        description="Tidsangivelsen præcis som den står i rækkens tekst ('beskrivelse', "
        "'tidspunkt', 'ansvarlig' eller 'bemaerkning'), fx 'uge 40 2023'."
    )
    begrundelse: Text = Field(
        description="Hvorfor den ikke tegnes som periode eller milepæl, fx 'Datoen er sagens "
        "behandling, ikke tiltagets'."
    )


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
        "tidsangivelse i den skal tegnes under 'perioder' eller 'milepaele' eller stå under "
        "'ikke_tegnet' med en begrundelse.",
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
    perioder: list[PeriodeTekst] = Field(
        default_factory=list,
        description="Planens perioder, som de står i rækken (grundplanen). Hver skal ligge inden "
        "for en tidsangivelse i rækkens tekst; en forsinkelse meldes i statusrunden, ikke ved at "
        "flytte perioden.",
    )
    milepaele: list[Milepael] = Field(
        default_factory=list,
        description="Planens datoer, som de står i rækken. Hver skal ligge inden for en "
        "tidsangivelse i rækkens tekst.",
    )
    ikke_tegnet: list[IkkeTegnet] = Field(
        default_factory=list,
        description="Tidsangivelser i rækkens tekst, som bevidst ikke tegnes under 'perioder' "
        "eller 'milepaele', hver med sin begrundelse. Alle andre tidsangivelser i teksten skal "
        "dækkes af en periode eller milepæl – 'fortolkning' undskylder ingen.",
    )
    faktisk_start: dt.date | None = None
    faktisk_slut: dt.date | None = None
    pejlemaerker: list[Id] = Field(default_factory=list)
    anbefalinger: list[Id] = Field(default_factory=list)
    moeder: list[Id] = Field(default_factory=list)
    kilde: Kildehenvisning
    fortolkning: str | None = Field(
        default=None, description="Hvor kilden er tvetydig: hvordan rækken er læst, fx hvilket "
        "år en tidsangivelse uden årstal er læst med. En tidsangivelse, der ikke tegnes, skrives "
        "under 'ikke_tegnet'."
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
    journalnr: str = Field(pattern=r"^\d+/\d{2}$", description="Journalnummer, fx '12345/24'.")
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
    sag: str | None = Field(default=None, pattern=r"^\d{2}/\d+$", description="fx '24/1234'.")
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
    afsender: str = Field(description="Hvem anbefalingen kommer fra, fx 'Konsulenten'.")
    titel: Text
    tekst: str | None = Field(
        default=None, description="Den officielle ordlyd. Udelad, hvis den ikke foreligger."
    )
    citat: bool = Field(default=False, description="Om teksten er et direkte citat.")
    kilde: Kildehenvisning


class AnbefalingFil(Strict):
    # Optional, like pejlemaerker: the editor leaves an empty list out of the file it saves.
    anbefalinger: list[Anbefaling] = Field(default_factory=list)


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
    term: Text = Field(description="Ordet eller forkortelsen, som det står i teksten, fx 'KB'.")
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
    sag: str | None = Field(default=None, description="Sagsnummeret som i kilden, fx '24/1234'.")
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
    scannet: Text = Field(description="Ordet, som scanningen læste det, fx 'Omradet'.")
    rettet: Text = Field(description="Ordet rettet, fx 'Området'. Ret kun fejllæste "
                         "bogstaver – aldrig ordlyden.")


class KildeRettelser(Strict):
    kilde: Id = Field(description="Id på den scannede kilde i data/kilder.yml.")
    ord: list[OrdRettelse] = Field(
        default_factory=list,
        description="Hver rettelse én gang, i linjeorden. Står det samme fejllæste ord flere "
        "gange på en linje, skrives rettelsen én gang pr. forekomst.",
    )


class Afvigelse(Strict):
    """A quoted text the site shows deliberately unlike its source, with the reason."""

    kilde: Id = Field(description="Id på kilden i data/kilder.yml.")
    i_kilden: Text = Field(description="Teksten præcis som i kilden, fx "
                           "'Navn Navnesen(formand)'.")
    paa_siden: Text = Field(description="Teksten som siden gengiver den, fx "
                            "'Navn Navnesen (formand)'.")
    begrundelse: Text = Field(description="Hvorfor siden afviger fra kilden, fx 'Mellemrummet "
                              "før parentesen mangler i scanningen'. Ændr aldrig ordlyden.")


class RettelseFil(Strict):
    rettelser: list[KildeRettelser] = Field(
        default_factory=list, description="Rettelser af fejllæste bogstaver pr. scannet kilde."
    )
    afvigelser: list[Afvigelse] = Field(
        default_factory=list,
        description="Gengivne tekster (fx navne på fraværende), som bevidst står lidt anderledes "
        "end i kilden, hver med sin begrundelse. Tjekket sammenligner alle citerede navne og "
        "tekster med kilden; kun en afvigelse, der står her, godtages.",
    )


class Strategi(Strict):
    navn: Text = Field(description="Strategiens navn, som det står i sagerne og i sidens titel, "
                       "fx 'Strategi for Eksempelområdet'.")
    omraade: Text = Field(description="Det område, strategien gælder, fx 'Eksempelområdet'.")
    id: Id = Field(description="Fast id for strategien, fx 'strategi-eksempelomraadet'. Det står "
                   "i nyhedsfeeds' og kalenderes faste id'er, så abonnenter ikke får alt igen: "
                   "ændr det ikke, når siden først er udgivet.")


class Godkendelse(Strict):
    """The approval the status rhythm counts from while no status has been reported."""

    dato: dt.date = Field(description="Datoen, strategien blev godkendt (ÅÅÅÅ-MM-DD). Den "
                          "halvårlige status regnes herfra, indtil den første status foreligger.")
    af: Text = Field(description="Hvem der godkendte strategien, skrevet så det kan stå efter "
                     "'godkendelse i', fx 'udvalget'.")
    kilde: Kildehenvisning = Field(description="Hvor i sagsakterne godkendelsen står.")


class Statusbehandling(Strict):
    hvor: Text = Field(description="Hvor status på strategien behandles hvert halve år, skrevet så "
                       "det kan stå efter 'behandles i', fx 'udvalget og i ledergruppen'.")
    kilde: Kildehenvisning = Field(description="Hvor i sagsakterne det står.")


class Kontakt(Strict):
    """Optional: a field left out is left out of the footer (never shown as a placeholder)."""

    adresse: str | None = Field(default=None, min_length=1, description="Postadresse, fx "
                                "'Rådhusvej 1, 1234 Eksempelby'. Udelades i sidefoden, hvis "
                                "feltet er tomt.")
    telefon: str | None = Field(default=None, min_length=1, description="Telefonnummer, fx "
                                "'12 34 56 78'. Udelades i sidefoden, hvis feltet er tomt.")
    email: str | None = Field(default=None, pattern=EMAIL_PATTERN,
                              description="E-mailadresse, fx 'strategi@eksempel.dk'. Udelades "
                              "i sidefoden, hvis feltet er tomt.")

    @field_validator("adresse", "telefon", "email", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        # The browser editor saves a cleared field as "": that is a field not set, not an error.
        return None if isinstance(value, str) and not value.strip() else value

    def missing(self) -> list[str]:
        """The Danish names of the fields not set yet."""
        names = {"adresse": "adresse", "telefon": "telefon", "email": "e-mail"}
        return [label for name, label in names.items() if not getattr(self, name)]


class IdentitetFil(Strict):
    """Everything that makes the site this strategy's site: the engine reads it from here."""

    myndighed: Text = Field(description="Den myndighed, der udgiver strategien og siden, fx "
                            "'Eksempel Kommune'. Står i sidefoden, i feeds og i kalendere.")
    strategi: Strategi = Field(description="Strategiens navn, område og faste id.")
    godkendt: Godkendelse = Field(description="Hvornår og af hvem strategien blev godkendt.")
    statusbehandling: Statusbehandling = Field(description="Hvor den halvårlige status "
                                               "behandles.")
    kontakt: Kontakt = Field(default_factory=Kontakt, description="Myndighedens kontaktoplysninger "
                             "i sidefoden. Felter, der ikke er udfyldt, vises ikke; "
                             "'./dev check' minder om dem.")
    tilgaengelighedserklaering: str | None = Field(
        default=None, pattern=HTTPS_PATTERN,
        description="Adressen på sidens tilgængelighedserklæring i Digitaliseringsstyrelsens "
        "værktøj WAS, fx 'https://www.was.digst.dk/eksempel-dk'. Indtil den er udfyldt, siger "
        "siden om tilgængelighed, at erklæringen mangler, og /was fører dertil.")

    @field_validator("tilgaengelighedserklaering", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


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
    "identitet": IdentitetFil,
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

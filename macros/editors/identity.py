"""The editors' reminder of what the site's identity (data/identitet.yml) still lacks: contact
fields and the accessibility statement's address. Warnings, not errors: the site leaves an unset
field out rather than show a placeholder, so it may be published while the municipality has yet
to supply them."""

from __future__ import annotations

from macros.data.loading import SiteData
from macros.data.problems import Problem

FILE = "data/identitet.yml"
_CONTACT = {"adresse": "adressen", "telefon": "telefonnummeret", "email": "e-mailadressen"}


def identity_warnings(site: SiteData, site_name: str | None = None) -> list[Problem]:
    """What the identity lacks; and, given mkdocs.yml's site_name, whether the two names of the
    strategy (browser tab and search engines there, the pages here) have drifted apart."""
    identity = site.identity
    lines = site.lines.get("identitet", {})
    out = []
    if site_name is not None and site_name != identity.strategi.navn:
        out.append(Problem("mkdocs.yml", 1, "site_name",
                           f"sidens navn «{site_name}» er ikke strategiens navn «"
                           f"{identity.strategi.navn}» fra data/identitet.yml – ret det ene, så "
                           "de er ens"))
    for name, what in _CONTACT.items():
        if not getattr(identity.kontakt, name):
            line = lines.get(("kontakt", name)) or lines.get(("kontakt",)) or 1
            out.append(Problem(FILE, line, f"kontakt.{name}",
                               f"{what} er ikke udfyldt, så sidefoden viser den ikke – skriv "
                               "den, når kommunen har oplyst den"))
    if not identity.tilgaengelighedserklaering:
        out.append(Problem(FILE, lines.get(("tilgaengelighedserklaering",)) or 1,
                           "tilgaengelighedserklaering",
                           "adressen på tilgængelighedserklæringen i WAS er ikke udfyldt – siden "
                           "om tilgængelighed siger, at den mangler; skriv adressen, når "
                           "erklæringen er offentliggjort"))
    return out

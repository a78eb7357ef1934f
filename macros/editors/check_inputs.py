"""What the editors' check of docs/ (check.py) reads from data/: the pages a build generates
and the glossary's terms, and which data files it reads whole (the sources, their
transcriptions and corrections). Apart from check.py, so a build that reuses an earlier check
(macros/adapter/pages.py) can tell whether it may without importing the check itself.
"""

from __future__ import annotations

from macros.data.loading import SiteData

# Read whole by the check: a change to any of them is a change to what it checks against.
SOURCE_FILES = ("data/kilder.yml", "data/kildetekster", "data/rettelser.yml")


def generated_pages(site: SiteData | None) -> set[str] | None:
    """'tiltag/<id>.md', 'spor/<id>.md', 'kilder/<id>.md' and each round's page; None if
    unknown."""
    if site is not None:
        return ({f"tiltag/{t.id}.md" for t in site.tiltag.tiltag}
                | {f"spor/{s.id}.md" for s in site.spor.spor}
                | {f"kilder/{k.id}.md" for k in site.kilder.kilder}
                | {f"status/runder/{r.dato.isoformat()}.md" for r in site.statusrunder})
    return None


def glossary_forms(site: SiteData | None) -> frozenset[str] | None:
    if site is None:
        return None
    return frozenset(form for t in site.ordliste.termer for form in (t.term, *t.varianter))


def data_the_check_reads(site: SiteData) -> str:
    """The generated pages and glossary terms check_docs checks the pages against, as text: an
    earlier check of the same docs/ holds while these (and SOURCE_FILES) are the same, as they
    are after a changed title."""
    return "\n".join([*sorted(generated_pages(site) or ()), "",
                      *sorted(glossary_forms(site) or ())])

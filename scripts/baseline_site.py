"""The benchmark's baseline: a bare Material site with the same pages and text as ours.

`write_baseline(project, dest)` makes a plain MkDocs project in dest from the (synthetic) project:
the hand-written pages with their Jinja removed, and one plain Markdown page per initiative and
per track at the same addresses, holding the same text the generated pages show. mkdocs.yml keeps
the theme settings (language, fonts, palette, features), the Markdown extensions and the search
plugin of ours, but has no macros, hooks, custom_dir, extra CSS/JS or data.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


class Tagged:
    """A YAML value with a custom tag (!ENV, !!python/...), carried through unchanged."""

    def __init__(self, tag: str, node: yaml.Node, loader: yaml.SafeLoader) -> None:
        self.tag = tag
        if isinstance(node, yaml.ScalarNode):
            self.value: Any = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            self.value = loader.construct_sequence(node, deep=True)
        else:
            self.value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    return Tagged(node.tag, node, loader)


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct)
_Dumper.add_representer(Tagged, _represent)


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _filter_nav(nav: Any, docs: Path) -> Any:
    """The nav entries whose page exists in the baseline (generated-only pages are dropped)."""
    if isinstance(nav, list):
        kept = [e for e in (_filter_nav(item, docs) for item in nav) if e not in (None, [], {})]
        return kept
    if isinstance(nav, dict):
        out = {k: _filter_nav(v, docs) for k, v in nav.items()}
        return {k: v for k, v in out.items() if v not in (None, [], {})}
    if isinstance(nav, str):
        return nav if "://" in nav or (docs / nav).is_file() else None
    return None


def baseline_config(config: dict[str, Any], docs: Path) -> dict[str, Any]:
    theme = {k: v for k, v in config.get("theme", {}).items() if k != "custom_dir"}
    search = [p for p in config.get("plugins", [])
              if p == "search" or (isinstance(p, dict) and "search" in p)]
    out: dict[str, Any] = {key: config[key] for key in
                           ("site_name", "site_description", "site_author", "site_url",
                            "copyright", "markdown_extensions") if key in config}
    out.update(theme=theme, plugins=search or ["search"], strict=True,
               extra={"generator": False},
               # Links into pages only our site generates may dangle here; report, don't fail.
               validation={"omitted_files": "info", "absolute_links": "info",
                           "unrecognized_links": "info", "anchors": "info",
                           "not_found": "info"})
    if "nav" in config:
        out["nav"] = _filter_nav(config["nav"], docs)
    return out


def _initiative_page(t: dict[str, Any], track: str, meetings: list[dict[str, Any]]) -> str:
    lines = [f"# {t['titel']}", "", f"Et tiltag i sporet [{track}](../spor/{t['spor']}.md).", "",
             "## Fakta", ""]
    for label, key in (("Tiltag (som i planen)", "beskrivelse"), ("Iværksættelse", "tidspunkt"),
                       ("Niveau", "niveau"), ("Ansvarlig", "ansvarlig"),
                       ("Bemærkning", "bemaerkning"), ("Status", "status"),
                       ("Begrundelse", "begrundelse")):
        if t.get(key):
            lines += [f"**{label}:** {t[key]}", ""]
    lines += ["## Tidsplan", ""]
    lines += [f"- {p.get('betegnelse') or 'Periode'}: {p['tekst']}" for p in t.get("perioder", [])]
    lines += [f"- Milepæl: {m['titel']}: {m['dato']}" for m in t.get("milepaele", [])]
    lines += ["", "## Statuslog", ""]
    lines += [f"1. **{e['dato']}** – {e['status']}: {e['tekst']}" for e in t.get("statuslog", [])]
    lines += ["", "## Møder og beslutninger", ""]
    lines += [f"- {m.get('dato') or m.get('periode')}: {m['titel']}" for m in meetings]
    if t.get("fortolkning"):
        lines += ["", "!!! note \"Sådan er planens række læst\"", "", f"    {t['fortolkning']}"]
    lines += ["", f"Kilde: {t['kilde']['dokument']} – {t['kilde'].get('sted', '')}", ""]
    return "\n".join(lines)


def _track_page(track: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    lines = [f"# Spor: {track['titel']}", "", track.get("beskrivelse") or "", "",
             "## Tiltag i sporet", ""]
    lines += [f"- [{t['titel']}](../tiltag/{t['id']}.md) – {t.get('tidspunkt', '')} – "
              f"{t.get('status', 'ingen status')}" for t in rows]
    return "\n".join(lines) + "\n"


def write_baseline(project: Path, dest: Path) -> int:
    """Write the bare-Material project; returns the number of Markdown pages it has."""
    docs = dest / "docs"
    shutil.copytree(project / "docs", docs)
    for page in docs.rglob("*.md"):
        page.write_text(JINJA.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    data = project / "data"
    initiatives = _load(data / "tiltag.yml").get("tiltag", [])
    tracks = _load(data / "spor.yml").get("spor", [])
    meetings = _load(data / "moeder.yml").get("moeder", [])
    titles = {s["id"]: s["titel"] for s in tracks}
    by_initiative: dict[str, list[dict[str, Any]]] = {}
    for m in meetings:
        for ref in m.get("tiltag", []):
            by_initiative.setdefault(ref, []).append(m)
    (docs / "tiltag").mkdir(exist_ok=True)
    (docs / "spor").mkdir(exist_ok=True)
    for t in initiatives:
        page = _initiative_page(t, titles[t["spor"]], by_initiative.get(t["id"], []))
        (docs / "tiltag" / f"{t['id']}.md").write_text(page, encoding="utf-8")
    for s in tracks:
        rows = [t for t in initiatives if t["spor"] == s["id"]]
        (docs / "spor" / f"{s['id']}.md").write_text(_track_page(s, rows), encoding="utf-8")
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    out = baseline_config(config, docs)
    (dest / "mkdocs.yml").write_text(
        yaml.dump(out, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return sum(1 for _ in docs.rglob("*.md"))

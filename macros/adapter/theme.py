"""The theme's part of the adapter: render the parts of Material's pages that repeat unchanged
only once per build.

Material renders every part of every page anew, though most parts are the same HTML on many
pages: the palette switch and the search dialog on all pages, the scripts' configuration on all
pages at the same depth, and the navigation on every page outside it (one per initiative and
per track, pages 2..N of the overviews), where it marks nothing as current and differs only in
its relative links. At 1 000 initiatives that repetition was about half of Material's time.

The templates mark such a part with `{% call cached_fragment(key) %}…{% endcall %}`, where the
key holds everything the part's HTML depends on; None renders it as usual. Material's own
partials are reachable as "material/partials/…", so an override can wrap one without copying it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any

import material
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
)
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from mkdocs.utils import get_relative_url

MATERIAL_PREFIX = "material"


def _items(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or ())


def nav_key(page: Page | None, nav: Navigation, base_url: str) -> tuple[str, ...] | None:
    """What the navigation's HTML depends on: every link in it as seen from the page. None
    when an entry is current (the page is in the navigation, or under an entry, like a blog
    post), since the navigation then marks it and shows the page's contents."""
    if page is None or any(item.active for item in _items(nav.items)):
        return None
    targets = [item.url for item in _items(nav.items) if getattr(item, "url", None)]
    return ("nav", base_url, *(get_relative_url(url, page.url) for url in targets))


class FragmentCache:
    """Rendered fragments of one build, by key."""

    def __init__(self) -> None:
        self.html: dict[Hashable, str] = {}

    def __call__(self, key: Hashable | None, caller: Callable[[], str]) -> str:
        if key is None:
            return caller()
        if key not in self.html:
            self.html[key] = caller()
        return self.html[key]


def keep_compiled_templates(theme: Theme, compiled: Path) -> None:
    """Every Jinja environment of the theme (MkDocs makes one for every build, and Material's
    search and blog plugins their own) keeps its templates' compiled code in `compiled`, so
    no build compiles Material's templates again; Jinja compiles a template anew when its
    source changed. `theme` is this build's (MkDocs makes a new one for every build)."""
    compiled.mkdir(parents=True, exist_ok=True)
    cache = FileSystemBytecodeCache(str(compiled))
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = cache
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def prepare_templates(env: Environment) -> None:
    material_templates = Path(material.__file__).parent / "templates"
    env.loader = ChoiceLoader([
        env.loader,  # type: ignore[list-item]
        PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(material_templates)}),
    ])
    env.globals["cached_fragment"] = FragmentCache()  # fresh per build: `mkdocs serve` rebuilds
    env.globals["nav_key"] = nav_key

"""mkdocs-macros entry point (`module_name: macros` in mkdocs.yml): part of the adapter.

Registers every macro and variable of macros/views/macro_table.py. Each macro renders with the
build the `strategi` plugin holds (macros/adapter/plugin.py: data loaded once per build, the
build's date, history and HTML stash), so the plugin must be listed in mkdocs.yml.
"""

from __future__ import annotations

import functools
from typing import Any

from macros.views.macro_table import MACROS, VARIABLES, Macro
from macros.views.rendering import Renderer

PLUGIN = "strategi"


def define_env(env: Any) -> None:
    plugin = env.conf.plugins[PLUGIN]  # its on_config ran first (priority 100)

    def renderer() -> Renderer:
        return Renderer(plugin.build, env.page.url if env.page else "")

    def registered(macro: Macro, *args: Any, **kwargs: Any) -> str:
        return macro(renderer(), *args, **kwargs)

    for name, macro in MACROS.items():
        env.macro(functools.wraps(macro)(functools.partial(registered, macro)), name)
    for name, value in VARIABLES.items():
        env.variables[name] = value(plugin.build.site)

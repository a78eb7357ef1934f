"""What a strategy's mkdocs.yml need not say: the engine adds itself to the build.

A strategy is a folder (mkdocs.yml, docs/, data/) with the engine installed as a package. Its
mkdocs.yml names the `strategi` plugin and Material, not the engine's files: `add_engine`
puts the engine's theme folder (templates extending Material's, stylesheets and scripts) between
the strategy's own `custom_dir`, if any, and Material; adds the site's stylesheet and filter
script; the Markdown extension that labels table cells; and makes mkdocs-macros load the
engine's macros (`define_env` in macros/__init__.py) strictly – a macro error or an unknown name
fails the build, and only pages that ask for macros (`render_macros: true`) are rendered.
"""

from __future__ import annotations

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from macros.runtime.engine_files import theme_dir

STYLESHEET = "assets/stylesheets/site.css"
# defer: the script only enhances the filter form, so the browser need not wait for it to paint.
FILTER_SCRIPT = "assets/javascripts/filtre.js"
TABLE_LABELS = "macros.views.tablelabels"
MACRO_MODULE = "macros"
# mkdocs-macros' options the engine's pages depend on (README, "Kendte faldgruber").
STRICT_MACROS = {"on_error_fail": True, "on_undefined": "strict", "render_by_default": False}


def add_engine(config: MkDocsConfig) -> None:
    theme = str(theme_dir())
    dirs = config.theme.dirs
    if theme not in dirs:
        # After the strategy's own custom_dir (first when set), before Material's templates.
        dirs.insert(1 if config.theme.custom_dir else 0, theme)
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
    scripts = [s if isinstance(s, str) else s.path for s in config.extra_javascript]
    if FILTER_SCRIPT not in scripts:
        script = ExtraScriptValue(FILTER_SCRIPT)
        script.defer = True
        config.extra_javascript.append(script)
    if TABLE_LABELS not in config.markdown_extensions:
        config.markdown_extensions.append(TABLE_LABELS)
    macros = config.plugins.get("macros")
    if macros is None:
        raise Abort("mkdocs.yml: plugins: mangler 'macros' (mkdocs-macros-plugin) – motoren "
                    "laver sine tabeller og sider med den; skriv '- macros' før '- strategi'")
    options = macros.config
    if MACRO_MODULE not in options["modules"] and options["module_name"] != MACRO_MODULE:
        options["modules"].append(MACRO_MODULE)
    for option, value in STRICT_MACROS.items():
        options[option] = value

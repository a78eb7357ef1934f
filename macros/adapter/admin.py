"""The browser editor at /admin/ (Sveltia CMS; see macros/editors/cms_config.py).

`add_editor_files` serves the engine's editor pages (macros/editors/admin/: index.html,
redaktoer.js, forhaandsvisninger.js and config.yml, generated from the models) and Sveltia's
bundle from the editor's npm packages (in the wheel, or node_modules/ in the engine's own
repository: macros/runtime/engine_files.py) with the strings, chunk and fonts it would fetch from
CDNs, served from the site instead (macros/editors/bundle.py). It fills this build's
repository, address and news categories into admin/config.yml, with a new status round's rows
from the newest round (cms_build.round_starter), and writes admin/forhaandsvisning.css, which
gives the editor's previews Material's and the site's stylesheets under their fingerprinted
names. None of these are pages, so they are in neither the search index nor the sitemap.
"""

from __future__ import annotations

import functools
import pickle
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from macros.data.loading import SiteData
from macros.editors import bundle as bundle_module
from macros.editors.bundle import SCRIPT, BundleChanged, SelfHosted, self_hosted
from macros.editors.cms_build import for_site, round_starter
from macros.runtime.contentcache import ContentCache, code_digest, digest
from macros.runtime.engine_files import admin_dir, vendor_root

EDITOR_PAGES = ("index.html", "redaktoer.js", "forhaandsvisninger.js")
TITLE = "<title>Redaktør</title>"


@functools.lru_cache(maxsize=2)
def _self_hosted(project: Path, root: Path, installed: str) -> SelfHosted:
    """The rewritten bundle of the npm packages under `root`, once per installed bundle
    (`installed`: what it is made from), not on every rebuild of `mkdocs serve` nor, kept in the
    strategy's .cache/redaktoer/, in every new build process (reading and rewriting its 2 MB
    takes 60 ms or more)."""
    cache = ContentCache(project, "redaktoer", keep=2)
    kept = cache.read_bytes(installed)
    if kept is not None:
        try:
            found = pickle.loads(kept)
        except Exception:  # an entry from another version of the code: made again below
            found = None
        if isinstance(found, SelfHosted):
            return found
    made = self_hosted(root, (root / SCRIPT).read_text(encoding="utf-8"))
    cache.write_bytes(installed, pickle.dumps(made))
    return made


def _installed(root: Path) -> str:
    """What the rewritten bundle is made from: the installed packages (npm's record of them,
    and the bundle itself, by size and time) and the code that rewrites it."""
    def stamp(path: Path) -> str:
        stat = path.stat() if path.exists() else None
        return f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "-"

    return digest(stamp(root / SCRIPT), stamp(root / "node_modules" / ".package-lock.json"),
                  code_digest([Path(bundle_module.__file__), bundle_module.DANISH_ADDITIONS]))


def _blog_categories(config: MkDocsConfig) -> list[str]:
    blog = config.plugins.get("material/blog") or config.plugins.get("blog")
    return list(getattr(blog, "config", {}).get("categories_allowed") or []) if blog else []


def add_editor_files(files: Files, config: MkDocsConfig, site: SiteData) -> None:
    root = vendor_root()
    if not (root / SCRIPT).exists():
        raise Abort(f"Redaktøren (/admin/) mangler: {SCRIPT} findes ikke i {root} – kør "
                    "`npm ci` i motorens mappe, eller installér motoren som hjul.")
    try:
        bundle = _self_hosted(Path(config.config_file_path).parent, root, _installed(root))
    except BundleChanged as problem:
        raise Abort(f"Redaktøren (/admin/): {problem}.") from None
    for extra in bundle.files:
        if extra.source == SCRIPT:
            files.append(File.generated(config, extra.uri, content=bundle.script))
        elif extra.source is None:
            files.append(File.generated(config, extra.uri, content=extra.content or ""))
        else:
            files.append(File.generated(config, extra.uri, abs_src_path=str(root / extra.source)))
    for name in EDITOR_PAGES:
        if files.get_file_from_path(f"admin/{name}") is not None:
            continue  # a site may bring its own
        source = admin_dir() / name
        if name == "index.html":  # the browser's tab names the site, as the sign-in page does
            page = source.read_text(encoding="utf-8").replace(
                TITLE, f"<title>Redaktør – {escape(config.site_name)}</title>", 1)
            files.append(File.generated(config, "admin/index.html", content=page))
        else:
            files.append(File.generated(config, f"admin/{name}", abs_src_path=str(source)))
    text = (admin_dir() / "config.yml").read_text(encoding="utf-8")
    text = for_site(text, config.edit_uri or "", config.site_url or "", config.site_name)
    files.append(File.generated(config, "admin/config.yml",
                                content=round_starter(text, site, _blog_categories(config))))
    sheets = [f.src_uri for f in files
              if f.src_uri.startswith("assets/stylesheets/") and f.src_uri.endswith(".css")
              and not f.src_uri.endswith("print.css")]
    imports = "".join(f'@import url("../{uri}");\n' for uri in sorted(sheets))
    files.append(File.generated(config, "admin/forhaandsvisning.css", content=imports))

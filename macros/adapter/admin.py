"""The browser editor at /admin/ (Sveltia CMS; see macros/editors/cms_config.py).

`add_editor_files` adds Sveltia's bundle from node_modules (installed by `npm ci`; never
committed) with the strings, chunk and fonts it would fetch from CDNs, served from the site
instead (macros/editors/bundle.py), fills this build's repository and address into
admin/config.yml, with a new status round's rows from the newest round
(cms_build.round_starter), and writes admin/forhaandsvisning.css, which gives the editor's
previews Material's and the site's stylesheets under their fingerprinted names.
admin/index.html and admin/config.yml are plain files in docs/admin/: MkDocs copies them, and
they are not pages, so they are in neither the search index nor the sitemap.
"""

from __future__ import annotations

import functools
import pickle
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from macros.data.loading import SiteData
from macros.editors import bundle as bundle_module
from macros.editors.bundle import SCRIPT, BundleChanged, SelfHosted, self_hosted
from macros.editors.cms_build import for_site, round_starter
from macros.runtime.contentcache import ContentCache, code_digest, digest


@functools.lru_cache(maxsize=2)
def _self_hosted(root: Path, installed: str) -> SelfHosted:
    """The rewritten bundle, once per installed bundle (`installed`: what it is made from), not
    on every rebuild of `mkdocs serve` nor, kept in .cache/redaktoer/, in every new build
    process (reading and rewriting its 2 MB takes 60 ms or more)."""
    cache = ContentCache(root, "redaktoer", keep=2)
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


def add_editor_files(files: Files, config: MkDocsConfig, site: SiteData) -> None:
    root = Path(config.config_file_path).parent
    if not (root / SCRIPT).exists():
        raise Abort(f"Redaktøren (/admin/) mangler: {SCRIPT} findes ikke – kør `npm ci` i "
                    "projektets mappe (./dev build og ./dev test gør det selv).")
    try:
        bundle = _self_hosted(root, _installed(root))
    except BundleChanged as problem:
        raise Abort(f"Redaktøren (/admin/): {problem}.") from None
    for extra in bundle.files:
        if extra.source == SCRIPT:
            files.append(File.generated(config, extra.uri, content=bundle.script))
        elif extra.source is None:
            files.append(File.generated(config, extra.uri, content=extra.content or ""))
        else:
            files.append(File.generated(config, extra.uri, abs_src_path=str(root / extra.source)))
    committed = files.get_file_from_path("admin/config.yml")
    if committed is not None:
        files.remove(committed)
        text = Path(committed.abs_src_path or "").read_text(encoding="utf-8")
        text = for_site(text, config.edit_uri or "", config.site_url or "", config.site_name)
        files.append(File.generated(config, "admin/config.yml",
                                    content=round_starter(text, site)))
    sheets = [f.src_uri for f in files
              if f.src_uri.startswith("assets/stylesheets/") and f.src_uri.endswith(".css")
              and not f.src_uri.endswith("print.css")]
    imports = "".join(f'@import url("../{uri}");\n' for uri in sorted(sheets))
    files.append(File.generated(config, "admin/forhaandsvisning.css", content=imports))

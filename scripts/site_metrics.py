"""Size measures of a built site: total size, largest page, search index, first-visit bytes.

First-visit bytes are what a browser with an empty cache transfers for one page: the HTML plus
every same-origin stylesheet, script, icon, image and font it references (link, script, img,
source; and url() inside the referenced CSS), each gzip-compressed as a web server would send it.
The search worker and index, which Material's bundle fetches right after load, are counted apart.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon", "manifest"}
SEARCH_WORKER = re.compile(r'"search"\s*:\s*"([^"]+)"')


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass(frozen=True)
class SiteSizes:
    total_bytes: int
    html_pages: int
    largest_page: str
    largest_page_bytes: int
    pages_over_limit: tuple[str, ...]
    search_index_bytes: int
    search_index_gzip: int


def site_sizes(site: Path, page_limit: int) -> SiteSizes:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in files
                    if p.suffix == ".html"), reverse=True)
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    return SiteSizes(
        total_bytes=sum(p.stat().st_size for p in files),
        html_pages=len(pages),
        largest_page=pages[0][1] if pages else "",
        largest_page_bytes=pages[0][0] if pages else 0,
        pages_over_limit=tuple(name for size, name in pages if size > page_limit),
        search_index_bytes=len(raw),
        search_index_gzip=gzip_size(raw) if raw else 0,
    )


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and LINK_RELS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        elif tag in ("script", "img", "source", "audio", "video", "iframe", "embed"):
            self.urls.append(a.get("src", ""))
            self.urls.extend(part.split()[0] for part in a.get("srcset", "").split(",")
                             if part.strip())
        if tag == "video" and a.get("poster"):
            self.urls.append(a["poster"])


def _local(site: Path, base: str, url: str) -> Path | None:
    """The file a same-origin reference points at (None for other origins, data: or missing)."""
    parts = urlsplit(url)
    if not url or parts.scheme or parts.netloc or url.startswith(("#", "data:")):
        return None
    path = parts.path if parts.path.startswith("/") else posixpath.join(base, parts.path)
    path = posixpath.normpath(unquote(path)).lstrip("/")
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


@dataclass(frozen=True)
class FirstVisit:
    page_gzip: int  # HTML + referenced assets, gzip
    requests: int
    search_gzip: int  # search worker + search index, fetched by the bundle after load


def first_visit(site: Path, page: str) -> FirstVisit:
    """Bytes for a first visit to page ('index.html', 'tiltag/x/index.html')."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    base = posixpath.dirname(page)
    parser = _References()
    parser.feed(html)
    seen: set[Path] = {html_path}
    total = gzip_size(html.encode("utf-8"))
    queue = [(base, u) for u in parser.urls]
    while queue:
        ref_base, url = queue.pop()
        target = _local(site, ref_base, url)
        if target is None or target in seen:
            continue
        seen.add(target)
        data = target.read_bytes()
        total += gzip_size(data)
        if target.suffix == ".css":
            css_base = target.parent.relative_to(site).as_posix()
            queue += [(css_base, u) for u in CSS_URL.findall(data.decode("utf-8", "replace"))]
    search = 0
    worker = SEARCH_WORKER.search(html)
    index = site / "search" / "search_index.json"
    if worker:
        found = _local(site, "", worker.group(1))
        search += gzip_size(found.read_bytes()) if found else 0
        search += gzip_size(index.read_bytes()) if index.exists() else 0
    return FirstVisit(total, len(seen), search)

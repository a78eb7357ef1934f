"""The browser editor on a temporary clone: the clone built strictly and served on loopback, and
Sveltia CMS's local mode («Arbejd med lokalt repository») working on the clone's files.

Sveltia's local mode reads and writes a folder through the browser's File System Access API:
`showDirectoryPicker()` asks the person for the repository's folder. A test cannot click a
native folder dialog, so the picker is replaced by the origin-private file system (a real
FileSystemDirectoryHandle in Chromium): `open_editor` copies the files the editor's collections
read into it, and `saved_file` copies a file the editor wrote back into the clone, where the
test reads it and builds the clone again. Everything else is the editor as a person uses it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import build_site, copy_project, serve_folder

# What the collections in docs/admin/config.yml read: the data files and the Markdown pages.
EDITED = (("data", "*.yml"), ("docs", "*.md"))

PICKER = """
window.showDirectoryPicker = async () => navigator.storage.getDirectory();
"""

WRITE = """async (files) => {
  const root = await navigator.storage.getDirectory();
  await root.getDirectoryHandle('.git', {create: true});  // the editor checks for a repository
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""

# A file being written can vanish for a moment (the editor writes a new one and swaps it in);
# the caller asks again.
LIST = """async (folder) => {
  const out = {};
  try {
    let dir = await navigator.storage.getDirectory();
    for (const part of folder.split('/')) dir = await dir.getDirectoryHandle(part);
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'file') out[name] = await (await handle.getFile()).text();
    }
  } catch (error) { return {}; }
  return out;
}"""


@dataclass
class Editor:
    """A clone with its built site on loopback."""

    project: Path
    site: Path
    url: str  # the site's root URL
    requests: list[str] = field(default_factory=list)

    def build(self) -> Any:
        return build_site(self.project, self.site, site_url=self.url)

    def files(self) -> dict[str, str]:
        out = {}
        for top, pattern in EDITED:
            for path in sorted((self.project / top).rglob(pattern)):
                out[path.relative_to(self.project).as_posix()] = path.read_text("utf-8")
        return out


@contextmanager
def editor_on_clone(tmp: Path, prepare: Callable[[Path], object] | None = None
                    ) -> Iterator[Editor]:
    """`prepare` changes the clone before it is built (scripts/editor_benchmark.py)."""
    project = copy_project(tmp / "klon")
    if prepare is not None:
        prepare(project)
    site = tmp / "site"
    site.mkdir()
    with serve_folder(site, site / "404.html") as port:
        editor = Editor(project, site, f"http://127.0.0.1:{port}/")
        result = editor.build()
        assert result.returncode == 0, result.stdout + result.stderr
        yield editor


def new_context(browser: Any, editor: Editor, width: int = 1280, height: int = 900) -> Any:
    """A browser context whose folder picker gives the origin-private file system, recording
    every request (tests assert that none leaves loopback). A phone at widths under 500."""
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK",
                                  is_mobile=phone, has_touch=phone)
    context.add_init_script(PICKER)
    context.on("request", lambda request: editor.requests.append(request.url))
    return context


def open_editor(page: Any, editor: Editor, route: str = "") -> None:
    """The clone's files in the browser's folder, then «Arbejd med lokalt repository»."""
    page.goto(editor.url + "admin/")
    page.evaluate(WRITE, editor.files())
    page.reload()
    page.get_by_role("button", name="Arbejd med lokalt repository").click()
    page.get_by_text("Samlinger").first.wait_for()
    if route:
        page.goto(editor.url + "admin/" + route)


def saved_files(page: Any, folder: str) -> dict[str, str]:
    """The files the editor has in `folder` (relative to the repository), by name."""
    return dict(page.evaluate(LIST, folder))


def saved_file(page: Any, editor: Editor, rel: str, before: str | None = None,
               timeout: float = 15) -> str:
    """The text the editor wrote to `rel` (once it differs from `before`), copied into the
    clone so the test can read and build it."""
    folder, name = rel.rsplit("/", 1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = saved_files(page, folder).get(name)
        if text is not None and text != before:
            (editor.project / rel).write_text(text, encoding="utf-8")
            return text
        time.sleep(0.2)
    raise AssertionError(f"{rel} blev ikke gemt")


# The rows of a form's lists, without the rows of lists inside them.
ROWS = ".item-wrapper:not(.item-wrapper .item-wrapper)"


def _drawn(page: Any, found: Any, scroll: Any, what: str) -> None:
    """Scroll with `scroll` until `found` is in the page: the editor draws a long form's fields
    and a list's rows only as they come into view, and what it draws above pushes the rest
    down."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if found.count():
            return
        scroll()
        page.wait_for_timeout(100)
    raise AssertionError(f"{what} blev ikke vist")


def row(page: Any, index: int) -> Any:
    """Row `index` of a list in the form, scrolled into view with its fields drawn."""
    item = page.locator(ROWS).nth(index)
    center = "element => element.scrollIntoView({block: 'center'})"
    item.evaluate(center)
    _drawn(page, item.get_by_role("combobox").or_(item.get_by_role("textbox")),
           lambda: item.evaluate(center), f"række {index}")
    return item


def field(page: Any, label: str) -> Any:
    """The form's field `label`, scrolled into view (the form scrolled down until it is
    drawn)."""
    found = page.get_by_role("group", name=f"Feltet ”\u2068{label}\u2069”", exact=True)
    drawn = page.locator("[role=group][aria-label^='Feltet']")
    _drawn(page, found, lambda: drawn.last.evaluate(
        "element => element.scrollIntoView({block: 'start'})"), f"feltet {label}")
    found.first.scroll_into_view_if_needed()
    return found.first


def choose(page: Any, scope: Any, label: str, option: str) -> None:
    """Pick an option in one of the editor's select boxes by its label."""
    scope.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def save(page: Any) -> None:
    page.get_by_role("button", name="Gem", exact=True).click()

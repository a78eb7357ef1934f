"""The browser editor on a temporary clone: the clone built strictly, served on loopback, and
Decap's local backend (`decap-server`, npm) writing into the clone's files.

decap-server's "fs" mode writes straight into the clone's working tree (Decap then publishes
without the editorial workflow: it says so in the console and needs no Git branches), which is
what lets a test read the saved file and build the clone again.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from tests.conftest import ROOT, build_site, copy_project

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Editor:
    """A clone with its built site and the editor's backend, both on loopback."""

    project: Path
    site: Path
    url: str  # the site's root URL
    requests: list[str] = field(default_factory=list)

    def build(self) -> subprocess.CompletedProcess[str]:
        result = build_site(self.project, self.site, site_url=self.url)
        _point_at_backend(self.site, self.backend_port)
        return result

    backend_port: int = 0


def _point_at_backend(site: Path, port: int) -> None:
    """The committed config says `local_backend: true` (decap-server's default port 8081);
    the test's backend runs on a free port."""
    config = site / "admin" / "config.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nlocal_backend: true\n", "\nlocal_backend:\n  url: "
                                   f"http://127.0.0.1:{port}/api/v1\n"), encoding="utf-8")


def _serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map: ClassVar[dict[str, str]] = {
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".yml": "text/yaml", ".js": "text/javascript", ".wasm": "application/wasm"}

        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, int(server.server_address[1])


@contextmanager
def editor_on_clone(tmp: Path, prepare: Callable[[Path], object] | None = None
                    ) -> Iterator[Editor]:
    """`prepare` changes the clone before it is built (scripts/editor_benchmark.py)."""
    project = copy_project(tmp / "klon")
    if prepare is not None:
        prepare(project)
    site = tmp / "site"
    site.mkdir()
    server, port = _serve(site)
    backend_port = free_port()
    editor = Editor(project, site, f"http://127.0.0.1:{port}/", backend_port=backend_port)
    result = editor.build()
    assert result.returncode == 0, result.stdout + result.stderr
    env = {**os.environ, "PORT": str(backend_port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(project), "LOG_LEVEL": "warn"}
    backend = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", backend_port)) == 0:
                    break
            time.sleep(0.1)
        else:
            raise AssertionError("decap-server startede ikke")
        yield editor
    finally:
        backend.terminate()
        backend.wait(timeout=10)
        server.shutdown()


def log_in(page: object, editor: Editor, route: str = "") -> None:
    page.goto(editor.url + "admin/" + route)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_text("Samlinger").or_(page.get_by_text("Skriver til")).first.wait_for()


def choose(page: object, label: str, option: str) -> None:
    """Pick an option in one of Decap's select boxes (react-select) by its label."""
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def publish(page: object) -> None:
    """Save in the local backend: "Publicer" -> "Publicer nu"."""
    page.get_by_role("button", name="Publicer", exact=True).click()
    page.get_by_text("Publicer nu", exact=True).click()

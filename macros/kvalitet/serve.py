"""Serve a folder on a free localhost port, as GitHub Pages would: a missing file is answered
with the site's own 404 page. `python -m macros.kvalitet.serve FOLDER NOT_FOUND_PAGE` prints the
port on its first line and serves until stopped.

A process of its own (plugin.serve_folder starts it): in a thread of the test process, every
file the browser asked for waited for the interpreter lock while a test parsed pages.
"""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    not_found_page: Path

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        if code == 404 and self.not_found_page.exists():
            body = self.not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def main(folder: str, not_found_page: str) -> None:
    handler = type("Handler", (SiteRequestHandler,), {"not_found_page": Path(not_found_page)})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=folder))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

"""Preview responsiveness: seconds from saving an initiative's file until the preview shows it.

Starts `strategi preview` (`mkdocs serve --strict --dirty`, as `./dev preview` does) in a
project copy on a free localhost port, waits until it answers, then changes one initiative's
title and polls that initiative's page over HTTP until the new title is served. Every wait is
bounded; the server is always stopped.
"""

from __future__ import annotations

import html
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

START_TIMEOUT = 600.0
CHANGE_TIMEOUT = 300.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, needle: str | None, timeout: float, server: subprocess.Popen[bytes],
              ) -> float:
    """Seconds until url answers (and contains needle); raises TimeoutError or RuntimeError."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode})")
        body = _get(url)
        if body is not None and (needle is None or needle in body):
            return time.perf_counter() - start
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show the change within {timeout:.0f} s")


def _file_of(project: Path, initiative_id: str) -> Path:
    """The initiative's own file (data/tiltag/<id>.yml), or the single data/tiltag.yml."""
    own = project / "data" / "tiltag" / f"{initiative_id}.yml"
    return own if own.exists() else project / "data" / "tiltag.yml"


def _last_initiative(project: Path) -> str:
    folder = project / "data" / "tiltag"
    if folder.is_dir():
        items = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yml")]
        return max(items, key=lambda i: i.get("raekkefoelge") or 0)["id"]
    data = yaml.safe_load((project / "data" / "tiltag.yml").read_text(encoding="utf-8"))
    return data["tiltag"][-1]["id"]


def _retitled(project: Path, initiative_id: str, title: str) -> str:
    """The text of the initiative's file with its title changed."""
    data = yaml.safe_load(_file_of(project, initiative_id).read_text(encoding="utf-8"))
    for item in data.get("tiltag", [data]):
        if item["id"] == initiative_id:
            item["titel"] = title
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def preview_latency(project: Path, env: dict[str, str], edits: int = 3) -> list[float]:
    """Seconds per edit until the served initiative page shows the new title."""
    initiative = _last_initiative(project)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (project / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "macros.cli.main", "preview", ".", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**env, "SITE_URL": base}, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(base + f"tiltag/{initiative}/", None, START_TIMEOUT, server)
        times = []
        for edit in range(1, edits + 1):
            title = f"Ændret titel {edit} til måling af forhåndsvisning"
            time.sleep(1.0)  # let the watcher settle after the previous build
            text = _retitled(project, initiative, title)
            start = time.perf_counter()
            _file_of(project, initiative).write_text(text, encoding="utf-8")
            _wait_for(base + f"tiltag/{initiative}/", html.escape(title), CHANGE_TIMEOUT, server)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        log.close()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


if __name__ == "__main__":
    print(preview_latency(Path(sys.argv[1]), dict(os.environ)))

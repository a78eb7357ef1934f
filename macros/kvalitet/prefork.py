"""`python -m MODULE ARGS` for the tests, run in a fork of a process that has imported what the
last such run imported: a build then starts at once, instead of first importing MkDocs,
Material, the engine and pydantic's models in a fresh interpreter, as each of a session's
forty-odd builds did (half a second of CPU or more each).

`Forks()` starts `python -m macros.kvalitet.prefork` and sends it one job per line (JSON: module,
arguments, folder, environment, output files). For each job the server forks. The child takes
the job's folder, environment and arguments, puts the folder first on sys.path as `python -m`
does, runs the module as __main__ with its output in the two files, runs the exit handlers and
exits with the module's exit code. Afterwards the server imports every module the child had
imported that it lacks, except those from the job's folder: the next child starts with them.

The server runs no thread of its own, so a fork copies all of it. A child starts from the state
a fresh interpreter has after those imports; no build or check runs in the server itself. It
imports by name only what a child imported: it knows no MkDocs.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import runpy
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Any


def _exit_code(code: object) -> int:
    """What a process exits with for `sys.exit(code)`."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _child(job: dict[str, Any], imported: str) -> int:
    os.chdir(job["cwd"])
    os.environ.clear()
    os.environ.update(job["env"])
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY),
                            (1, job["stdout"], os.O_WRONLY | os.O_TRUNC),
                            (2, job["stderr"], os.O_WRONLY | os.O_TRUNC)):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = open(0, encoding=sys.stdin.encoding, closefd=False)  # noqa: SIM115
    sys.argv = [job["module"], *job["args"]]
    sys.path[0] = job["cwd"]  # as `python -m` puts the working folder first
    try:
        runpy.run_module(job["module"], run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit.code)
    except BaseException:
        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()  # what the interpreter's exit would run; os._exit runs nothing
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    with contextlib.suppress(OSError):
        Path(imported).write_text("\n".join(_installed_modules(job["cwd"])), encoding="utf-8")
    return code


def _installed_modules(folder: str) -> list[str]:
    """The modules imported, except those from the job's folder (a strategy's own Python, which
    another strategy's build must import afresh from its own folder)."""
    inside = os.path.join(os.path.realpath(folder), "")
    return [name for name, module in list(sys.modules.items())
            if not os.path.realpath(getattr(module, "__file__", None) or "/").startswith(inside)]


def _import(names: list[str]) -> None:
    """Import in this process what a child imported, each module by its name, where it can."""
    for name in names:
        if name in sys.modules or name.startswith("__"):
            continue
        with contextlib.suppress(BaseException):
            importlib.import_module(name)


def serve() -> None:
    """Run the jobs read from stdin, one at a time, answering each with its exit code."""
    protocol = sys.stdout
    for line in sys.stdin:
        job = json.loads(line)
        imported = job["stdout"] + ".modules"
        protocol.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 70  # EX_SOFTWARE: the job could not even start
            try:
                code = _child(job, imported)
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        protocol.write(json.dumps({"code": os.waitstatus_to_exitcode(status)}) + "\n")
        protocol.flush()
        with contextlib.suppress(OSError):
            _import(Path(imported).read_text(encoding="utf-8").splitlines())
            os.unlink(imported)


class Forks:
    """The client: `run(module, args, cwd, env)` as `subprocess.run([sys.executable, "-m",
    module, *args], cwd=cwd, env=env, capture_output=True, text=True)` would return it. One
    job at a time (a lock), from any thread."""

    def __init__(self) -> None:
        self._server: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._folder = tempfile.TemporaryDirectory(prefix="prefork-")

    def _started(self) -> subprocess.Popen[str]:
        if self._server is None or self._server.poll() is not None:
            self._server = subprocess.Popen(
                [sys.executable, "-m", "macros.kvalitet.prefork"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, text=True, encoding="utf-8",
                cwd=self._folder.name)  # a folder of no strategy: no module of one on its path
        return self._server

    def run(self, module: str, args: list[str], cwd: Path,
            env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        with self._lock:
            server = self._started()
            assert server.stdin is not None and server.stdout is not None
            out, err = (Path(self._folder.name) / name for name in ("stdout", "stderr"))
            out.write_bytes(b"")
            err.write_bytes(b"")
            job = {"module": module, "args": args, "cwd": str(cwd), "env": env,
                   "stdout": str(out), "stderr": str(err)}
            server.stdin.write(json.dumps(job) + "\n")
            server.stdin.flush()
            answer = server.stdout.readline()
            if not answer:
                raise RuntimeError(f"the fork server stopped (exit {server.wait()})")
            code = json.loads(answer)["code"]
            return subprocess.CompletedProcess(
                [sys.executable, "-m", module, *args], code,
                out.read_text(encoding="utf-8", errors="replace"),
                err.read_text(encoding="utf-8", errors="replace"))

    def close(self) -> None:
        if self._server is not None:
            assert self._server.stdin is not None
            self._server.stdin.close()
            self._server.wait(timeout=30)
            self._server = None
        self._folder.cleanup()


if __name__ == "__main__":
    serve()

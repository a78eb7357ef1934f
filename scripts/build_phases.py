"""Where one `mkdocs build --strict` spends its time, by phase.

    .venv/bin/python scripts/build_phases.py [PROJECT] [--site-dir DIR] [--serve]

Runs one build in this process (in PROJECT, default the project itself) with a clock around
MkDocs' plugin events (per event and plugin), the Markdown conversion of each page, the theme's
page templates and the start-up (imports and reading mkdocs.yml). Each phase's time is its own:
time spent in a phase nested inside another (a Jinja template a macro renders, say) counts for
the inner phase only. What no phase holds is MkDocs' own work (finding and copying files, the
nav, writing pages). Prints one line per phase, largest first, with its share. The build runs as
it would from the command line, except that the clock adds a little to each call it times.
With --serve it times a rebuild of `strategi preview` (`mkdocs serve --dirty`) instead: one
build as the server's first,
then one initiative's title changed in its data file (PROJECT should be a copy) and the
rebuild the server would make, in the same process, timed (with FASER_PROFIL=<file>, its
cProfile statistics are written there).
Used by scripts/benchmark.py for its phase table; not part of the test run.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    """Exclusive time per phase: a nested phase's time is taken off the phase around it."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self._stack: list[list[Any]] = []  # [phase, start, time of nested phases]

    def timed(self, phase: str | Callable[..., str],
              func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            name = phase(*args, **kwargs) if callable(phase) else phase
            self._stack.append([name, time.perf_counter(), 0.0])
            try:
                return func(*args, **kwargs)
            finally:
                name, start, nested = self._stack.pop()
                total = time.perf_counter() - start
                self.spent[name] += total - nested
                if self._stack:
                    self._stack[-1][2] += total
        return wrapper


def _instrument(clock: Clock) -> None:
    import jinja2
    from mkdocs import plugins
    from mkdocs.commands import build
    from mkdocs.structure.pages import Page

    run_event = plugins.PluginCollection.run_event

    def event_runner(collection: plugins.PluginCollection, name: str, item: Any = None,
                     **kwargs: Any) -> Any:
        # Time each plugin's method of the event on its own.
        for method in collection.events[name]:
            if not getattr(method, "_timed", False):
                owner = getattr(method, "__self__", None)
                label = f"{name}: {type(owner).__name__ if owner else method.__qualname__}"
                timed = clock.timed(label, method)
                timed._timed = True  # type: ignore[attr-defined]
                index = collection.events[name].index(method)
                collection.events[name][index] = timed
                # MkDocs names the plugin running an event from this map (File.generated
                # records it; the preview's rebuilds tell the engine's pages by it).
                origin = collection._event_origins.get(method)
                if origin is not None:
                    collection._event_origins[timed] = origin
        return run_event(collection, name, item, **kwargs)

    plugins.PluginCollection.run_event = event_runner  # type: ignore[method-assign]
    Page.render = clock.timed("Markdown → HTML (MkDocs)", Page.render)  # type: ignore[method-assign]
    render = jinja2.Template.render

    def template_render(template: jinja2.Template, *args: Any, **kwargs: Any) -> Any:
        # Only the theme's own page templates: a template a plugin renders counts for the plugin.
        if clock._stack and clock._stack[-1][0] != "theme templates":
            return render(template, *args, **kwargs)
        return clock.timed("theme templates", render)(template, *args, **kwargs)

    jinja2.Template.render = template_render  # type: ignore[method-assign]
    build._build_page = clock.timed("page build (MkDocs' own)", build._build_page)


def measure(project: Path, site_dir: Path) -> tuple[float, dict[str, float]]:
    """Wall seconds of the build and each phase's own seconds."""
    start = time.perf_counter()
    clock = Clock()
    os.chdir(project)
    sys.argv = ["mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    imports = time.perf_counter()
    from mkdocs import __main__ as cli
    from mkdocs import config
    _instrument(clock)
    clock.spent["start-up: importing MkDocs"] += time.perf_counter() - imports
    config.load_config = clock.timed(  # type: ignore[assignment]
        "start-up: mkdocs.yml and plugins' imports", config.load_config)
    try:
        cli.cli.main(args=sys.argv[1:], standalone_mode=False)
    finally:
        wall = time.perf_counter() - start
    clock.spent["MkDocs' own work (files, nav, copying, writing)"] = (
        wall - sum(clock.spent.values()))
    return wall, dict(clock.spent)


def measure_rebuild(project: Path, site_dir: Path) -> tuple[float, dict[str, float]]:
    """Wall seconds and phases of a `mkdocs serve` rebuild after a data file changed."""
    sys.path.insert(0, str(Path(__file__).parent))
    from preview_latency import _file_of, _last_initiative, _retitled

    os.chdir(project)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def config() -> Any:
        loaded = load_config(site_dir=str(site_dir))
        loaded.site_url = "http://127.0.0.1:8000/"
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, serve_url="http://127.0.0.1:8000/", dirty=True)
    # What the plugin finishes beside the server after a build, done before the edit (an
    # editor takes longer than that to change a file).
    first.plugins.on_shutdown()
    initiative = _last_initiative(project)
    _file_of(project, initiative).write_text(
        _retitled(project, initiative, "Ændret titel til måling af genopbygning"), "utf-8")
    clock = Clock()
    _instrument(clock)
    profile = cProfile.Profile() if os.environ.get("FASER_PROFIL") else None
    start = time.perf_counter()
    if profile:
        profile.enable()
    build(clock.timed("start-up: mkdocs.yml and plugins' imports", config)(),
          serve_url="http://127.0.0.1:8000/", dirty=True)
    wall = time.perf_counter() - start
    if profile:
        profile.disable()
        profile.dump_stats(os.environ["FASER_PROFIL"])
    spent = dict(clock.spent)
    spent["MkDocs' own work (files, nav, copying, writing)"] = wall - sum(spent.values())
    first.plugins.on_shutdown()
    return wall, spent


def report(wall: float, spent: dict[str, float], top: int = 14) -> str:
    lines = [f"build {wall:.2f} s"]
    ranked = sorted(spent.items(), key=lambda item: -item[1])
    for name, seconds in ranked[:top]:
        lines.append(f"  {seconds:6.2f} s {seconds / wall:5.1%}  {name}")
    rest = sum(seconds for _, seconds in ranked[top:])
    lines.append(f"  {rest:6.2f} s {rest / wall:5.1%}  the other {len(ranked) - top} phases")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path, nargs="?", default=ROOT)
    parser.add_argument("--site-dir", type=Path, default=None)
    parser.add_argument("--serve", action="store_true",
                        help="time a mkdocs serve rebuild after a data change (in a copy!)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="faser-") as work:
        run = measure_rebuild if args.serve else measure
        wall, spent = run(args.project.resolve(), args.site_dir or Path(work) / "site")
    print(report(wall, spent))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`strategi new | check | build | test | preview`: one command for a strategy folder."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from macros.cli.starter import EXAMPLE_MARK, examples_left, write_starter
from macros.editors import check as fast_check
from macros.runtime import publish
from macros.runtime.engine_files import PACKAGE, SOURCE_THEME, theme_dir

KVALITET_INI = PACKAGE / "kvalitet" / "pytest.ini"
# argparse's own words (usage, headings, -h, its errors), in Danish: it looks each up through
# the module's gettext function `_`.
ARGPARSE_DANISH = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og stop",
    "the following arguments are required: %s": "mangler: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ukendt valg: %(value)r (vælg mellem %(choices)s)",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
}
_BUILD_PROBLEM = re.compile(r"^(WARNING|ERROR)\s+-\s+(?P<line>.*)$")


def _folder(value: str) -> Path:
    folder = Path(value).resolve()
    if not (folder / "mkdocs.yml").is_file():
        raise SystemExit(f"{folder}: ingen mkdocs.yml – er det en strategis mappe? "
                         "(`strategi new MAPPE` laver en)")
    return folder


def cmd_new(args: argparse.Namespace) -> int:
    target = Path(args.mappe).resolve()
    if target.exists() and any(target.iterdir()):
        print(f"{target} findes og er ikke tom – vælg en ny mappe.", file=sys.stderr)
        return 2
    written = write_starter(target)
    print(f"Skrev en ny strategi i {target} ({len(written)} filer).")
    print(f"Hver eksempeltekst er mærket {EXAMPLE_MARK}: `strategi check {args.mappe}` viser, "
          "hvad der mangler at blive erstattet.")
    print(f"Se siden: cd {args.mappe} && strategi preview")
    return 0


def _strict_build_problems(folder: Path) -> tuple[int, list[str]]:
    """The strict build's own refusals (links and anchors among them), one line each."""
    env = {**os.environ, "STRATEGI_HISTORIK": "0", "STRATEGI_PARALLEL": "0"}
    with tempfile.TemporaryDirectory(prefix="strategi-check-") as out:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", out],
            cwd=folder, env=env, capture_output=True, text=True, check=False)
    lines = [m["line"] for line in (result.stdout + result.stderr).splitlines()
             if (m := _BUILD_PROBLEM.match(line))]
    if result.returncode and not lines:
        lines = [(result.stderr or result.stdout).strip().splitlines()[-1]]
    return result.returncode, lines


def cmd_check(args: argparse.Namespace, extra: Sequence[str]) -> int:
    folder = _folder(args.mappe)
    code = fast_check.main(["--root", str(folder), *(["--uden-lix"] if args.uden_lix else []),
                            *extra])
    left = examples_left(folder)
    for place in left:
        print(f"{place}: eksempel: teksten er et eksempel fra `strategi new` – erstat den med "
              "strategiens egen")
    if left:
        print(f"{len(left)} eksempeltekster mangler at blive erstattet.", file=sys.stderr)
    if code or args.hurtig:
        return code
    print("Bygger siden strengt for at finde resten (links og ankre) …", file=sys.stderr)
    built, problems = _strict_build_problems(folder)
    for line in problems:
        print(line)
    if built:
        print("Den strenge bygning fejlede – ret linjerne ovenfor.", file=sys.stderr)
        return 1
    print("Den strenge bygning lykkedes.", file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    folder = _folder(args.mappe)
    site_dir = Path(args.site_dir).resolve() if args.site_dir else folder / "site"
    return publish.build(folder, site_dir, [])


def cmd_test(args: argparse.Namespace, extra: Sequence[str]) -> int:
    folder = _folder(args.mappe)
    command = [sys.executable, "-m", "pytest", "-c", str(KVALITET_INI), "--rootdir", str(folder),
               "-p", "no:cacheprovider", "--pyargs", "macros.kvalitet", "--strategi",
               str(folder), *extra]
    return subprocess.run(command, cwd=folder, check=False).returncode


def cmd_preview(args: argparse.Namespace, extra: Sequence[str]) -> int:
    folder = _folder(args.mappe)
    watch: list[str] = []
    if theme_dir() == SOURCE_THEME:  # the engine's own repository: its code changes too
        watch = ["--watch", str(PACKAGE), "--watch", str(SOURCE_THEME)]
    # --dirty: a change builds only the pages it touches again (macros/adapter/rebuilds.py).
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", *watch, *extra]
    # This process becomes the server, so stopping it stops the server.
    os.chdir(folder)
    os.execv(sys.executable, command)


def _danish(text: str) -> str:
    return ARGPARSE_DANISH.get(text, text)


def parser() -> argparse.ArgumentParser:
    argparse._ = _danish  # type: ignore[attr-defined]
    main = argparse.ArgumentParser(
        prog="strategi",
        description="Udgiv en strategi og vis, hvor langt arbejdet er nået. En strategi er en "
                    "mappe med mkdocs.yml, docs/ og data/.")
    commands = main.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")
    new = commands.add_parser("new", help="lav en ny strategi, der bygger (med eksempeltekster)",
                              description="Skriv en lille strategi i en ny mappe: identitet, ét "
                                          "kildedokument, ét spor, ét tiltag og standardsiderne.")
    new.add_argument("mappe", metavar="MAPPE", help="den nye mappe")
    check = commands.add_parser("check", help="tjek data/ og docs/ og alt, den strenge bygning "
                                              "afviser, med fil og linje",
                                description="Tjek en strategis data og sider (fil:linje: felt: "
                                            "besked), list eksempeltekster, og byg strengt for at "
                                            "finde døde links og ankre.")
    check.add_argument("mappe", metavar="MAPPE", nargs="?", default=".",
                       help="strategiens mappe (standard: denne)")
    check.add_argument("--hurtig", action="store_true",
                       help="kun data og sider, uden den strenge bygning (ca. 1 sekund)")
    check.add_argument("--uden-lix", action="store_true", help="vis ikke LIX-tabellen")
    build = commands.add_parser("build", help="byg siden strengt til site/ (intet udgives, hvis "
                                              "den fejler)")
    build.add_argument("mappe", metavar="MAPPE", nargs="?", default=".",
                       help="strategiens mappe (standard: denne)")
    build.add_argument("--site-dir", metavar="MAPPE", help="hvor siden skrives (standard: site/)")
    test = commands.add_parser("test", help="byg strengt og tjek den byggede side (links, HTML, "
                                            "sikkerhed, tilgængelighed, søgning, åbne data)",
                               description="Indholdssporet: den strenge bygning og tjekkene af "
                                           "den byggede side. Kræver motorens test-tilvalg og "
                                           "Debians chromium og Java. Andre argumenter gives "
                                           "videre til pytest.")
    test.add_argument("mappe", metavar="MAPPE", nargs="?", default=".",
                      help="strategiens mappe (standard: denne)")
    preview = commands.add_parser("preview", help="vis siden på http://127.0.0.1:8000/ og "
                                                  "opdatér ved hver gemning")
    preview.add_argument("mappe", metavar="MAPPE", nargs="?", default=".",
                         help="strategiens mappe (standard: denne)")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    # Material's notice about MkDocs 2 is for the engine's developers, not for editors.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args, extra = parser().parse_known_args(argv)
    if args.kommando == "test":
        return cmd_test(args, extra)
    if args.kommando == "preview":
        return cmd_preview(args, extra)
    if args.kommando == "check":  # the fast check's own options (--lix-graense N)
        return cmd_check(args, extra)
    if extra:
        parser().error(f"ukendte argumenter: {' '.join(extra)}")
    commands = {"new": cmd_new, "build": cmd_build}
    return commands[args.kommando](args)


if __name__ == "__main__":
    sys.exit(main())

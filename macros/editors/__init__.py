"""Editors' tools: the fast check (`python -m macros.editors.check`, run by `./dev check`), the
Markdown checks and the LIX readability figure.

May import `macros.data`; never `mkdocs` or `material`, so the check runs without building the site.
"""

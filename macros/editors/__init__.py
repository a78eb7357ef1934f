"""Editors' tools: the fast check (`python -m macros.editors.check`, run by `./dev check`), the
Markdown checks, the LIX readability figure (of Markdown text, and of a built page as a reader
reads it: page_lix.py), the status reminder, the browser editor's
configuration made from the models (cms_config.py, its fields in form_fields.py, what a build
fills in cms_build.py) and its bundle made to load everything from the site (bundle.py).

May import `macros.views` (the macro table), `macros.history`, `macros.data` and
`macros.runtime`; never `mkdocs` or `material`, so the check runs without building the site.
"""

"""What other programs read: open data (CSV/JSON), calendars (iCalendar) and feeds (Atom).

May import `macros.views`, `macros.data` and `macros.runtime`; never `mkdocs` or `material`.
The plugin (macros/adapter/) writes these files; the functions here only return their bytes.
"""

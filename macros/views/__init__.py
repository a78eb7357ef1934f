"""What readers see of the data: the build context views render from, view models, the macro
table, Gantt geometry, paging, generated pages, rendering with the Jinja templates in
`templates/`, glossary tooltips, change sentences, the HTML stash that keeps views out of
Markdown, and the Markdown extension that labels table cells for the phone layout.

May import `macros.history`, `macros.data` and `macros.runtime`, Jinja2, MarkupSafe and
Markdown; never `mkdocs` or `material`.
HTML comes from the templates, which escape every string from data.
"""

"""What readers see of the data: view models, Gantt geometry, paging, generated pages, rendering
with the Jinja templates in `templates/`, glossary tooltips, and the HTML stash that keeps views
out of Markdown.

May import `macros.data` and `macros.build`, Jinja2 and MarkupSafe; never `mkdocs` or `material`.
HTML comes from the templates, which escape every string from data.
"""

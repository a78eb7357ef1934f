"""Search: Danish word forms, synonyms from the glossary, and the expansion and pruning of the
search index the theme writes.

May import `macros.data` and `macros.build`; never `mkdocs` or `material` (the hook hands the
index in as plain JSON).
"""

"""Search: the Danish analysis (analysis.py: one tokeniser and one folding, compound splitting,
glossary synonyms as twins; dates.py: dates and periods as one token each), the documents
Material's parser makes of the pages shaped for search (documents.py, pruning.py), and the
Pagefind records and bundle (records.py, pagefind_index.py).

May import `macros.data` and `macros.runtime`; never `mkdocs` or `material` (the adapter hands
the parsed pages in as plain JSON).
"""

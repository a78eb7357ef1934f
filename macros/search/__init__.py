"""Search: the Danish analysis (analysis.py: folding, compound splitting, glossary synonyms as
twins), the Pagefind records and bundle (records.py, pagefind_index.py), and for the lunr engine
kept for comparison, the expansion of Material's index (danish.py, expansion.py); pruning.py
serves both.

May import `macros.data` and `macros.build`; never `mkdocs` or `material` (the hook hands the
index in as plain JSON).
"""

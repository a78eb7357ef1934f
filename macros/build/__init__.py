"""Build plumbing: the strict build command (`python -m macros.build`), the build's date, and the
work a second process does beside the build.

Beside the data core at the bottom: it imports nothing else of ours, and never `mkdocs` or
`material` (the build command drives MkDocs' CLI in a subprocess instead).
"""

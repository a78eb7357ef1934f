"""How a build runs: the strict build published atomically (`python -m macros.runtime.publish`,
run by `./dev build`), the day a build is made as of, and work a second process does beside the
build (parallel.py).

Beside the data core at the bottom: it imports nothing else of ours, and never `mkdocs` or
`material` (the publish command drives MkDocs' CLI in a subprocess instead).
"""

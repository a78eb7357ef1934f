"""The adapter to MkDocs: the `strategi` plugin (plugin.py, options in config.py) and, beside
it, one module per concern it hands work to. With `define_env` (macros/__init__.py) the only
code that imports `mkdocs` or `material`.

May import every package of macros/. It translates MkDocs' events into calls on the layers
below and holds no logic of its own worth keeping: moving off MkDocs (or Material) means
rewriting this package and `define_env`, nothing else (README, "Væk fra MkDocs 1.6").
"""

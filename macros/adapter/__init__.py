"""MkDocs adapters: the hooks named in mkdocs.yml. The only modules that import `mkdocs` or
`material`.

They translate MkDocs' events into calls on the layers below and hold no logic of their own
worth keeping: moving off MkDocs (or Material) means rewriting this package and
`macros/__init__.py` (`define_env`, the mkdocs-macros entry point), nothing else.
"""

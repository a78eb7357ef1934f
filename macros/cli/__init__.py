"""The `strategi` command for people who keep a strategy (installed with the engine's wheel;
this repository's ./dev calls it): new, check, build, test, preview – help and messages in
Danish.

Beside the adapter at the top of the layers: it may import every package below it and never
`mkdocs` or `material` – it runs MkDocs and pytest as programs, as a user would.
"""

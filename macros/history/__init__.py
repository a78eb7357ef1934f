"""History from git: what changed in data/, when, item by item, and how current each page is.

Reads the repository with the `git` command (subprocess), loads each commit's data/ with the
project's own loader (macros.data.loading) and compares the validated models by id. Results are
cached per pair of data/ trees under .cache/historik/, so a build reads git only for commits it
has not seen. Sits above macros/data and macros/runtime and imports only them; never `mkdocs` or
`material`. Views and exports render what this returns; the plugin (macros/adapter/history.py)
wires it into the build.
"""

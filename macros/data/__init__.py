"""The data core: the pydantic models, the Danish period parser, YAML reading with line numbers,
loading and validating `data/`, the problems it reports, the checks against the sources, the
half-yearly status rhythm, and the JSON Schemas made from the models.

The ground floor. It imports nothing else of ours, and never `mkdocs` or `material`: a move off
MkDocs (or Material) must leave this package as it is. Third-party: pydantic and PyYAML only.
"""

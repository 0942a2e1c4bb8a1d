"""Sphinx configuration (Sphinx + MyST). Build with: sphinx-build -W docs docs/_build."""

project = "jaggy"
author = "jaggy developers"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.doctest"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
html_theme = "alabaster"

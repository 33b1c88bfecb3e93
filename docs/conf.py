"""Sphinx configuration for the coproduction documentation."""

from __future__ import annotations

import sys
from pathlib import Path

# Build from a checkout even when the package is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import coproduction  # noqa: E402

project = "coproduction"
author = "coproduction developers"
copyright = "coproduction developers"  # noqa: A001
release = coproduction.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

# Plain reStructuredText only.
source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# Google-style docstrings: Args, Returns, Raises, Attributes.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Write "Attributes:" as fields of the class, so attrs fields are not described twice.
napoleon_use_ivar = True
napoleon_use_rtype = False

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {
    "members": True,
    "show-inheritance": True,
}
autoclass_content = "both"

nitpicky = False

html_theme = "alabaster"
html_title = f"coproduction {release}"
html_theme_options = {
    "description": "Work with parent carers of children with SEND: ladders, quality standards, audits and scores.",
    "fixed_sidebar": True,
}

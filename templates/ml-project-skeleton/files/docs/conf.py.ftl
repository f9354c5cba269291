"""Sphinx configuration. Build: pip install -r docs/requirements.txt && sphinx-build -b html docs docs/_build/html"""

import os
import sys

sys.path.insert(0, os.path.abspath("../src"))

project = "[=project_name]"
author = "[=project_name] team"
copyright = "2026, [=project_name] team"
release = "0.1.0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
# torch, mlflow and hydra are heavy; the API docs do not need them installed
autodoc_mock_imports = ["torch", "mlflow", "hydra", "omegaconf"]

templates_path = ["_templates"]
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = "[=project_name]"

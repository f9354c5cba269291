# Builds the Sphinx docs on this machine (needs: pip install -r docs/requirements.txt).
# Arguments are passed on to the script: devspace run [=docs_command] --builder linkcheck
description: Build the Sphinx docs into docs/_build/html
command: python docs/build_docs.py
appendArgs: true

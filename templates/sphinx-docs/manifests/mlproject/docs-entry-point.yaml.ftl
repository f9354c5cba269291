# Builds the Sphinx docs inside the project image and logs the HTML to the MLflow run (sphinx-docs).
parameters:
  builder: {type: string, default: html}
command: "python docs/build_docs.py --builder {builder}"

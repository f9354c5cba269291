Sphinx docs tooling for [=project_name]:

  1. pip install -r docs/requirements.txt
  2. devspace run [=docs_command]          (or: python docs/build_docs.py; open docs/_build/html/index.html)
     python docs/build_docs.py --builder linkcheck      checks external links
  3. In the project image, with the HTML logged to the MLflow run:
     mlflow run . -e docs --build-image
[#if applied?seq_contains("cloud-build-default-config")]
  Cloud Build (cloud-build-default-config) builds the docs on every push and publishes them to
  gs://[=answers.docs_bucket!"<docs bucket>"]/latest/ (https://storage.cloud.google.com/[=answers.docs_bucket!"<docs bucket>"]/latest/index.html).
[#elseif (answers.cloud!"") == "gcp"]
  To build and publish them to GCS on every push: mx generate cloud-build-default-config --set github_owner=<owner>
[/#if]

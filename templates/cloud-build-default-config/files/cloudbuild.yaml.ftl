[#assign image = "${_REGION}-docker.pkg.dev/$PROJECT_ID/${_REPOSITORY}/${_IMAGE}"]
# Cloud Build pipeline of [=project_name] (mx generator cloud-build-default-config).
# The trigger [=project_name]-push (terraform/cloudbuild.tf) runs it on every push to [=branch], as the service
# account [=build_service_account]@[=gcp_project_id].iam.gserviceaccount.com. To run it by hand: `devspace run cloud-build`
# (gcloud builds triggers run). `gcloud builds submit` does not work: $SHORT_SHA, the image tag, is set
# only for trigger builds.
#
# Steps (a step starts when the steps in its waitFor are done):
[#if mx_jar?has_content]
#   fetch-mx, mx-lint       mx lint on devspace.yaml, MLproject and .mx/state.yaml, with mx.jar from [=mx_jar]
[#else]
#   (no mx lint step: mx has no published image; set the generator's mx_jar to a gs:// URI of an mx.jar to
#   add one, or run `mx lint` before you push)
[/#if]
#   build-image             the project image from Dockerfile, tagged :$SHORT_SHA and :latest
#   test                    pytest inside that image (tests/)
#   docs                    Sphinx HTML from docs/ (docs/requirements.txt)
#   publish-docs            gcloud storage rsync to gs://${_DOCS_BUCKET}/latest/, after the tests passed
[#if publish_python_package]
#   publish-python-package  sdist + wheel to the Artifact Registry Python repository, after the tests passed
[/#if]
# The images are pushed by `images:` after every step succeeded, so :latest has always passed the tests.
# Shell variables inside steps are written $$name; $NAME and ${_NAME} are Cloud Build substitutions.

substitutions:
  _REGION: [=region]
  # Artifact Registry Docker repository (terraform/registry.tf) and image name: the image devspace.yaml builds
  # as "trainer" and MLproject runs
  _REPOSITORY: [=project_name]
  _IMAGE: [=project_name]
  _DOCS_BUCKET: [=docs_bucket]
[#if publish_python_package]
  _PYTHON_REPOSITORY: [=project_name]-python
[/#if]
[#if mx_jar?has_content]
  _MX_JAR: [=mx_jar]
[/#if]

steps:
[#if mx_jar?has_content]
  # mx is a Java tool: its jar is copied into a volume shared by the two steps and run on a JRE.
  - id: fetch-mx
    name: gcr.io/cloud-builders/gcloud
    args: [storage, cp, "${_MX_JAR}", /mx/mx.jar]
    volumes:
      - name: mx
        path: /mx
    waitFor: ["-"]

  - id: mx-lint
    name: eclipse-temurin:17-jre
    entrypoint: java
    # exit code 1 on errors fails the build; warnings are printed only
    args: [-jar, /mx/mx.jar, lint, .]
    volumes:
      - name: mx
        path: /mx
    waitFor: [fetch-mx]

[/#if]
  - id: build-image
    name: gcr.io/cloud-builders/docker
    args:
      - build
      - --tag
      - [=image]:$SHORT_SHA
      - --tag
      - [=image]:latest
      - .
    waitFor: ["-"]

  # The tests run in the image they test: its Python, torch and requirements, its /app code. pytest is
  # installed for the image's user (uid 1000) only for this run.
  - id: test
    name: gcr.io/cloud-builders/docker
    args:
      - run
      - --rm
      - --env=PYTHONPATH=src
      - --entrypoint=bash
      - [=image]:$SHORT_SHA
      - -c
      - python -m pip install --user --quiet pytest && python -m pytest -q -p no:cacheprovider tests
    waitFor: [build-image]

  - id: docs
    name: python:3.12-slim
    entrypoint: bash
    args:
      - -c
      - python -m pip install --quiet --root-user-action=ignore -r docs/requirements.txt && python -m sphinx -b html docs docs/_build/html
    waitFor: ["-"]

  - id: publish-docs
    name: gcr.io/cloud-builders/gcloud
    args:
      - storage
      - rsync
      - --recursive
      - --delete-unmatched-destination-objects
      - docs/_build/html
      - gs://${_DOCS_BUCKET}/latest
    waitFor: [docs, test]
[#if publish_python_package]

  # Artifact Registry refuses to overwrite a version, and twine's --skip-existing no longer works with
  # non-PyPI indexes (twine 6.2): the step looks the version up first and uploads only a new one.
  # keyrings.google-artifactregistry-auth lets pip and twine authenticate as the build's service account.
  - id: publish-python-package
    name: python:3.12-slim
    entrypoint: bash
    args:
      - -c
      - |
        set -euo pipefail
        python -m pip install --quiet --root-user-action=ignore build twine keyrings.google-artifactregistry-auth
        python -m build --outdir dist .
        index="https://${_REGION}-python.pkg.dev/$PROJECT_ID/${_PYTHON_REPOSITORY}"
        name=$$(python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["name"])')
        version=$$(python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
        if python -m pip download --quiet --no-deps --only-binary=:all: --dest /tmp/published --index-url "$$index/simple/" "$$name==$$version" 2>/dev/null; then
          echo "$$name $$version is already in $$index: not uploaded (raise the version in pyproject.toml to publish)"
        else
          python -m twine upload --non-interactive --repository-url "$$index/" dist/*
        fi
    waitFor: [test]
[/#if]

images:
  - [=image]:$SHORT_SHA
  - [=image]:latest

options:
  # required when the build runs as a user-specified service account (the trigger's service_account)
  logging: CLOUD_LOGGING_ONLY

timeout: [=(timeout_minutes * 60)?c]s

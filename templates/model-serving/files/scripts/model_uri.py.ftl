#!/usr/bin/env python3
"""Print the storage URI of a registered MLflow model version, for `mx generate model-serving --set model_uri=`.

The model server downloads the model itself from storage, not through MLflow, so it needs the real location
of the version's files (the directory holding its MLmodel file). The tracking server stores artifacts
under [#if cloud == "gcp"]gs://[=gcp_project_id]-mlflow-artifacts/mlflow[#else]the volume mlflow-artifacts (mounted at /mlartifacts)[/#if] and hands them to clients as
``mlflow-artifacts:/<path>``; this script maps such a URI to [#if cloud == "gcp"]gs://[#else]pvc://mlflow-artifacts/[/#if].

    kubectl -n [=namespace] port-forward svc/mlflow 5000:5000 &
    export MLFLOW_TRACKING_URI=http://localhost:5000
    python scripts/model_uri.py --version 3                 # model [=model_name]
    python scripts/model_uri.py --name other --alias champion
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urlparse

# where the tracking server keeps what it serves as mlflow-artifacts:/ (its --artifacts-destination)
[#if cloud == "gcp"]
ARTIFACTS_ROOT = "gs://[=gcp_project_id]-mlflow-artifacts/mlflow"
[#else]
ARTIFACTS_ROOT = "pvc://mlflow-artifacts"
[/#if]


def storage_uri(download_uri: str) -> str:
    """mlflow-artifacts:/1/models/m-x/artifacts -> <ARTIFACTS_ROOT>/1/models/m-x/artifacts; gs:// etc. unchanged."""
    parsed = urlparse(download_uri)
    if parsed.scheme == "mlflow-artifacts":
        return f"{ARTIFACTS_ROOT}/{parsed.path.lstrip('/')}"
    if parsed.scheme in ("gs", "s3", "pvc", "https"):
        return download_uri
    raise SystemExit(f"{download_uri}: not a location a model server can download from")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", default="[=model_name]", help="registered model (default: %(default)s)")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--version", help="model version number")
    which.add_argument("--alias", help="model alias, e.g. champion")
    args = parser.parse_args(argv)

    from mlflow.tracking import MlflowClient  # imported late so --help works without MLflow

    client = MlflowClient()
    version = args.version
    if args.alias:
        version = client.get_model_version_by_alias(args.name, args.alias).version
    print(storage_uri(client.get_model_version_download_uri(args.name, version)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

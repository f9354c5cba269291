"""Build the Sphinx docs of [=project_name] (docs/).

    python docs/build_docs.py
        HTML into docs/_build/html
    python docs/build_docs.py --builder linkcheck
        check external links
    devspace run [=docs_command] [--builder linkcheck]
        the same, as a DevSpace command
    mlflow run . -e docs --build-image [-P builder=linkcheck]
        inside the project image (the `docs` entry point of MLproject); the HTML is logged as artifacts of
        the MLflow run

[#if strict]Warnings (broken references, documents in no toctree, autodoc import errors) fail the build; pass
--no-strict to only report them.[#else]Warnings are reported but do not fail the build; pass --strict to make them errors.[/#if]
Written by mx (sphinx-docs); docs/conf.py and docs/index.rst belong to ml-project-skeleton.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builder", default="html", help="Sphinx builder: html, linkcheck, dirhtml, ... (default html)")
    parser.add_argument("--output", type=Path, help="output directory (default docs/_build/<builder>)")
    parser.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=[=strict?c?capitalize],
        help="treat warnings as errors",
    )
    parser.add_argument(
        "--install-requirements",
        action="store_true",
        help="pip install docs/requirements.txt first (automatic inside `mlflow run` when Sphinx is missing)",
    )
    return parser.parse_args(argv)


def under_mlflow_run() -> bool:
    return bool(os.environ.get("MLFLOW_RUN_ID"))


def ensure_sphinx(install: bool) -> None:
    if importlib.util.find_spec("sphinx") is not None and not install:
        return
    if not install and not under_mlflow_run():
        sys.exit("Sphinx is not installed: pip install -r docs/requirements.txt (or pass --install-requirements)")
    # --user: the project image runs as an unprivileged user
    user = [] if sys.prefix != sys.base_prefix else ["--user"]
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", *user, "-r", str(DOCS / "requirements.txt")],
        check=True,
    )


def build(builder: str, output: Path, strict: bool) -> int:
    command = [sys.executable, "-m", "sphinx", "-b", builder, str(DOCS), str(output)]
    if strict:
        command[3:3] = ["-W", "--keep-going"]
    print("+ " + " ".join(command), flush=True)
    return subprocess.run(command, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ensure_sphinx(args.install_requirements)
    if args.output is not None:
        output = args.output
    elif under_mlflow_run():
        # `mlflow run --build-image` copies the project read-only for the image's user: build elsewhere
        output = Path(tempfile.mkdtemp(prefix="docs-")) / args.builder
    else:
        output = DOCS / "_build" / args.builder
    status = build(args.builder, output, args.strict)
    if status == 0 and under_mlflow_run():
        import mlflow

        mlflow.log_artifacts(str(output), artifact_path=f"docs/{args.builder}")
        print(f"logged {output} as artifacts docs/{args.builder} of run {os.environ['MLFLOW_RUN_ID']}")
    elif status == 0:
        print(f"built {output}")
    return status


if __name__ == "__main__":
    sys.exit(main())

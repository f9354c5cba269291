#!/usr/bin/env python3
"""Launch distributed_train_job.yaml as one MLflow run.

Why a script: MLflow's kubernetes project backend (``mlflow run -b kubernetes``) only creates batch/v1 Jobs
from a Job template; it cannot submit a [#if flavor == "trainer-v2"]Kubeflow TrainJob[#else]PyTorchJob[/#if]. This script does the two halves
itself: it starts an MLflow run (through MLFLOW_TRACKING_URI, e.g. a port-forward to the tracking server),
then creates the job with ``kubectl create`` and hands the run to the pods through MLFLOW_RUN_ID,
MLFLOW_EXPERIMENT_ID and an in-cluster MLFLOW_TRACKING_URI. Rank 0 of the job continues that run and marks
it finished; if kubectl fails, the run is marked failed here.

    kubectl -n [=namespace] port-forward svc/mlflow 5000:5000 &
    export MLFLOW_TRACKING_URI=http://localhost:5000
    python scripts/submit_distributed.py trainer.epochs=10 trainer.lr=0.001

Positional arguments are Hydra overrides for src/[=package_name]/train_distributed.py. The pods reach MLflow
at KUBE_MLFLOW_TRACKING_URI if set (as with ``mlflow run -b kubernetes``), else at the in-cluster URI in the
job file. ``--dry-run`` prints the manifest and creates nothing, not even a run. Needs mlflow (and its
PyYAML) and kubectl.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
JOB_FILE = PROJECT_DIR / "distributed_train_job.yaml"
DEFAULT_EXPERIMENT = "[=project_name]"
# Kubernetes names: RFC 1035 labels of at most 63 characters
MAX_NAME = 63


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("overrides", nargs="*", help="Hydra overrides, e.g. trainer.epochs=10")
    parser.add_argument("--file", type=Path, default=JOB_FILE, help="job manifest (default: %(default)s)")
    parser.add_argument("--experiment-name", default=os.environ.get("MLFLOW_EXPERIMENT_NAME", DEFAULT_EXPERIMENT),
                        help="MLflow experiment (default: %(default)s)")
    parser.add_argument("--run-name", help="MLflow run name (default: the job name)")
    parser.add_argument("--context", help="kube context (default: kubectl's current context)")
    parser.add_argument("--dry-run", action="store_true", help="print the manifest; create no run and no job")
    return parser.parse_args(argv)


def load_job(path: Path) -> dict[str, Any]:
    docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    if len(docs) != 1 or docs[0].get("kind") not in ("TrainJob", "PyTorchJob"):
        raise SystemExit(f"{path}: expected one TrainJob or PyTorchJob")
    return docs[0]


def trainer_containers(job: dict[str, Any]) -> list[dict[str, Any]]:
    """The containers that run torchrun: spec.trainer of a TrainJob, the "pytorch" containers of a PyTorchJob."""
    if job["kind"] == "TrainJob":
        return [job["spec"]["trainer"]]
    containers = []
    for replica in job["spec"]["pytorchReplicaSpecs"].values():
        containers += [c for c in replica["template"]["spec"]["containers"] if c.get("name") == "pytorch"]
    return containers


def set_env(container: dict[str, Any], values: dict[str, str]) -> None:
    env = [e for e in container.get("env", []) if e.get("name") not in values]
    env += [{"name": k, "value": v} for k, v in values.items()]
    container["env"] = env


def job_name(job: dict[str, Any], suffix: str) -> str:
    meta = job["metadata"]
    base = (meta.get("name") or meta.get("generateName") or "ddp").rstrip("-")
    return f"{base[:MAX_NAME - len(suffix) - 1].rstrip('-')}-{suffix}"


def prepare(job: dict[str, Any], name: str, overrides: list[str], env: dict[str, str]) -> dict[str, Any]:
    job["metadata"].pop("generateName", None)
    job["metadata"]["name"] = name
    for container in trainer_containers(job):
        container["args"] = list(container.get("args") or []) + overrides
        set_env(container, env)
    return job


def kubectl(context: str | None) -> list[str]:
    return ["kubectl"] + (["--context", context] if context else [])


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    job = load_job(args.file)
    namespace = job["metadata"].get("namespace", "[=namespace]")
    template_env = {e["name"]: e.get("value") for e in trainer_containers(job)[0].get("env", [])}
    in_cluster_uri = os.environ.get("KUBE_MLFLOW_TRACKING_URI") or template_env.get("MLFLOW_TRACKING_URI")

    if args.dry_run:
        name = job_name(job, "dryrun")
        env = {"MLFLOW_TRACKING_URI": in_cluster_uri, "MLFLOW_RUN_ID": "<run id>", "MLFLOW_EXPERIMENT_ID": "<id>"}
        print(yaml.safe_dump(prepare(job, name, args.overrides, env), sort_keys=False))
        return 0

    import mlflow  # imported here so --dry-run works without MLflow installed
    from mlflow.tracking import MlflowClient

    client = MlflowClient()
    experiment = client.get_experiment_by_name(args.experiment_name)
    experiment_id = experiment.experiment_id if experiment else client.create_experiment(args.experiment_name)
    run = client.create_run(experiment_id)
    run_id = run.info.run_id
    name = job_name(job, run_id[:8])
    client.set_tag(run_id, "mlflow.runName", args.run_name or name)
    client.set_tag(run_id, "kubernetes.kind", job["kind"])
    client.set_tag(run_id, "kubernetes.namespace", namespace)
    client.set_tag(run_id, "kubernetes.job_name", name)
    client.set_tag(run_id, "hydra.overrides", " ".join(args.overrides))
    job["metadata"].setdefault("labels", {})["mlflow.org/run-id"] = run_id

    env = {"MLFLOW_TRACKING_URI": in_cluster_uri, "MLFLOW_RUN_ID": run_id, "MLFLOW_EXPERIMENT_ID": experiment_id}
    manifest = json.dumps(prepare(job, name, args.overrides, env))
    command = kubectl(args.context) + ["create", "-f", "-"]
    result = subprocess.run(command, input=manifest, text=True, capture_output=True)
    if result.returncode != 0:
        client.set_terminated(run_id, status="FAILED")
        sys.stderr.write(result.stderr)
        sys.stderr.write(f"{shlex.join(command)} failed; MLflow run {run_id} marked FAILED\n")
        return result.returncode

    kind = job["kind"].lower()
    selector = f"jobset.sigs.k8s.io/jobset-name={name}" if job["kind"] == "TrainJob" \
        else f"training.kubeflow.org/job-name={name}"
    print(result.stdout.strip())
    print(f"MLflow run {run_id} in experiment {args.experiment_name} ({mlflow.get_tracking_uri()})")
    print(f"status:  kubectl -n {namespace} get {kind} {name}")
    print(f"logs:    kubectl -n {namespace} logs -f -l {selector} --max-log-requests=64 --prefix")
    print(f"delete:  kubectl -n {namespace} delete {kind} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Smoke tests of the project image, run by Cloud Build (cloudbuild.yaml, step "test") inside the image it
just built, so they exercise that image's torch, Hydra and MLflow.

Written by mx (cloud-build-default-config): add your own tests in other files of tests/, so that
`mx generate` never finds this one changed. Locally, in an environment with requirements.txt and torch:
    PYTHONPATH=src python -m pytest tests
"""

from __future__ import annotations

import math
from pathlib import Path

import mlflow
import torch
from hydra import compose, initialize_config_dir

from [=package_name] import train

CONF_DIR = Path(__file__).resolve().parents[1] / "conf"


def small_config():
    """conf/config.yaml with a tiny CPU run; fails if the config and the trainer drift apart."""
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        return compose(
            config_name="config",
            overrides=[
                "trainer.epochs=1",
                "trainer.device=cpu",
                "data.n_samples=128",
                "mlflow.log_model=false",
            ],
        )


def test_model_output_shape():
    model = train.build_model(n_features=4, hidden_size=8)
    assert model(torch.zeros(2, 4)).shape == (2, 1)


def test_one_epoch_trains_and_logs_to_mlflow(tmp_path, monkeypatch):
    # a throwaway tracking store: nothing reaches the project's MLflow server
    monkeypatch.chdir(tmp_path)
    mlflow.set_tracking_uri(f"sqlite:///{tmp_path / 'mlflow.db'}")
    mlflow.set_experiment("smoke-test")
    with mlflow.start_run() as run:
        loss = train.train(small_config())
    assert math.isfinite(loss)
    logged = mlflow.get_run(run.info.run_id).data
    assert "loss" in logged.metrics
    assert logged.params["trainer.epochs"] == "1"

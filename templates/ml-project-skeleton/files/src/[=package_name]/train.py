"""Train a small PyTorch model on synthetic data and track it in MLflow.

Run locally:          python src/<package>/train.py trainer.lr=0.01 trainer.epochs=3
As an MLflow project: mlflow run . -e trainer -P lr=0.01
On Kubernetes:        mlflow run . -e trainer -b kubernetes -c kubernetes_config.json --build-image

Configuration lives in conf/config.yaml (Hydra). Under ``mlflow run`` the run is already created and
MLFLOW_RUN_ID / MLFLOW_TRACKING_URI are set; started directly, a run is created in
``mlflow.experiment_name`` of the config (tracking URI from MLFLOW_TRACKING_URI).
"""

from __future__ import annotations

import logging
import os
from typing import Any

import hydra
import mlflow
import torch
from omegaconf import DictConfig, OmegaConf
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

log = logging.getLogger(__name__)


def select_device(requested: str) -> torch.device:
    """'auto' picks CUDA when a GPU is visible, else CPU; 'cpu'/'cuda' force one."""
    if requested == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(requested)


def make_data(n_samples: int, n_features: int, seed: int) -> TensorDataset:
    """A linearly separable-ish binary classification problem, so the loss visibly drops."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(n_samples, n_features, generator=generator)
    true_w = torch.randn(n_features, 1, generator=generator)
    noise = 0.1 * torch.randn(n_samples, 1, generator=generator)
    y = ((x @ true_w + noise) > 0).float()
    return TensorDataset(x, y)


def build_model(n_features: int, hidden_size: int) -> nn.Module:
    return nn.Sequential(
        nn.Linear(n_features, hidden_size),
        nn.ReLU(),
        nn.Linear(hidden_size, 1),
    )


def flatten(cfg: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{'trainer': {'lr': 0.01}} -> {'trainer.lr': 0.01} for mlflow.log_params."""
    flat: dict[str, Any] = {}
    for key, value in cfg.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def train(cfg: DictConfig) -> float:
    torch.manual_seed(cfg.trainer.seed)
    device = select_device(cfg.trainer.device)
    dataset = make_data(cfg.data.n_samples, cfg.data.n_features, cfg.trainer.seed)
    loader = DataLoader(dataset, batch_size=cfg.trainer.batch_size, shuffle=True)
    model = build_model(cfg.data.n_features, cfg.trainer.hidden_size).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.trainer.lr)
    loss_fn = nn.BCEWithLogitsLoss()

    # Dotted keys (trainer.lr) never collide with the MLproject parameters (lr) MLflow logged already.
    mlflow.log_params(flatten(OmegaConf.to_container(cfg, resolve=True)))
    mlflow.log_param("device", str(device))

    epoch_loss = float("nan")
    for epoch in range(cfg.trainer.epochs):
        model.train()
        total, correct, loss_sum = 0, 0, 0.0
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            logits = model(x)
            loss = loss_fn(logits, y)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * x.size(0)
            correct += ((logits > 0).float() == y).sum().item()
            total += x.size(0)
        epoch_loss = loss_sum / total
        accuracy = correct / total
        mlflow.log_metrics({"loss": epoch_loss, "accuracy": accuracy}, step=epoch)
        log.info("epoch %d: loss=%.4f accuracy=%.3f (%s)", epoch, epoch_loss, accuracy, device)

    if cfg.mlflow.log_model:
        mlflow.pytorch.log_model(model.cpu(), name="model")
    return epoch_loss


@hydra.main(version_base="1.3", config_path="../../conf", config_name="config")
def main(cfg: DictConfig) -> float:
    if "MLFLOW_RUN_ID" not in os.environ:
        # started directly, not by `mlflow run`: choose the experiment ourselves
        mlflow.set_experiment(cfg.mlflow.experiment_name)
    with mlflow.start_run():
        return train(cfg)


if __name__ == "__main__":
    main()

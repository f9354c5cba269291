"""Train the skeleton's model with DistributedDataParallel (DDP) on several nodes and GPUs.

Started by ``torchrun`` in every pod of ``distributed_train_job.yaml`` (a Kubeflow Trainer TrainJob or a
PyTorchJob). torchrun starts one process per GPU and gives each RANK, LOCAL_RANK and WORLD_SIZE; the
operator tells torchrun how many nodes there are and where rank 0 listens.

Same task and configuration as train.py (conf/config.yaml, Hydra overrides such as ``trainer.epochs=10``);
``trainer.batch_size`` is per process, so the global batch is ``batch_size x WORLD_SIZE``. Only rank 0 talks
to MLflow: it continues the run named by MLFLOW_RUN_ID (set by scripts/submit_distributed.py) or starts a
run in MLFLOW_EXPERIMENT_NAME, falling back to ``mlflow.experiment_name`` of the config.

Run locally on one machine:   torchrun --nproc_per_node=2 src/<package>/train_distributed.py trainer.device=cpu
Without torchrun it trains in a single process, like train.py.
"""

from __future__ import annotations

import contextlib
import logging
import os
from typing import Any

import hydra
import mlflow
import torch
import torch.distributed as dist
from omegaconf import DictConfig, OmegaConf
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

log = logging.getLogger(__name__)


def init_distributed(requested: str) -> tuple[int, int, torch.device]:
    """Joins the process group torchrun prepared; returns (rank, world_size, device).

    Without torchrun (no RANK/WORLD_SIZE in the environment) this is a single process of world size 1.
    """
    rank = int(os.environ.get("RANK", "0"))
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = torch.cuda.is_available() if requested == "auto" else requested == "cuda"
    if use_cuda:
        torch.cuda.set_device(local_rank)
        device = torch.device("cuda", local_rank)
    else:
        device = torch.device("cpu")
    if "RANK" in os.environ and "WORLD_SIZE" in os.environ:
        # NCCL between GPUs; gloo when training on CPUs
        dist.init_process_group(backend="nccl" if use_cuda else "gloo")
    return rank, world_size, device


def make_data(n_samples: int, n_features: int, seed: int) -> TensorDataset:
    """The synthetic binary classification task of train.py; every rank builds the same data."""
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


def train(cfg: DictConfig, rank: int, world_size: int, device: torch.device) -> float:
    torch.manual_seed(cfg.trainer.seed)
    dataset = make_data(cfg.data.n_samples, cfg.data.n_features, cfg.trainer.seed)
    distributed = dist.is_available() and dist.is_initialized()
    sampler = DistributedSampler(dataset, shuffle=True, seed=cfg.trainer.seed) if distributed else None
    loader = DataLoader(dataset, batch_size=cfg.trainer.batch_size, sampler=sampler, shuffle=sampler is None)
    model: nn.Module = build_model(cfg.data.n_features, cfg.trainer.hidden_size).to(device)
    if distributed:
        # gradients are averaged across all ranks after every backward pass
        model = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.trainer.lr)
    loss_fn = nn.BCEWithLogitsLoss()

    if rank == 0:
        mlflow.log_params(flatten(OmegaConf.to_container(cfg, resolve=True)))
        mlflow.log_params({"device": str(device), "world_size": world_size,
                           "global_batch_size": cfg.trainer.batch_size * world_size})

    epoch_loss = float("nan")
    for epoch in range(cfg.trainer.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)  # a different shuffle every epoch, consistent across ranks
        model.train()
        # loss sum, correct predictions and samples seen by this rank
        totals = torch.zeros(3, device=device)
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            logits = model(x)
            loss = loss_fn(logits, y)
            loss.backward()
            optimizer.step()
            totals += torch.stack([loss.detach() * x.size(0), ((logits > 0).float() == y).sum().float(),
                                   torch.tensor(float(x.size(0)), device=device)])
        if distributed:
            dist.all_reduce(totals, op=dist.ReduceOp.SUM)
        epoch_loss = (totals[0] / totals[2]).item()
        accuracy = (totals[1] / totals[2]).item()
        if rank == 0:
            mlflow.log_metrics({"loss": epoch_loss, "accuracy": accuracy}, step=epoch)
            log.info("epoch %d: loss=%.4f accuracy=%.3f (world size %d, %s)", epoch, epoch_loss, accuracy,
                     world_size, device)

    if rank == 0 and cfg.mlflow.log_model:
        plain = model.module if isinstance(model, DistributedDataParallel) else model
        mlflow.pytorch.log_model(plain.cpu(), name="model")
    return epoch_loss


@hydra.main(version_base="1.3", config_path="../../conf", config_name="config")
def main(cfg: DictConfig) -> float:
    rank, world_size, device = init_distributed(cfg.trainer.device)
    try:
        if rank == 0:
            explicit = any(os.environ.get(v) for v in ("MLFLOW_RUN_ID", "MLFLOW_EXPERIMENT_NAME",
                                                        "MLFLOW_EXPERIMENT_ID"))
            if not explicit:
                mlflow.set_experiment(cfg.mlflow.experiment_name)
            run = mlflow.start_run()  # continues MLFLOW_RUN_ID when it is set
        else:
            run = contextlib.nullcontext()
        with run:
            return train(cfg, rank, world_size, device)
    finally:
        if dist.is_available() and dist.is_initialized():
            dist.destroy_process_group()


if __name__ == "__main__":
    main()

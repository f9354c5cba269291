"""Training code of this project; the entry point is ``train.py`` (run with Hydra or ``mlflow run``)."""

__version__ = "0.1.0"

[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "[=project_name]"
version = "0.1.0"
description = "Training code of [=project_name]"
requires-python = ">=3.10"
# torch is provided by the CUDA base image; the rest mirrors requirements.txt
dependencies = [
  "mlflow==[=mlflow_version]",
  "hydra-core>=1.3.2,<1.4",
  "omegaconf>=2.3,<2.4",
  "google-cloud-storage>=3.0,<4",
]

[tool.setuptools.packages.find]
where = ["src"]

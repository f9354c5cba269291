# Trainer image: PyTorch + CUDA + cuDNN from the base image, project dependencies and code.
# Built and pushed by `devspace build` / `devspace deploy` (image "trainer" in devspace.yaml, tag latest);
# `mlflow run ... --build-image` builds FROM it and copies the project into /mlflow/projects/code.
FROM [=base_image]

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HYDRA_OUTPUT_DIR=/tmp/hydra-outputs

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# Run as an unprivileged user (uid 1000); the code stays root-owned and read-only for it.
RUN useradd --create-home --uid 1000 --shell /bin/bash trainer
USER 1000

CMD ["python", "src/[=package_name]/train.py"]

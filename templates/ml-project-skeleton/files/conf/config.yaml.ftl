# Hydra configuration of src/[=package_name]/train.py.
# Override any key on the command line: python src/[=package_name]/train.py trainer.lr=0.001 trainer.epochs=10
# The MLproject entry point `trainer` maps each of its parameters to one of these keys.
trainer:
  lr: 0.01
  epochs: 5
  batch_size: 64
  hidden_size: 32
  seed: 42
  device: auto   # auto | cpu | cuda

data:
  n_samples: 4096
  n_features: 16

mlflow:
  experiment_name: [=project_name]
  log_model: true

hydra:
  run:
    # The trainer image runs as a non-root user in a read-only code directory: outputs go to
    # $HYDRA_OUTPUT_DIR (set in the Dockerfile), ./outputs when unset.
    dir: ${oc.env:HYDRA_OUTPUT_DIR,outputs}/${now:%Y-%m-%d}/${now:%H-%M-%S}

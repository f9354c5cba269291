# MLflow project. `mlflow run . -e trainer -P lr=0.001` runs locally in the docker_env image;
# add `-b kubernetes -c kubernetes_config.json --build-image` to run it as a Job on the cluster.
# Each parameter maps to exactly one Hydra `key={param}` token: MLflow runs the command without a
# shell and would append undeclared -P parameters as `--key value`, which Hydra rejects.
# MLflow's parameter types are string, float, path and uri (any other type silently acts as string);
# numbers are passed through as written, so `-P epochs=5` reaches Hydra as `trainer.epochs=5`, an int.
name: [=project_name]

docker_env:
  # The trainer image pushed by `devspace build` (tag latest). Without --build-image the code is NOT in
  # the image that runs; always pass --build-image with the kubernetes backend.
  image: [=registry]/[=project_name]

entry_points:
  trainer:
    parameters:
      lr: {type: float, default: 0.01}
      epochs: {type: float, default: 5}
      batch_size: {type: float, default: 64}
      hidden_size: {type: float, default: 32}
      seed: {type: float, default: 42}
    command: "python src/[=package_name]/train.py trainer.lr={lr} trainer.epochs={epochs} trainer.batch_size={batch_size} trainer.hidden_size={hidden_size} trainer.seed={seed}"
  main:
    parameters:
      lr: {type: float, default: 0.01}
      epochs: {type: float, default: 5}
    command: "python src/[=package_name]/train.py trainer.lr={lr} trainer.epochs={epochs}"

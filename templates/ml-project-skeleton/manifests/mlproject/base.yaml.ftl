# MLflow project. `mlflow run . -e trainer -P lr=0.001` runs locally in the docker_env image;
# add `-b kubernetes -c kubernetes_config.json --build-image` to run it as a Job on the cluster.
# Each parameter maps to exactly one Hydra `key={param}` token: MLflow runs the command without a
# shell and would append undeclared -P parameters as `--key value`, which Hydra rejects.
# MLflow's parameter types are string, float, path and uri (any other type silently acts as string);
# numbers are passed through as written, so `-P epochs=5` reaches Hydra as `trainer.epochs=5`, an int.
# mx keeps name, docker_env and the entry points it generated up to date; other generators add
# their own entry points (sphinx-docs adds `docs`). Your own keys and comments are left alone.

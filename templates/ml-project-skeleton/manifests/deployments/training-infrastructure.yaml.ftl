# MLflow tracking server + Postgres (k8s/training-infrastructure/). DevSpace replaces the
# [=registry]/mlflow-server image references with the tag it just built.
namespace: [=namespace]
kubectl:
  manifests:
    - k8s/training-infrastructure/

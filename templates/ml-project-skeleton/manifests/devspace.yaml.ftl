# DevSpace 6 config (v2beta1). `devspace deploy` builds and pushes the images below, then applies every
# deployment; mx generators add their entries under deployments (this skeleton: training-infrastructure
# and, depending on the GPU driver choice, cuda-drivers).
version: v2beta1
name: [=project_name]

images:
  # trainer image: docker_env.image of MLproject (pushed as :latest) and base of `mlflow run --build-image`
  trainer:
    image: [=registry]/[=project_name]
    dockerfile: ./Dockerfile
    context: ./
    tags:
      - latest
      - ${DEVSPACE_RANDOM}
  # MLflow tracking server with psycopg2 + google-cloud-storage
  mlflow-server:
    image: [=registry]/mlflow-server
    dockerfile: ./docker/mlflow/Dockerfile
    context: ./docker/mlflow

hooks:
  # The Postgres password of MLflow lives only in the cluster: created once with a random value if the
  # Secret is missing, kept on later deploys (delete the Secret and the Postgres volume to reset it).
  # MLFLOW_NAMESPACE is kept in vars by mx, so changing the namespace answer updates it.
  - name: mlflow-postgres-secret
    events: ["before:deploy:training-infrastructure"]
    command: |-
      kubectl --context "${DEVSPACE_CONTEXT}" get namespace "${MLFLOW_NAMESPACE}" >/dev/null 2>&1 || kubectl --context "${DEVSPACE_CONTEXT}" create namespace "${MLFLOW_NAMESPACE}"
      kubectl --context "${DEVSPACE_CONTEXT}" -n "${MLFLOW_NAMESPACE}" get secret mlflow-postgres >/dev/null 2>&1 || kubectl --context "${DEVSPACE_CONTEXT}" -n "${MLFLOW_NAMESPACE}" create secret generic mlflow-postgres --from-literal=password="$(openssl rand -hex 24)"

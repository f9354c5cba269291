# MLflow tracking server image. The official image has neither a Postgres driver nor the GCS client;
# this adds both. Built and pushed by DevSpace (image "mlflow-server" in devspace.yaml).
FROM ghcr.io/mlflow/mlflow:v[=mlflow_version]

RUN pip install --no-cache-dir "psycopg2-binary>=2.9,<3" "google-cloud-storage>=3.0,<4"

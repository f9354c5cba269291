[=project_name] is ready. Next (details in README.md):

[#if cloud == "gcp"]
  1. gcloud services enable serviceusage.googleapis.com cloudresourcemanager.googleapis.com --project [=gcp_project_id]
  2. terraform -chdir=terraform/bootstrap init && terraform -chdir=terraform/bootstrap apply
  3. terraform -chdir=terraform init && terraform -chdir=terraform apply
  4. gcloud container clusters get-credentials [=cluster_name] --zone [=zone] --project [=gcp_project_id]
     gcloud auth configure-docker [=region]-docker.pkg.dev
  5. devspace deploy
  6. kubectl -n [=namespace] port-forward svc/mlflow 5000:5000     (MLflow UI: http://localhost:5000)
  7. MLFLOW_TRACKING_URI=http://localhost:5000 KUBE_MLFLOW_TRACKING_URI=http://mlflow.[=namespace].svc.cluster.local:5000 \
     mlflow run . -e trainer -b kubernetes -c kubernetes_config.json --build-image
[#else]
  1. kubectl: select a cluster with NVIDIA GPU nodes that can pull from [=registry]
  2. devspace deploy          (GPU Operator, Postgres, MLflow; the DB password Secret is created once)
  3. kubectl -n [=namespace] port-forward svc/mlflow 5000:5000     (MLflow UI: http://localhost:5000)
  4. MLFLOW_TRACKING_URI=http://localhost:5000 KUBE_MLFLOW_TRACKING_URI=http://mlflow.[=namespace].svc.cluster.local:5000 \
     mlflow run . -e trainer -b kubernetes -c kubernetes_config.json --build-image
[/#if]

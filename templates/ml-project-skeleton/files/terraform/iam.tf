# Service accounts and IAM. Every grant is an additive *_iam_member: nothing granted elsewhere is removed.

# --- GKE nodes -------------------------------------------------------------------------------------
resource "google_service_account" "gke_nodes" {
  account_id   = "gke-nodes"
  display_name = "GKE nodes of ${var.cluster_name}"
  depends_on   = [google_project_service.apis]
}

resource "google_project_iam_member" "gke_nodes_default" {
  project = var.project_id
  role    = "roles/container.defaultNodeServiceAccount"
  member  = "serviceAccount:${google_service_account.gke_nodes.email}"
}

resource "google_project_iam_member" "gke_nodes_pull" {
  project = var.project_id
  role    = "roles/artifactregistry.reader"
  member  = "serviceAccount:${google_service_account.gke_nodes.email}"
}

# --- MLflow tracking server (KSA mlflow-server) ----------------------------------------------------
resource "google_service_account" "mlflow" {
  account_id   = "mlflow-server"
  display_name = "MLflow tracking server"
  depends_on   = [google_project_service.apis]
}

resource "google_storage_bucket_iam_member" "mlflow_artifacts" {
  bucket = google_storage_bucket.mlflow_artifacts.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.mlflow.email}"
}

resource "google_service_account_iam_member" "mlflow_workload_identity" {
  service_account_id = google_service_account.mlflow.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.namespace}/mlflow-server]"
  # the workload identity pool exists once the cluster does
  depends_on = [google_container_cluster.primary]
}

# --- Training Jobs (KSA ml-training) ---------------------------------------------------------------
resource "google_service_account" "training" {
  account_id   = "ml-training"
  display_name = "Training Jobs of ${var.project_name}"
  depends_on   = [google_project_service.apis]
}

resource "google_storage_bucket_iam_member" "training_data" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.training.email}"
}

resource "google_storage_bucket_iam_member" "training_artifacts_read" {
  bucket = google_storage_bucket.mlflow_artifacts.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.training.email}"
}

resource "google_service_account_iam_member" "training_workload_identity" {
  service_account_id = google_service_account.training.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.namespace}/ml-training]"
  depends_on         = [google_container_cluster.primary]
}

# --- Engineers -------------------------------------------------------------------------------------
# kubectl access (get-credentials, Jobs, port-forward) in the project's clusters
resource "google_project_iam_member" "engineer_container_developer" {
  for_each = toset(var.engineers)
  project  = var.project_id
  role     = "roles/container.developer"
  member   = "user:${each.value}"
}

resource "google_storage_bucket_iam_member" "engineer_data" {
  for_each = toset(var.engineers)
  bucket   = google_storage_bucket.data.name
  role     = "roles/storage.objectAdmin"
  member   = "user:${each.value}"
}

resource "google_storage_bucket_iam_member" "engineer_artifacts" {
  for_each = toset(var.engineers)
  bucket   = google_storage_bucket.mlflow_artifacts.name
  role     = "roles/storage.objectAdmin"
  member   = "user:${each.value}"
}

# push images (devspace build, mlflow run --build-image) and Python packages
resource "google_artifact_registry_repository_iam_member" "engineer_docker" {
  for_each   = toset(var.engineers)
  location   = google_artifact_registry_repository.docker.location
  repository = google_artifact_registry_repository.docker.name
  role       = "roles/artifactregistry.writer"
  member     = "user:${each.value}"
}

resource "google_artifact_registry_repository_iam_member" "engineer_python" {
  for_each   = toset(var.engineers)
  location   = google_artifact_registry_repository.python.location
  repository = google_artifact_registry_repository.python.name
  role       = "roles/artifactregistry.writer"
  member     = "user:${each.value}"
}

# Model serving (generator model-serving): the KSA model-serving in var.namespace reads MLflow's model
# artifacts from the artifact bucket through Workload Identity, and may do nothing else.

resource "google_service_account" "model_serving" {
  account_id   = "model-serving"
  display_name = "Model serving of ${var.project_name}"
  depends_on   = [google_project_service.apis]
}

resource "google_storage_bucket_iam_member" "model_serving_artifacts_read" {
  bucket = google_storage_bucket.mlflow_artifacts.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.model_serving.email}"
}

resource "google_service_account_iam_member" "model_serving_workload_identity" {
  service_account_id = google_service_account.model_serving.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.namespace}/model-serving]"
  # the workload identity pool exists once the cluster does
  depends_on = [google_container_cluster.primary]
}

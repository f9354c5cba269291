output "cluster_name" {
  value = google_container_cluster.primary.name
}

output "kube_context" {
  description = "Context name `gcloud container clusters get-credentials` creates (used in kubernetes_config.json)."
  value       = "gke_${var.project_id}_${var.zone}_${var.cluster_name}"
}

output "get_credentials_command" {
  value = "gcloud container clusters get-credentials ${var.cluster_name} --zone ${var.zone} --project ${var.project_id}"
}

output "docker_repository" {
  description = "Image repository prefix (no tag) for docker push / devspace images."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.docker.repository_id}"
}

output "python_repository_url" {
  description = "twine upload URL; pip index is this URL + simple/."
  value       = "https://${var.region}-python.pkg.dev/${var.project_id}/${google_artifact_registry_repository.python.repository_id}/"
}

output "data_bucket" {
  value = google_storage_bucket.data.url
}

output "mlflow_artifacts_bucket" {
  value = google_storage_bucket.mlflow_artifacts.url
}

output "mlflow_service_account" {
  value = google_service_account.mlflow.email
}

output "training_service_account" {
  value = google_service_account.training.email
}

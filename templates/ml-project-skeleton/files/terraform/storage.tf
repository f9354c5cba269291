# Training data, and MLflow's artifact store (written only by the tracking server, which proxies
# artifacts for clients with --serve-artifacts).
resource "google_storage_bucket" "data" {
  name                        = "${var.project_id}-data"
  location                    = upper(var.region)
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  depends_on = [google_project_service.apis]
}

resource "google_storage_bucket" "mlflow_artifacts" {
  name                        = "${var.project_id}-mlflow-artifacts"
  location                    = upper(var.region)
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      with_state         = "ARCHIVED"
      num_newer_versions = 3
    }
  }

  depends_on = [google_project_service.apis]
}

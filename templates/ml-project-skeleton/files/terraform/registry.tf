# Docker images (trainer, mlflow-server) and Python packages of the project.
resource "google_artifact_registry_repository" "docker" {
  location      = var.region
  repository_id = var.project_name
  format        = "DOCKER"
  description   = "Container images of ${var.project_name}"

  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 20
    }
  }

  cleanup_policies {
    id     = "delete-old-untagged"
    action = "DELETE"
    condition {
      tag_state  = "UNTAGGED"
      older_than = "2592000s"
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_artifact_registry_repository" "python" {
  location      = var.region
  repository_id = "${var.project_name}-python"
  format        = "PYTHON"
  description   = "Python packages of ${var.project_name}"

  depends_on = [google_project_service.apis]
}

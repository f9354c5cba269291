# APIs the project uses. Service Usage and Cloud Resource Manager must already be enabled for Terraform to
# manage services (see README). disable_on_destroy defaults to false since provider 7.0: destroying this
# configuration leaves the APIs on.
resource "google_project_service" "apis" {
  for_each = toset([
    "container.googleapis.com",
    "compute.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com",
    "artifactregistry.googleapis.com",
    "storage.googleapis.com",
    "dataflow.googleapis.com",
    "cloudbuild.googleapis.com",
  ])

  project = var.project_id
  service = each.value
}

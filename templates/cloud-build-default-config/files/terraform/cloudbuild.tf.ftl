[#assign gen2 = repository_connection == "gen2"]
[#assign branchRegex = "^" + branch?replace(".", "\\\\.") + "$"]
# Cloud Build CI (mx generator cloud-build-default-config): the trigger runs cloudbuild.yaml on every push to
# [=branch] of github.com/[=github_owner]/[=github_repo], as its own service account with only the roles the
# build's steps use. Uses the variables of variables.tf and the repositories of registry.tf.

locals {
  # APIs the builds need. apis.tf may enable some of them already; each API is managed by one resource only,
  # so this file enables just the ones apis.tf lacks.
  cloudbuild_apis = setsubtract(toset([
    "cloudbuild.googleapis.com",
    "artifactregistry.googleapis.com",
    "storage.googleapis.com",
    "iam.googleapis.com",
[#if gen2]
    # a 2nd gen connection keeps its GitHub token in Secret Manager
    "secretmanager.googleapis.com",
[/#if]
  ]), keys(google_project_service.apis))
}

resource "google_project_service" "cloudbuild" {
  for_each = local.cloudbuild_apis

  project = var.project_id
  service = each.value
}

# --- Build service account and its roles ----------------------------------------------------------
resource "google_service_account" "cloudbuild" {
  account_id   = "[=build_service_account]"
  display_name = "Cloud Build CI of ${var.project_name}"
  description  = "Runs the builds of the trigger ${var.project_name}-push (cloudbuild.yaml)."
  depends_on   = [google_project_service.apis, google_project_service.cloudbuild]
}

# every build that runs as a user-specified service account writes its logs to Cloud Logging
resource "google_project_iam_member" "cloudbuild_log_writer" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.cloudbuild.email}"
}

# push the project image (images: in cloudbuild.yaml)
resource "google_artifact_registry_repository_iam_member" "cloudbuild_docker_writer" {
  location   = google_artifact_registry_repository.docker.location
  repository = google_artifact_registry_repository.docker.name
  role       = "roles/artifactregistry.writer"
  member     = "serviceAccount:${google_service_account.cloudbuild.email}"
}
[#if publish_python_package]

# upload the Python package (step publish-python-package)
resource "google_artifact_registry_repository_iam_member" "cloudbuild_python_writer" {
  location   = google_artifact_registry_repository.python.location
  repository = google_artifact_registry_repository.python.name
  role       = "roles/artifactregistry.writer"
  member     = "serviceAccount:${google_service_account.cloudbuild.email}"
}
[/#if]

# --- Docs bucket ------------------------------------------------------------------------------------
# Private: the HTML is read at https://storage.cloud.google.com/[=docs_bucket]/latest/index.html by
# accounts with objectViewer (the engineers below).
resource "google_storage_bucket" "docs" {
  name                        = "[=docs_bucket]"
  location                    = upper(var.region)
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  # only generated HTML, published again by every build
  force_destroy = true

  depends_on = [google_project_service.apis, google_project_service.cloudbuild]
}

# rsync --delete-unmatched-destination-objects creates, overwrites and deletes objects
resource "google_storage_bucket_iam_member" "cloudbuild_docs" {
  bucket = google_storage_bucket.docs.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.cloudbuild.email}"
}

resource "google_storage_bucket_iam_member" "engineer_docs" {
  for_each = toset(var.engineers)
  bucket   = google_storage_bucket.docs.name
  role     = "roles/storage.objectViewer"
  member   = "user:${each.value}"
}
[#if mx_jar?has_content]

# read the mx.jar the mx-lint step runs ([=mx_jar])
resource "google_storage_bucket_iam_member" "cloudbuild_mx_jar" {
  bucket = "[=mx_jar?keep_after("gs://")?keep_before("/")]"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.cloudbuild.email}"
}
[/#if]

# --- Trigger ----------------------------------------------------------------------------------------
[#if gen2]
# 2nd gen: the connection "[=github_connection]" is created once with
#   gcloud builds connections create github [=github_connection] --region=[=region] --project=[=gcp_project_id]
# (it asks you to authorize the Cloud Build GitHub App in the browser). Terraform links the repository to it.
resource "google_cloudbuildv2_repository" "github" {
  name              = "[=github_repo]"
  location          = var.region
  parent_connection = "projects/${var.project_id}/locations/${var.region}/connections/[=github_connection]"
  remote_uri        = "https://github.com/[=github_owner]/[=github_repo].git"

  depends_on = [google_project_service.cloudbuild]
}

[#else]
# 1st gen: install the Cloud Build GitHub App on github.com/[=github_owner]/[=github_repo] and connect the
# repository in the console (Cloud Build > Triggers > Connect repository, region global) before applying.
[/#if]
# Runs cloudbuild.yaml on every push to [=branch]: image, tests, docs[#if publish_python_package], Python package[/#if].
resource "google_cloudbuild_trigger" "push" {
  name     = "${var.project_name}-push"
  location = [#if gen2]var.region[#else]"global"[/#if]
  filename = "cloudbuild.yaml"

  # Set explicitly: creating a trigger without it fails with an unhelpful error (terraform-provider-google
  # #22558). Whoever applies this needs iam.serviceAccountUser on the account (owners have it).
  service_account = google_service_account.cloudbuild.id

[#if gen2]
  repository_event_config {
    repository = google_cloudbuildv2_repository.github.id
    push {
      branch = "[=branchRegex]"
    }
  }
[#else]
  github {
    owner = "[=github_owner]"
    name  = "[=github_repo]"
    push {
      branch = "[=branchRegex]"
    }
  }
[/#if]

  # the first build must find its permissions in place
  depends_on = [
    google_project_iam_member.cloudbuild_log_writer,
    google_artifact_registry_repository_iam_member.cloudbuild_docker_writer,
[#if publish_python_package]
    google_artifact_registry_repository_iam_member.cloudbuild_python_writer,
[/#if]
    google_storage_bucket_iam_member.cloudbuild_docs,
[#if mx_jar?has_content]
    google_storage_bucket_iam_member.cloudbuild_mx_jar,
[/#if]
  ]
}

output "cloudbuild_service_account" {
  value = google_service_account.cloudbuild.email
}

output "docs_url" {
  description = "Built docs (needs roles/storage.objectViewer on the bucket)."
  value       = "https://storage.cloud.google.com/${google_storage_bucket.docs.name}/latest/index.html"
}

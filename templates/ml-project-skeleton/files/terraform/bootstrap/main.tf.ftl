# Bootstrap root: creates the versioned bucket that holds the main configuration's Terraform state.
# It keeps its own (tiny) state locally in this directory. Run once, before `terraform init` in ../:
#   terraform -chdir=terraform/bootstrap init
#   terraform -chdir=terraform/bootstrap apply
terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 8.0"
    }
  }
}

provider "google" {
  project = "[=gcp_project_id]"
  region  = "[=region]"
}

resource "google_project_service" "storage" {
  project = "[=gcp_project_id]"
  service = "storage.googleapis.com"
}

resource "google_storage_bucket" "tfstate" {
  # must equal the bucket in ../versions.tf (backend blocks cannot use variables)
  name                        = "[=gcp_project_id]-tfstate"
  location                    = "[=region?upper_case]"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  # state recovery: keep old versions of the state object
  versioning {
    enabled = true
  }

  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      with_state         = "ARCHIVED"
      num_newer_versions = 10
    }
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [google_project_service.storage]
}

output "state_bucket" {
  value = google_storage_bucket.tfstate.name
}

terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 8.0"
    }
  }

  # Backend blocks cannot use variables. The bucket is created by ./bootstrap (run it once first):
  #   terraform -chdir=terraform/bootstrap init && terraform -chdir=terraform/bootstrap apply
  # The GCS backend locks natively (lock object in the bucket).
  backend "gcs" {
    bucket = "[=gcp_project_id]-tfstate"
    prefix = "[=project_name]/main"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
  zone    = var.zone

  default_labels = {
    project    = "[=project_name]"
    managed-by = "terraform"
  }
}

terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 8.0"
    }
  }
  backend "gcs" {
    bucket = "demo-ml-tfstate"
    prefix = "main"
  }
}

provider "google" {
  project = var.project_id
  region  = "europe-west4"
}

variable "project_id" {
  type = string
}

resource "google_storage_bucket" "data" {
  name                        = "${var.project_id}-data"
  location                    = "EUROPE-WEST4"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  versioning {
    enabled = true
  }
}

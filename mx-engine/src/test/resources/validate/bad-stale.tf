terraform {
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 5.0"
    }
  }
}

resource "google_container_cluster" "primary" {
  name     = "demo"
  location = "europe-west4-b"
  workload_identity_config {
    identity_namespace = "demo.svc.id.goog"
  }
}

resource "google_container_registry" "registry" {
  location = "EU"
}

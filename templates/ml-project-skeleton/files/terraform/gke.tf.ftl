[#-- GPU -> machine family (template-facts: L4 g2, T4 n1, A100 a2-highgpu, A100 80GB a2-ultragpu, H100 a3-highgpu) --]
[#assign machineTypes = {
  "nvidia-l4":         {"1": "g2-standard-8",  "2": "g2-standard-24", "4": "g2-standard-48", "8": "g2-standard-96"},
  "nvidia-tesla-t4":   {"1": "n1-standard-8",  "2": "n1-standard-16", "4": "n1-standard-32"},
  "nvidia-tesla-a100": {"1": "a2-highgpu-1g",  "2": "a2-highgpu-2g",  "4": "a2-highgpu-4g",  "8": "a2-highgpu-8g"},
  "nvidia-a100-80gb":  {"1": "a2-ultragpu-1g", "2": "a2-ultragpu-2g", "4": "a2-ultragpu-4g", "8": "a2-ultragpu-8g"},
  "nvidia-h100-80gb":  {"1": "a3-highgpu-1g",  "2": "a3-highgpu-2g",  "4": "a3-highgpu-4g",  "8": "a3-highgpu-8g"}
}]
[#if !(machineTypes[gpu_type])??][#stop "gpu_type " + gpu_type + " has no machine type mapping"][/#if]
[#assign byCount = machineTypes[gpu_type]]
[#if !(byCount[gpu_count?c])??][#stop "gpu_count " + gpu_count?c + " is not offered for " + gpu_type + "; use one of " + byCount?keys?join(", ")][/#if]
[#assign gpuMachineType = byCount[gpu_count?c]]
# Zonal GKE cluster: a small CPU pool for MLflow/Postgres and system pods, and a GPU pool that scales
# from zero for training Jobs.
resource "google_container_cluster" "primary" {
  name     = var.cluster_name
  location = var.zone
  project  = var.project_id

  # node pools are managed below; GKE needs an initial pool it then deletes
  remove_default_node_pool = true
  initial_node_count       = 1

  # provider default is true: `terraform destroy` fails until this is false and applied
  deletion_protection = var.cluster_deletion_protection

  release_channel {
    channel = "REGULAR"
  }

  # VPC-native (alias IPs), needed for container-native load balancing / NEGs
  networking_mode = "VPC_NATIVE"
  ip_allocation_policy {}

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  addons_config {
    gcs_fuse_csi_driver_config {
      enabled = true
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_container_node_pool" "cpu" {
  name     = "cpu"
  cluster  = google_container_cluster.primary.id
  location = var.zone

  initial_node_count = 1
  autoscaling {
    min_node_count = 1
    max_node_count = 3
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type    = "e2-standard-4"
    disk_size_gb    = 50
    disk_type       = "pd-balanced"
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.gke_nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}

resource "google_container_node_pool" "gpu" {
  name     = "gpu"
  cluster  = google_container_cluster.primary.id
  location = var.zone

  initial_node_count = 0
  autoscaling {
    min_node_count  = 0
    max_node_count  = var.gpu_max_nodes
    location_policy = "ANY"
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    # [=gpu_count?c] x [=gpu_type]
    machine_type    = "[=gpuMachineType]"
    spot            = var.gpu_spot
    disk_size_gb    = 200
    disk_type       = "pd-balanced"
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.gke_nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    labels = {
      workload = "gpu"
    }

    # GKE taints GPU nodes nvidia.com/gpu=present:NoSchedule and tolerates it for pods requesting GPUs.
    guest_accelerator {
      type  = var.gpu_type
      count = var.gpu_count
      gpu_driver_installation_config {
[#if gpu_driver == "gke-managed"]
        # GKE installs and upgrades the driver; no installer DaemonSet is deployed.
        gpu_driver_version = "LATEST"
[#else]
        # The driver comes from the COS installer DaemonSet (devspace deployment "cuda-drivers").
        gpu_driver_version = "INSTALLATION_DISABLED"
[/#if]
      }
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}

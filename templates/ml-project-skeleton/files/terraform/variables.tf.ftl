# Defaults are the answers given to `mx new ml-project-skeleton`; the Kubernetes manifests, devspace.yaml,
# MLproject and kubernetes_config.json were rendered with the same values, so change them together
# (re-run the generator rather than overriding here).

variable "project_id" {
  description = "Google Cloud project id (must exist; billing enabled)."
  type        = string
  default     = "[=gcp_project_id]"
}

variable "region" {
  description = "Region of buckets and Artifact Registry."
  type        = string
  default     = "[=region]"
}

variable "zone" {
  description = "Zone of the zonal GKE cluster and its GPU pool (GPUs are zonal)."
  type        = string
  default     = "[=zone]"
}

variable "project_name" {
  description = "Project name; names the Artifact Registry repositories."
  type        = string
  default     = "[=project_name]"
}

variable "cluster_name" {
  description = "GKE cluster name."
  type        = string
  default     = "[=cluster_name]"
}

variable "namespace" {
  description = "Kubernetes namespace of MLflow and training Jobs (Workload Identity bindings refer to it)."
  type        = string
  default     = "[=namespace]"
}

variable "engineers" {
  description = "E-mail addresses of Google accounts that get access to the cluster, buckets and registries."
  type        = list(string)
  default     = [[#list engineers as e]"[=e]"[#sep], [/#list]]

  validation {
    condition     = alltrue([for e in var.engineers : can(regex("^[^@ ]+@[^@ ]+[.][^@ ]+$", e))])
    error_message = "Each engineer must be an e-mail address."
  }
}

variable "gpu_type" {
  description = "Accelerator type of the GPU node pool."
  type        = string
  default     = "[=gpu_type]"
}

variable "gpu_count" {
  description = "GPUs per GPU node (must match the machine type in gke.tf)."
  type        = number
  default     = [=gpu_count?c]
}

variable "gpu_max_nodes" {
  description = "Maximum number of GPU nodes; the pool autoscales from 0."
  type        = number
  default     = [=gpu_max_nodes?c]
}

variable "gpu_spot" {
  description = "Use Spot VMs for GPU nodes."
  type        = bool
  default     = [=gpu_spot?c]
}

variable "cluster_deletion_protection" {
  description = "Set false and apply before `terraform destroy` can delete the cluster."
  type        = bool
  default     = [=cluster_deletion_protection?c]
}

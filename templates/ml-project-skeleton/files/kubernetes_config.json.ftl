{
[#if cloud == "gcp"]
  "kube-context": "gke_[=gcp_project_id]_[=zone]_[=cluster_name]",
[/#if]
  "repository-uri": "[=registry]/[=project_name]",
  "kube-job-template-path": "train_job.yaml"
}

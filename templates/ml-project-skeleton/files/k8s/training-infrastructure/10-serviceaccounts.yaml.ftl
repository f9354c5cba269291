# Kubernetes service accounts of the tracking server and of training Jobs (train_job.yaml).
[#if cloud == "gcp"]
# Workload Identity: each is bound to the Google service account of the same name by Terraform
# (roles/iam.workloadIdentityUser for serviceAccount:[=gcp_project_id].svc.id.goog[[=namespace]/<ksa>]).
[/#if]
apiVersion: v1
kind: ServiceAccount
metadata:
  name: mlflow-server
  namespace: [=namespace]
[#if cloud == "gcp"]
  annotations:
    iam.gke.io/gcp-service-account: mlflow-server@[=gcp_project_id].iam.gserviceaccount.com
[/#if]
  labels:
    app.kubernetes.io/part-of: [=project_name]
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ml-training
  namespace: [=namespace]
[#if cloud == "gcp"]
  annotations:
    iam.gke.io/gcp-service-account: ml-training@[=gcp_project_id].iam.gserviceaccount.com
[/#if]
  labels:
    app.kubernetes.io/part-of: [=project_name]

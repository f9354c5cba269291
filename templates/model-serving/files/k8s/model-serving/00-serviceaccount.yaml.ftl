# Identity of the model server pods: the storage initializer downloads the model with it.
[#if cloud == "gcp"]
# Workload Identity: bound to the Google service account model-serving (terraform/model-serving.tf), which
# may read gs://[=gcp_project_id]-mlflow-artifacts and nothing else.
[/#if]
apiVersion: v1
kind: ServiceAccount
metadata:
  name: model-serving
  namespace: [=namespace]
[#if cloud == "gcp"]
  annotations:
    iam.gke.io/gcp-service-account: model-serving@[=gcp_project_id].iam.gserviceaccount.com
[/#if]
  labels:
    app.kubernetes.io/part-of: [=project_name]

# KServe InferenceService for MLflow model [=model_name][#if model_version?has_content] version [=model_version][/#if]. To serve another version:
#   mx generate model-serving --set model_uri=$(python scripts/model_uri.py --version N) --set model_version=N
# Standard mode: a plain Deployment + Service [=model_name]-predictor (no Knative). The route from the
# gateway is 20-virtualservice.yaml. The mlflow format runs on KServe's MLServer-based kserve-mlserver
# runtime, which must be able to import the model's dependencies (see docs/model-serving.md).
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: [=model_name]
  namespace: [=namespace]
  annotations:
    serving.kserve.io/deploymentMode: Standard
  labels:
    app.kubernetes.io/name: [=model_name]
    app.kubernetes.io/part-of: [=project_name]
[#if model_version?has_content]
    mlflow.org/model-version: "[=model_version]"
[/#if]
spec:
  predictor:
    serviceAccountName: model-serving
    minReplicas: 1
    maxReplicas: 3
    model:
      modelFormat:
        name: mlflow
      protocolVersion: v2
      storageUri: [=model_uri]
[#if runtime_image?has_content]
      image: [=runtime_image]
[/#if]
      resources:
        requests:
          cpu: "1"
          memory: 2Gi
        limits:
          memory: 4Gi

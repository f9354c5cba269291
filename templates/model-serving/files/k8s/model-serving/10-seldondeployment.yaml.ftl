# Seldon Core v1 SeldonDeployment for MLflow model [=model_name][#if model_version?has_content] version [=model_version][/#if].
# LICENCE: Seldon Core is under the Business Source License 1.1 since 22 January 2024; production use needs a
# commercial licence (v1.17.1 was the last Apache-2.0 release), and the vendor is in liquidation.
# To serve another version:
#   mx generate model-serving --set model_uri=$(python scripts/model_uri.py --version N) --set model_version=N
# MLFLOW_SERVER creates the model's conda environment when the pod starts, which can take minutes: the
# probes below wait up to 15 minutes. Seldon's service [=model_name]-default (port 8000) is what
# 20-virtualservice.yaml routes to.
apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: [=model_name]
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: [=model_name]
    app.kubernetes.io/part-of: [=project_name]
[#if model_version?has_content]
    mlflow.org/model-version: "[=model_version]"
[/#if]
spec:
  protocol: seldon
  predictors:
    - name: default
      replicas: 1
      graph:
        name: model
        implementation: MLFLOW_SERVER
        modelUri: [=model_uri]
[#if cloud == "gcp"]
        envSecretRefName: model-serving-rclone
[/#if]
        children: []
      componentSpecs:
        - spec:
            serviceAccountName: model-serving
            containers:
              - name: model
                resources:
                  requests:
                    cpu: "1"
                    memory: 2Gi
                  limits:
                    memory: 4Gi
                readinessProbe:
                  tcpSocket:
                    port: 9000
                  initialDelaySeconds: 30
                  periodSeconds: 10
                  failureThreshold: 90
                livenessProbe:
                  tcpSocket:
                    port: 9000
                  initialDelaySeconds: 900
                  periodSeconds: 20
                  failureThreshold: 3

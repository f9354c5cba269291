# Job template for MLflow's kubernetes backend (`mlflow run . -e trainer -b kubernetes
# -c kubernetes_config.json --build-image`). MLflow overwrites metadata.name (<project>-<timestamp>),
# containers[0].name/image/command and appends MLFLOW_RUN_ID, MLFLOW_TRACKING_URI and
# MLFLOW_EXPERIMENT_ID to containers[0].env; everything else is kept. Set
# KUBE_MLFLOW_TRACKING_URI=http://mlflow.[=namespace].svc.cluster.local:5000 on the submitting machine
# so the pod reaches the in-cluster tracking server.
apiVersion: batch/v1
kind: Job
metadata:
  name: [=project_name]
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: [=project_name]-training
    app.kubernetes.io/part-of: [=project_name]
spec:
  backoffLimit: 1
  ttlSecondsAfterFinished: 86400
  template:
    metadata:
      labels:
        app.kubernetes.io/name: [=project_name]-training
        app.kubernetes.io/part-of: [=project_name]
    spec:
      restartPolicy: Never
      # Workload Identity / data access: KSA ml-training[#if cloud == "gcp"] -> GSA ml-training@[=gcp_project_id].iam.gserviceaccount.com[/#if]
      serviceAccountName: ml-training
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
[#if cloud == "gcp"]
      nodeSelector:
        cloud.google.com/gke-accelerator: [=gpu_type]
[#else]
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedule
[/#if]
      containers:
        - name: [=project_name]
          image: [=registry]/[=project_name]
          env:
            - name: HYDRA_OUTPUT_DIR
              value: /tmp/hydra-outputs
[#if cloud == "gcp"]
            - name: GOOGLE_CLOUD_PROJECT
              value: [=gcp_project_id]
            - name: DATA_BUCKET
              value: gs://[=gcp_project_id]-data
[/#if]
          resources:
            requests:
              cpu: "2"
              memory: 8Gi
            limits:
              memory: 24Gi
              nvidia.com/gpu: [=gpu_count?c]
          volumeMounts:
            - name: dshm
              mountPath: /dev/shm
            - name: tmp
              mountPath: /tmp
      volumes:
        # PyTorch DataLoader workers share tensors through /dev/shm; the container default is 64Mi
        - name: dshm
          emptyDir:
            medium: Memory
            sizeLimit: 2Gi
        - name: tmp
          emptyDir: {}

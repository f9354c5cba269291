# rclone configuration of Seldon's storage initializer for gs:// model URIs. No credentials: with
# anonymous access off and no key, rclone uses Application Default Credentials, i.e. the pod's Workload
# Identity (ServiceAccount model-serving). Nothing secret is in here; Seldon only reads env from Secrets.
apiVersion: v1
kind: Secret
metadata:
  name: model-serving-rclone
  namespace: [=namespace]
  labels:
    app.kubernetes.io/part-of: [=project_name]
type: Opaque
stringData:
  RCLONE_CONFIG_GS_TYPE: google cloud storage
  RCLONE_CONFIG_GS_ANONYMOUS: "false"
  RCLONE_CONFIG_GS_BUCKET_POLICY_ONLY: "true"

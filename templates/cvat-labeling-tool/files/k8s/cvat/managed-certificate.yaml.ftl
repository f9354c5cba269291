# Google-managed certificate of CVAT's own GKE Ingress (generator cvat-labeling-tool). Active once
# [=hostname] resolves to the Ingress address (terraform output cvat_ip_address), 30-60+ minutes later.
apiVersion: networking.gke.io/v1
kind: ManagedCertificate
metadata:
  name: cvat
  namespace: [=cvat_namespace]
  labels:
    app.kubernetes.io/part-of: [=project_name]
    app.kubernetes.io/managed-by: mx
spec:
  domains:
    - [=hostname]

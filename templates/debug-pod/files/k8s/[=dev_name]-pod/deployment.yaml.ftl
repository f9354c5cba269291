# Idle pod on the project image. `devspace dev` (dev.[=dev_name] in devspace.yaml) replaces it with JupyterLab,
# file sync and port forwarding; `devspace reset pods` puts it back. DevSpace writes the tag it built for
# images.trainer into the image below.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: [=dev_name]-pod
  namespace: [=namespace]
  labels:
    app.kubernetes.io/component: [=dev_name]-pod
    app.kubernetes.io/part-of: [=project_name]
spec:
  replicas: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app.kubernetes.io/component: [=dev_name]-pod
      app.kubernetes.io/part-of: [=project_name]
  template:
    metadata:
      labels:
        app.kubernetes.io/component: [=dev_name]-pod
        app.kubernetes.io/part-of: [=project_name]
    spec:
      # the service account of training Jobs[#if cloud == "gcp"] (Workload Identity: the data bucket, MLflow artifacts read-only)[/#if]
      serviceAccountName: ml-training
      terminationGracePeriodSeconds: 5
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        fsGroup: 1000
      containers:
        - name: jupyter
          image: [=registry]/[=project_name]
          command: [sleep, infinity]
          workingDir: /workspace
          resources:
            requests:
              cpu: 10m
              memory: 64Mi
            limits:
              memory: 256Mi
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: workspace
              mountPath: /workspace
      volumes:
        # the synced project and the notebooks created in it; empty again after every restart
        - name: workspace
          emptyDir: {}

# MLflow tracking server (MLflow [=mlflow_version], image built from docker/mlflow/Dockerfile).
# Clients inside the cluster use http://mlflow.[=namespace].svc.cluster.local:5000; from a laptop:
#   kubectl -n [=namespace] port-forward svc/mlflow 5000:5000   ->   http://localhost:5000
# MLflow >= 3.5 rejects unknown Host headers, so --allowed-hosts lists every name clients use
# (add your ingress hostname there if you expose the server).
[#assign uri = "postgresql+psycopg2://mlflow:$(POSTGRES_PASSWORD)@mlflow-postgres:5432/mlflow"]
[#assign svc = "mlflow." + namespace]
[#assign hosts = ["mlflow", "mlflow:5000", svc, svc + ":5000", svc + ".svc", svc + ".svc:5000",
  svc + ".svc.cluster.local", svc + ".svc.cluster.local:5000", "localhost", "localhost:5000",
  "127.0.0.1", "127.0.0.1:5000"]]
[#if cloud == "none"]
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: mlflow-artifacts
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: mlflow
    app.kubernetes.io/part-of: [=project_name]
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 50Gi
---
[/#if]
apiVersion: apps/v1
kind: Deployment
metadata:
  name: mlflow
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: mlflow
    app.kubernetes.io/part-of: [=project_name]
spec:
  replicas: 1
[#if cloud == "none"]
  strategy:
    type: Recreate   # the artifact volume is ReadWriteOnce
[/#if]
  selector:
    matchLabels:
      app.kubernetes.io/name: mlflow
  template:
    metadata:
      labels:
        app.kubernetes.io/name: mlflow
        app.kubernetes.io/part-of: [=project_name]
    spec:
      serviceAccountName: mlflow-server
      initContainers:
        # creates the schema on an empty database and migrates it after an MLflow upgrade (the server
        # refuses an outdated schema). `mlflow db upgrade` on an empty database needs an MLflow release
        # with mlflow/mlflow#23752 (June 2026); with an older mlflow_version drop this init container.
        - name: db-upgrade
          image: [=registry]/mlflow-server
          command: ["mlflow", "db", "upgrade", "[=uri]"]
          env:
            - name: POSTGRES_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: mlflow-postgres
                  key: password
      containers:
        - name: mlflow
          image: [=registry]/mlflow-server
          command: ["mlflow", "server"]
          args:
            - --host=0.0.0.0
            - --port=5000
            - --workers=2
            - --backend-store-uri=[=uri]
[#if cloud == "gcp"]
            # artifacts are proxied by the server (--serve-artifacts is the default): only this pod
            # needs GCS access, through Workload Identity (KSA mlflow-server)
            - --artifacts-destination=gs://[=gcp_project_id]-mlflow-artifacts/mlflow
[#else]
            - --artifacts-destination=/mlartifacts
[/#if]
            - --allowed-hosts=[#list hosts as h][=h][#sep],[/#list]
          env:
            - name: POSTGRES_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: mlflow-postgres
                  key: password
          ports:
            - name: http
              containerPort: 5000
          readinessProbe:
            httpGet:
              path: /health
              port: http
            initialDelaySeconds: 10
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /health
              port: http
            initialDelaySeconds: 60
            periodSeconds: 20
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              memory: 2Gi
[#if cloud == "none"]
          volumeMounts:
            - name: artifacts
              mountPath: /mlartifacts
      volumes:
        - name: artifacts
          persistentVolumeClaim:
            claimName: mlflow-artifacts
[/#if]
---
apiVersion: v1
kind: Service
metadata:
  name: mlflow
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: mlflow
    app.kubernetes.io/part-of: [=project_name]
spec:
  selector:
    app.kubernetes.io/name: mlflow
  ports:
    - name: http
      port: 5000
      targetPort: http

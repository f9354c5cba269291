# Postgres 18 backend store of MLflow. The password comes from the Secret mlflow-postgres (key
# "password"), which the devspace hook "mlflow-postgres-secret" creates once with a random value;
# it is never stored in this repository.
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: mlflow-postgres
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: mlflow-postgres
    app.kubernetes.io/part-of: [=project_name]
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 10Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: mlflow-postgres
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: mlflow-postgres
    app.kubernetes.io/part-of: [=project_name]
spec:
  replicas: 1
  strategy:
    type: Recreate   # one pod at a time owns the ReadWriteOnce volume
  selector:
    matchLabels:
      app.kubernetes.io/name: mlflow-postgres
  template:
    metadata:
      labels:
        app.kubernetes.io/name: mlflow-postgres
        app.kubernetes.io/part-of: [=project_name]
    spec:
      containers:
        - name: postgres
          image: postgres:18
          ports:
            - name: postgres
              containerPort: 5432
          env:
            - name: POSTGRES_USER
              value: mlflow
            - name: POSTGRES_DB
              value: mlflow
            - name: POSTGRES_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: mlflow-postgres
                  key: password
          volumeMounts:
            # postgres:18 keeps PGDATA in /var/lib/postgresql/18/docker and declares the volume at
            # /var/lib/postgresql; mounting at .../data as for <= 17 fails at start.
            - name: data
              mountPath: /var/lib/postgresql
          readinessProbe:
            exec:
              command: ["pg_isready", "-U", "mlflow", "-d", "mlflow"]
            initialDelaySeconds: 5
            periodSeconds: 10
          livenessProbe:
            exec:
              command: ["pg_isready", "-U", "mlflow", "-d", "mlflow"]
            initialDelaySeconds: 30
            periodSeconds: 20
          resources:
            requests:
              cpu: 250m
              memory: 512Mi
            limits:
              memory: 1Gi
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: mlflow-postgres
---
apiVersion: v1
kind: Service
metadata:
  name: mlflow-postgres
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: mlflow-postgres
    app.kubernetes.io/part-of: [=project_name]
spec:
  selector:
    app.kubernetes.io/name: mlflow-postgres
  ports:
    - name: postgres
      port: 5432
      targetPort: postgres

# Streamlit app (generator streamlit-app): Deployment + Service "streamlit" on port 8501.
# DevSpace (deployment streamlit-app) replaces the image reference with the tag it just built.
# One replica: each session lives in one server's memory and talks to the browser over a WebSocket;
# more replicas need session affinity at the gateway (an Istio DestinationRule with a consistent-hash
# cookie).
apiVersion: apps/v1
kind: Deployment
metadata:
  name: streamlit
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: streamlit
    app.kubernetes.io/part-of: [=project_name]
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: streamlit
  template:
    metadata:
      labels:
        app.kubernetes.io/name: streamlit
        app.kubernetes.io/part-of: [=project_name]
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
      containers:
        - name: streamlit
          image: [=registry]/streamlit-app
          ports:
            - name: http
              containerPort: 8501
          env:
            - name: MLFLOW_TRACKING_URI
              value: http://mlflow.[=namespace].svc.cluster.local:5000
          readinessProbe:
            httpGet:
              path: /_stcore/health
              port: 8501
            initialDelaySeconds: 5
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /_stcore/health
              port: 8501
            initialDelaySeconds: 20
            periodSeconds: 20
            failureThreshold: 3
          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              memory: 1Gi
---
apiVersion: v1
kind: Service
metadata:
  name: streamlit
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: streamlit
    app.kubernetes.io/part-of: [=project_name]
spec:
  selector:
    app.kubernetes.io/name: streamlit
  ports:
    # the "http" name tells Istio the protocol (WebSocket upgrades included)
    - name: http
      port: 8501
      targetPort: 8501

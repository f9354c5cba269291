# Load-balancer settings for the Istio ingress gateway Service (generator deployment-infrastructure),
# attached by the Service annotation cloud.google.com/backend-config (see the istio-ingress deployment
# in devspace.yaml).
# - Health check: Envoy answers its readiness on port 15021 at /healthz/ready. The load balancer's default
#   check (GET / on the serving port) would get 404 from Envoy and mark every backend unhealthy.
# - timeoutSec: the backend service timeout, which is also the longest a WebSocket (Streamlit, CVAT) stays
#   open before the client reconnects; GKE's default is 30 s.
apiVersion: cloud.google.com/v1
kind: BackendConfig
metadata:
  name: istio-ingressgateway
  namespace: istio-ingress
  labels:
    app.kubernetes.io/part-of: [=project_name]
    app.kubernetes.io/managed-by: mx
spec:
  timeoutSec: [=backend_timeout_sec?c]
  healthCheck:
    type: HTTP
    port: 15021
    requestPath: /healthz/ready
    checkIntervalSec: 10
    timeoutSec: 5

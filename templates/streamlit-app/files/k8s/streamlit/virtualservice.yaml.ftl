[#assign host = subdomain + "." + answers.domain]
[#if host?length > 63][#stop "the host " + host + " is longer than 63 characters (a managed certificate's limit); use a shorter subdomain"][/#if]
# The Streamlit app behind the project's Istio Gateway (generators streamlit-app +
# deployment-infrastructure). WebSockets pass through; there is no route timeout. On GKE the load
# balancer closes connections after deployment-infrastructure's backend_timeout_sec and the app reconnects.
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: streamlit
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: streamlit
    app.kubernetes.io/part-of: [=project_name]
spec:
  hosts:
    - [=host]
  gateways:
    - istio-ingress/[=project_name]-gateway
  http:
    - name: streamlit
      route:
        - destination:
            host: streamlit.[=namespace].svc.cluster.local
            port:
              number: 8501

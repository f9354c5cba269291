# No other pod may connect to JupyterLab, which runs any code as ml-training. Port forwarding (devspace dev,
# kubectl port-forward) enters the pod through the kubelet and is not subject to NetworkPolicy. Enforced
# where the cluster enforces NetworkPolicy (GKE: Dataplane V2 or network policy enforcement).
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: [=dev_name]-pod-deny-ingress
  namespace: [=namespace]
  labels:
    app.kubernetes.io/component: [=dev_name]-pod
    app.kubernetes.io/part-of: [=project_name]
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/component: [=dev_name]-pod
      app.kubernetes.io/part-of: [=project_name]
  policyTypes: [Ingress]

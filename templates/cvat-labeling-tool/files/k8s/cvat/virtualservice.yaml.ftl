[#if !(hostname == domain || hostname?ends_with("." + domain))]
[#stop "hostname " + hostname + " is not " + domain + " or a name under it: the Gateway " + project_name + "-gateway of deployment-infrastructure only accepts " + domain + " and *." + domain]
[/#if]
[#assign backend = "cvat-backend-service." + cvat_namespace + ".svc.cluster.local"]
[#assign frontend = "cvat-frontend-service." + cvat_namespace + ".svc.cluster.local"]
# CVAT behind the project's Istio Gateway (generators cvat-labeling-tool + deployment-infrastructure).
# The same routes as the CVAT chart's own Ingress: API, Django admin, static files, RQ dashboard and
# profiler go to the backend (Service cvat-backend-service:8080), everything else to the UI
# (cvat-frontend-service:80). No route timeout: large uploads and exports take long.
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: cvat
  namespace: [=cvat_namespace]
  labels:
    app.kubernetes.io/part-of: [=project_name]
    app.kubernetes.io/managed-by: mx
spec:
  hosts:
    - [=hostname]
  gateways:
    - istio-ingress/[=project_name]-gateway
  http:
    - name: backend
      match:
[#list ["/api", "/admin", "/static", "/django-rq", "/profiler"] as p]
        - uri:
            prefix: [=p]
[/#list]
      route:
        - destination:
            host: [=backend]
            port:
              number: 8080
    - name: ui
      route:
        - destination:
            host: [=frontend]
            port:
              number: 80

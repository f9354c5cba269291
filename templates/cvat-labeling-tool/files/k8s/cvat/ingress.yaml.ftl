# CVAT's own Ingress (generator cvat-labeling-tool; deployment-infrastructure is not applied). The same
# routes as the CVAT chart's Ingress: API, Django admin, static files, RQ dashboard and profiler to the
# backend (cvat-backend-service:8080), everything else to the UI (cvat-frontend-service:80).
[#if cloud == "gcp"]
# GKE: class annotation (never spec.ingressClassName, which GKE ignores), the global static IP from
# terraform/cvat.tf and the ManagedCertificate in managed-certificate.yaml. The load balancer takes its
# health checks from the pods' readiness probes (backend /api/server/about, UI /).
[/#if]
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: cvat
  namespace: [=cvat_namespace]
  labels:
    app.kubernetes.io/part-of: [=project_name]
    app.kubernetes.io/managed-by: mx
[#if cloud == "gcp"]
  annotations:
    kubernetes.io/ingress.class: "gce"
    kubernetes.io/ingress.global-static-ip-name: "[=project_name]-cvat-ip"
    networking.gke.io/managed-certificates: "cvat"
[/#if]
spec:
[#if cloud == "none" && ingress_class?has_content]
  ingressClassName: [=ingress_class]
[/#if]
[#if cloud == "none" && tls_secret_name?has_content]
  tls:
    - hosts:
        - [=hostname]
      secretName: [=tls_secret_name]
[/#if]
  rules:
    - host: [=hostname]
      http:
        paths:
[#list ["/api", "/admin", "/static", "/django-rq", "/profiler"] as p]
          - path: [=p]
            pathType: Prefix
            backend:
              service:
                name: cvat-backend-service
                port:
                  number: 8080
[/#list]
          - path: /
            pathType: Prefix
            backend:
              service:
                name: cvat-frontend-service
                port:
                  number: 80

# GKE Ingress in front of the Istio ingress gateway (generator deployment-infrastructure).
# - GKE picks up an Ingress by the class *annotation*; with spec.ingressClassName and no annotation it
#   ignores the Ingress, so ingressClassName is deliberately absent.
# - The address is the global static IP terraform/ingress.tf creates ([=project_name]-ingress-ip).
# - HTTPS with the Google-managed certificate in managed-certificate.yaml; HTTP stays open as well (GKE
#   redirects only with a FrontendConfig, which is not rendered here).
# - Every host goes to the gateway, which routes by Host header (Gateway [=project_name]-gateway).
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: [=project_name]-ingress
  namespace: istio-ingress
  labels:
    app.kubernetes.io/part-of: [=project_name]
    app.kubernetes.io/managed-by: mx
  annotations:
    kubernetes.io/ingress.class: "gce"
    kubernetes.io/ingress.global-static-ip-name: "[=project_name]-ingress-ip"
    networking.gke.io/managed-certificates: "[=project_name]-cert"
spec:
  defaultBackend:
    service:
      name: istio-ingressgateway
      port:
        number: 80

[#assign tls = cloud == "none" && gateway_tls_secret?has_content]
# The project's shared Istio Gateway (generator deployment-infrastructure). Other generators route through
# it with VirtualServices in their own namespace:
#   spec.gateways: [istio-ingress/[=project_name]-gateway]
#   spec.hosts:    [<name>.[=domain]] (or [=domain])
# The selector matches the pods of the istio-ingressgateway release of Istio's gateway chart.
[#if cloud == "gcp"]
# TLS ends at the Google load balancer (k8s/deployment-infrastructure/ingress.yaml), so the gateway
# serves plain HTTP on port 80 only.
[#elseif tls]
# HTTPS with the certificate in Secret [=gateway_tls_secret] (namespace istio-ingress); HTTP redirects to it.
[#else]
# HTTP only: set gateway_tls_secret (and re-run the generator) to serve HTTPS.
[/#if]
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: [=project_name]-gateway
  namespace: istio-ingress
  labels:
    app.kubernetes.io/part-of: [=project_name]
    app.kubernetes.io/managed-by: mx
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
        - "[=domain]"
        - "*.[=domain]"
[#if tls]
      tls:
        httpsRedirect: true
    - port:
        number: 443
        name: https
        protocol: HTTPS
      hosts:
        - "[=domain]"
        - "*.[=domain]"
      tls:
        mode: SIMPLE
        credentialName: [=gateway_tls_secret]
[/#if]

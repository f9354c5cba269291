[#if cloud == "gcp"]
# Istio [=istio_version] ingress gateway (chart gateway). Pods are labelled istio=ingressgateway (from the
# release name). The Service is ClusterIP behind the GKE Ingress with container-native load balancing
# (NEG) and the BackendConfig istio-ingressgateway (health check 15021 /healthz/ready, timeout).
# numTrustedProxies 2: the Google load balancer appends <client IP>, <load balancer IP> to
# X-Forwarded-For; trusting it also keeps X-Forwarded-Proto: https for the applications.
[#else]
# Istio [=istio_version] ingress gateway (chart gateway). Pods are labelled istio=ingressgateway (from the
# release name); the Service is type LoadBalancer: point [=domain] and *.[=domain] at its address.
# Clients connect to Envoy directly (an L4 load balancer), so it trusts no X-Forwarded-* headers; behind
# an HTTP proxy add podAnnotations proxy.istio.io/config: '{"gatewayTopology": {"numTrustedProxies": 1}}'.
[/#if]
namespace: istio-ingress
helm:
  releaseName: istio-ingressgateway
  chart:
    name: gateway
    repo: https://istio-release.storage.googleapis.com/charts
    version: "[=istio_version]"
  values:
[#if cloud == "gcp"]
    podAnnotations:
      proxy.istio.io/config: '{"gatewayTopology": {"numTrustedProxies": 2}}'
[/#if]
    service:
[#if cloud == "gcp"]
      type: ClusterIP
      annotations:
        cloud.google.com/neg: '{"ingress": true}'
        cloud.google.com/backend-config: '{"default": "istio-ingressgateway"}'
[#else]
      type: LoadBalancer
[/#if]

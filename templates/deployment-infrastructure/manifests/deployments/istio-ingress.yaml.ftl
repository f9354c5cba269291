[#if cloud == "gcp"]
# Istio [=istio_version] ingress gateway (chart gateway). Pods are labelled istio=ingressgateway (from the
# release name). The Service is ClusterIP behind the GKE Ingress with container-native load balancing
# (NEG) and the BackendConfig istio-ingressgateway (health check 15021 /healthz/ready, timeout).
# numTrustedProxies 2: the Google load balancer appends <client IP>, <load balancer IP> to
# X-Forwarded-For; trusting it also keeps X-Forwarded-Proto: https for the applications.
[#else]
# Istio [=istio_version] ingress gateway (chart gateway). Pods are labelled istio=ingressgateway (from the
# release name); the Service is type LoadBalancer: point [=domain] and *.[=domain] at its address.
# numTrustedProxies 1 trusts X-Forwarded-For/-Proto of one proxy in front (set 0 if clients connect
# directly).
[/#if]
namespace: istio-ingress
helm:
  releaseName: istio-ingressgateway
  chart:
    name: gateway
    repo: https://istio-release.storage.googleapis.com/charts
    version: "[=istio_version]"
  values:
    podAnnotations:
      proxy.istio.io/config: '{"gatewayTopology": {"numTrustedProxies": [=(cloud == "gcp")?then(2, 1)]}}'
    service:
[#if cloud == "gcp"]
      type: ClusterIP
      annotations:
        cloud.google.com/neg: '{"ingress": true}'
        cloud.google.com/backend-config: '{"default": "istio-ingressgateway"}'
[#else]
      type: LoadBalancer
[/#if]

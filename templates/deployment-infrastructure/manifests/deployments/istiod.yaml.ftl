# Istio [=istio_version] control plane (chart istiod): config distribution and the sidecar/gateway
# injection webhook the ingress gateway pods need.
namespace: istio-system
helm:
  releaseName: istiod
  chart:
    name: istiod
    repo: https://istio-release.storage.googleapis.com/charts
    version: "[=istio_version]"
  values: {}

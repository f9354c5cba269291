# Istio [=istio_version] CRDs and cluster-wide resources (chart base); deployed first, see pipelines.deploy.
namespace: istio-system
helm:
  releaseName: istio-base
  chart:
    name: base
    repo: https://istio-release.storage.googleapis.com/charts
    version: "[=istio_version]"
  values:
    defaultRevision: default

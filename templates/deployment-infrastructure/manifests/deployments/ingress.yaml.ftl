[#if cloud == "gcp"]
# The shared Istio Gateway [=project_name]-gateway, the GKE Ingress with its ManagedCertificate and the
# gateway's BackendConfig (k8s/deployment-infrastructure/).
[#else]
# The shared Istio Gateway [=project_name]-gateway (k8s/deployment-infrastructure/).
[/#if]
namespace: istio-ingress
updateImageTags: false
kubectl:
  manifests:
    - k8s/deployment-infrastructure/

# How CVAT is reached (k8s/cvat/): a VirtualService on the project's Istio Gateway when
# deployment-infrastructure is applied, otherwise CVAT's own Ingress (re-run cvat-labeling-tool after
# applying deployment-infrastructure to switch).
namespace: [=cvat_namespace]
updateImageTags: false
kubectl:
  manifests:
    - k8s/cvat/

[#if cloud == "gcp"]
# NVIDIA driver installer for the GKE GPU pool (driver installation disabled on the pool; see
# terraform/gke.tf). Google's COS DaemonSet, vendored in k8s/cuda-drivers/.
namespace: kube-system
updateImageTags: false
kubectl:
  manifests:
    - k8s/cuda-drivers/
[#else]
# NVIDIA GPU Operator: driver, container toolkit and device plugin on the cluster's GPU nodes.
# If your nodes already have a driver, add `driver: {enabled: false}` to values.
namespace: gpu-operator
helm:
  releaseName: gpu-operator
  chart:
    name: gpu-operator
    repo: https://helm.ngc.nvidia.com/nvidia
    version: [=gpu_operator_version]
  upgradeArgs:
    - --create-namespace
  values: {}
[/#if]

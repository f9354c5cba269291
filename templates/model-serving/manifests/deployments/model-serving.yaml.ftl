# Model serving ([#if engine == "kserve"]KServe InferenceService[#else]Seldon Core v1 SeldonDeployment[/#if]) and its route through the gateway
# istio-ingress/[=project_name]-gateway (k8s/model-serving/). Needs the serving control plane installed once
# per cluster (docs/model-serving.md); DevSpace does not install it.
namespace: [=namespace]
updateImageTags: false
kubectl:
  manifests:
    - k8s/model-serving/

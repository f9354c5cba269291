# LEGACY Kubeflow Training Operator v1 ([=training_operator_version], PyTorchJob API) from its standalone
# kustomize overlay (k8s/training-operator/). Its CRDs are too large for client-side apply, so it is applied
# server-side. DevSpace always runs `kubectl apply --force`, which kubectl refuses together with
# --server-side; the later --force=false switches --force off again (the last value of a flag wins).
namespace: kubeflow
updateImageTags: false
kubectl:
  kustomize: true
  manifests:
    - k8s/training-operator/
  applyArgs:
    - --server-side
    - --force=false
    - --force-conflicts

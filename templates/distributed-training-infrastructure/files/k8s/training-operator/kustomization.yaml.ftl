# LEGACY Kubeflow Training Operator v1 (kubeflow.org/v1 PyTorchJob), deployed by the DevSpace deployment
# "training-operator" (kustomize build, then kubectl apply --server-side). The repository was renamed from
# kubeflow/training-operator to kubeflow/trainer; the v1 tags and the standalone overlay are still there.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - github.com/kubeflow/trainer.git/manifests/overlays/standalone?ref=[=training_operator_version]

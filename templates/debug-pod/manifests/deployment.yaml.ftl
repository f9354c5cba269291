# Idle pod on the project image that `devspace dev` replaces with JupyterLab (dev.[=dev_name]).
namespace: [=namespace]
kubectl:
  manifests:
    - k8s/[=dev_name]-pod/

# Streamlit app: Deployment + Service (k8s/streamlit/) and, with deployment-infrastructure, its
# VirtualService on the project's Istio Gateway.
namespace: [=namespace]
kubectl:
  manifests:
    - k8s/streamlit/

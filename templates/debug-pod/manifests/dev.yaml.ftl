[#if gpus > gpu_count][#stop "gpus " + gpus?c + " is more than the " + gpu_count?c + " GPU(s) of one GPU node (gpu_count): a pod runs on one node"][/#if]
# While `devspace dev` runs, the [=dev_name]-pod pod is replaced by one running JupyterLab on the same image, with
# the project synced to /workspace. `devspace reset pods` puts the idle pod back[#if gpus > 0] and frees the GPU[#if gpus > 1]s[/#if][/#if].
labelSelector:
  app.kubernetes.io/component: [=dev_name]-pod
  app.kubernetes.io/part-of: [=project_name]
namespace: [=namespace]
container: jupyter
workingDir: /workspace
# JupyterLab is not in the training image: installed for the pod's user at every start (about a minute).
# $HOME, $PATH and $JUPYTER_TOKEN are expanded by bash in the pod, not by DevSpace.
command: [bash, -c]
args:
  - >-
    python -m pip install --user --quiet 'jupyterlab[=jupyterlab_version]'
    && export PATH="$HOME/.local/bin:$PATH"
    && exec jupyter lab --ip=0.0.0.0 --port=8888 --no-browser --ServerApp.root_dir=/workspace
    --IdentityProvider.token="$JUPYTER_TOKEN"
env:
  - name: JUPYTER_TOKEN
    value: $!{DEBUG_JUPYTER_TOKEN}
  - name: PYTHONPATH
    value: /workspace/src
  - name: MLFLOW_TRACKING_URI
    value: http://mlflow.[=namespace].svc.cluster.local:5000
resources:
  requests:
    cpu: "[=cpu]"
    memory: [=memory]
  limits:
    memory: [=memory]
[#if gpus > 0]
    nvidia.com/gpu: "[=gpus?c]"
[/#if]
[#if gpus > 0 && cloud == "gcp"]
# GKE tolerates its GPU taint for pods that request nvidia.com/gpu; the selector picks the GPU pool.
patches:
  - op: add
    path: spec.nodeSelector
    value:
      cloud.google.com/gke-accelerator: [=gpu_type]
[/#if]
sync:
  - path: ./:/workspace
    # local-only and generated files, and secrets (Terraform state) that have no business in the pod
    excludePaths:
      - .git/
      - .mx/
      - .devspace/
      - .venv/
      - venv/
      - __pycache__/
      - "*.pyc"
      - .ipynb_checkpoints/
      - outputs/
      - multirun/
      - mlruns/
      - mlartifacts/
      - mlflow.db
      - docs/_build/
      - build/
      - dist/
      - "*.egg-info/"
      - terraform/
      - .terraform/
      - "*.tfstate*"
ports:
  - port: "[=local_port?c]:8888"
open:
  - url: http://localhost:[=local_port?c]/lab?token=${DEBUG_JUPYTER_TOKEN}
logs:
  enabled: true

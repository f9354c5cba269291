# `devspace run-pipeline [=dev_name]`: build the project image, update the [=dev_name]-pod deployment and start
# JupyterLab in it, without deploying anything else (run `devspace deploy` once before: MLflow, the
# ml-training service account[#if gpus > 0 && (cloud == "none" || gpu_driver == "daemonset")], the GPU drivers (cuda-drivers)[/#if]).
run: |-
  build_images trainer
  create_deployments [=dev_name]-pod
  start_dev [=dev_name]

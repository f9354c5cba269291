[#assign drivers = gpus > 0 && (cloud == "none" || gpu_driver == "daemonset")]
Debug pod for [=project_name]: JupyterLab on [=registry]/[=project_name] in namespace [=namespace][#if gpus > 0] with [=gpus?c] GPU(s)[/#if].

[#if cloud == "gcp"]
  0. gcloud container clusters get-credentials [=answers.cluster_name!"<cluster>"] --zone [=answers.zone!"<zone>"] --project [=answers.gcp_project_id!"<project>"]
[/#if]
  1. devspace deploy
     once, and after infrastructure changes: MLflow, the ml-training service account[#if drivers], the GPU drivers[/#if] and the idle [=dev_name]-pod
  2. devspace run-pipeline [=dev_name]
     builds the image, updates [=dev_name]-pod and starts JupyterLab; DevSpace opens
     http://localhost:[=local_port?c]/lab?token=<new token each run>. Files sync both ways between . and /workspace.
     (`devspace dev` does the same after deploying everything and starts every dev configuration.)
  3. Ctrl+C stops sync and port forwarding; `devspace reset pods` puts the idle pod back[#if gpus > 0] and frees the GPU node[/#if].

[#assign path = (engine == "kserve")?then("/v2/models/" + model_name + "/infer", "/seldon/" + namespace + "/" + model_name + "/api/v1.0/predictions")]
[#assign label = host?remove_ending("." + domain)]
[#assign listed = !(cloud == "gcp" && answers.subdomains?? && answers.subdomains?is_sequence && label != host && !answers.subdomains?seq_contains(label))]
Model serving ([=engine]) is set up. Next (details in docs/model-serving.md):
[#if engine == "seldon-core-v1"]
  Seldon Core is under the Business Source License 1.1 since January 2024: production use needs a
  commercial licence, and the vendor is in liquidation. Prefer --set engine=kserve.
[/#if]

[#if engine == "kserve"]
  1. Install the serving control plane once per cluster: cert-manager + KServe v0.16 (docs/model-serving.md).
[#else]
  1. Install the serving control plane once per cluster: Seldon Core v1.17.1 (docs/model-serving.md).
[/#if]
[#if cloud == "gcp"]
  2. terraform -chdir=terraform apply        (Google service account model-serving, read-only on the artifact bucket)
[#else]
  2. Nothing to grant: with cloud=none the model is read from the MLflow artifact volume.
[/#if]
[#if model_uri == ""]
  3. Register a model version in MLflow, then serve it:
       python -c "import mlflow; print(mlflow.register_model('runs:/<run id>/model', '[=model_name]').version)"
       mx generate model-serving --set model_uri=$(python scripts/model_uri.py --version 1) --set model_version=1
  4. devspace deploy
[#else]
  3. devspace deploy        (serves [=model_uri])
[/#if]
  Call it (request bodies in docs/model-serving.md):
       curl -X POST https://[=host][=path] -H 'Content-Type: application/json' -d @request.json
[#if !listed]

  The managed certificate does not list [=host] yet:
       mx generate deployment-infrastructure --set subdomains=[=answers.subdomains?join(",")],[=label]
[/#if]

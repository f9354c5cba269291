Cloud Build CI for [=project_name] (trigger [=project_name]-push on [=branch] of github.com/[=github_owner]/[=github_repo]):

[#if repository_connection == "gen2"]
  1. Connect GitHub once (2nd gen; authorize the Cloud Build GitHub App in the browser when asked):
     gcloud builds connections create github [=github_connection] --region=[=region] --project=[=gcp_project_id]
[#else]
  1. Install the Cloud Build GitHub App on github.com/[=github_owner]/[=github_repo] and connect the repository:
     Cloud console > Cloud Build > Triggers > Connect repository (region global, 1st gen)
[/#if]
  2. terraform -chdir=terraform init && terraform -chdir=terraform apply
     (APIs, service account [=build_service_account] and its roles, docs bucket [=docs_bucket], the trigger)
  3. Commit and push cloudbuild.yaml, tests/ and terraform/cloudbuild.tf to [=branch]: the push starts a build.
     Run it again by hand with: devspace run cloud-build
  4. Builds:  gcloud builds list --region=[#if repository_connection == "gen2"][=region][#else]global[/#if] --project=[=gcp_project_id]
     Image:   [=region]-docker.pkg.dev/[=gcp_project_id]/[=project_name]/[=project_name]:<short sha> and :latest
     Docs:    https://storage.cloud.google.com/[=docs_bucket]/latest/index.html
[#if publish_python_package]
     Package: pip install --no-deps --index-url https://[=region]-python.pkg.dev/[=gcp_project_id]/[=project_name]-python/simple/ [=project_name]
              (needs keyrings.google-artifactregistry-auth; dependencies as in requirements.txt; raise the
              version in pyproject.toml to publish a new one, an existing version is never overwritten)
[/#if]
[#if mx_jar?has_content]
     mx lint runs first, with [=mx_jar] (upload a new mx.jar there to update it).
[#else]
     mx lint is not part of the build (mx has no published image): run `mx lint` before you push, or
     re-run with --set mx_jar=gs://<bucket>/mx.jar after uploading mx-cli-thin/target/mx.jar.
[/#if]

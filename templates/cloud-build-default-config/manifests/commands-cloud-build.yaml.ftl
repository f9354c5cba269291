# Runs the Cloud Build trigger (terraform/cloudbuild.tf) on the head of [=branch], as a push would.
# `gcloud builds submit` does not work with cloudbuild.yaml: $SHORT_SHA, the image tag, is set only for trigger builds.
description: Run the Cloud Build trigger on [=branch] (build, test, docs)
command: gcloud builds triggers run [=project_name]-push --branch=[=branch] --region=[#if repository_connection == "gen2"][=region][#else]global[/#if] --project=[=gcp_project_id]

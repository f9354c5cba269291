[#assign routed = applied?seq_contains("deployment-infrastructure")]
[#if routed]
[#assign host = subdomain + "." + answers.domain]
[#assign covered = answers.cloud != "gcp" || (answers.subdomains![])?seq_contains(subdomain)]
[#assign scheme = (answers.cloud == "gcp" || (answers.gateway_tls_secret!"")?has_content)?then("https", "http")]
[/#if]
The Streamlit app is in apps/streamlit/ (image streamlit-app, DevSpace deployment streamlit-app, namespace [=namespace]).

  1. devspace deploy          (builds and pushes [=registry]/streamlit-app, then deploys it)
[#if routed]
  2. Open [=scheme]://[=host]/
[#if !covered]

WARNING: [=host] is not in deployment-infrastructure's managed certificate (subdomains: [=answers.subdomains?join(", ")]).
Add it:  mx generate deployment-infrastructure --set subdomains=[=(answers.subdomains + [subdomain])?join(",")]
[/#if]
[#else]
  2. kubectl -n [=namespace] port-forward service/streamlit 8501:8501      then open http://localhost:8501

To serve it at <subdomain>.<domain>: mx generate deployment-infrastructure, then run
mx generate streamlit-app again (it adds a VirtualService on the project's Istio gateway).
[/#if]

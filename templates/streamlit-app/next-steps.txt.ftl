[#assign routed = applied?seq_contains("deployment-infrastructure")]
[#if routed]
[#assign host = subdomain + "." + answers.domain]
[#assign covered = answers.cloud != "gcp" || !answers.subdomains?? || answers.subdomains?seq_contains(subdomain)]
[#assign https = answers.cloud == "gcp" || (answers.gateway_tls_secret!"")?has_content]
[#assign url = https?then("https://", "http://") + host + "/"]
[/#if]
The Streamlit app is in apps/streamlit/ (image streamlit-app, DevSpace deployment streamlit-app, namespace [=namespace]).

  - devspace deploy          (builds and pushes [=registry]/streamlit-app, then deploys it)
[#if routed]
  - Open [=url]
[#if !covered]
[#assign certified = answers.subdomains?join(", ")]
[#assign suggested = answers.subdomains?join(",") + "," + subdomain]

WARNING: [=host] is not in deployment-infrastructure's managed certificate (subdomains: [=certified]).
Add it:  mx generate deployment-infrastructure --set subdomains=[=suggested]
[/#if]
[#else]
  - kubectl -n [=namespace] port-forward service/streamlit 8501:8501      then open http://localhost:8501

To serve it at <subdomain>.<domain>: mx generate deployment-infrastructure, then run
mx generate streamlit-app again (it adds a VirtualService on the project's Istio gateway).
[/#if]

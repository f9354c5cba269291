[#assign routed = applied?seq_contains("deployment-infrastructure")]
[#assign covered = !routed || cloud == "none" || hostname == domain]
[#if routed && cloud == "gcp" && answers.subdomains??]
[#list answers.subdomains as s][#if s + "." + domain == hostname][#assign covered = true][/#if][/#list]
[/#if]
[#assign scheme = (cloud == "gcp" || (routed && (answers.gateway_tls_secret!"")?has_content) || (!routed && tls_secret_name?has_content))?then("https", "http")]
CVAT [=cvat_version] is set up: DevSpace deployments "cvat" (Helm chart from cvat-ai/cvat [=cvat_version]) and
"cvat-ingress" ([=routed?then("VirtualService on istio-ingress/" + project_name + "-gateway", "its own Ingress")]), namespace [=cvat_namespace].

[#assign n = 1]
[#if !routed && cloud == "gcp"]
  [=n]. terraform -chdir=terraform apply        (global IP [=project_name]-cvat-ip)
     Create an A record for [=hostname] pointing at: terraform -chdir=terraform output -raw cvat_ip_address
[#assign n = n + 1]
[/#if]
  [=n]. devspace deploy        (the first run clones cvat-ai/cvat at [=cvat_version] for the chart)
[#assign n = n + 1]
  [=n]. Create the admin account (once the backend pod is Running):
       kubectl -n [=cvat_namespace] exec -it deployment/cvat-backend-server -c cvat-backend -- python manage.py createsuperuser
[#assign n = n + 1]
  [=n]. Open [=scheme]://[=hostname]/[#if cloud == "gcp"]   (the managed certificate turns Active 30-60+ minutes after DNS points at the IP)[/#if]
[#if !routed && cloud == "none"]
     Point [=hostname] at your ingress controller's address.
[/#if]
[#if !covered]

WARNING: [=hostname] is not in deployment-infrastructure's managed certificate (subdomains: [=answers.subdomains?join(", ")]).
Add it:  mx generate deployment-infrastructure --set subdomains=[=(answers.subdomains + [hostname?remove_ending("." + domain)])?join(",")]
[/#if]
[#if !routed]

To serve CVAT through the project's shared Istio gateway instead: mx generate deployment-infrastructure,
then run mx generate cvat-labeling-tool again (its Ingress[#if cloud == "gcp"], certificate and IP[/#if] are replaced by a VirtualService;
delete the old ones from the cluster: kubectl -n [=cvat_namespace] delete ingress cvat[#if cloud == "gcp"]; kubectl -n [=cvat_namespace] delete managedcertificate cvat[/#if]).
[/#if]
[#if storage == "single-node"]

Storage: all backend pods run on one node (ReadWriteOnce volume). storage=rwx spreads them[#if cloud == "gcp"] (Filestore CSI driver needed:
  gcloud container clusters update <cluster> --update-addons=GcpFilestoreCsiDriver=ENABLED)[/#if].
[/#if]
The bundled PostgreSQL/Redis use the chart's default passwords and bitnamilegacy images (no updates): for production
use managed databases (see helm/cvat/values.yaml).

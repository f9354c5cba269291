[#assign routed = applied?seq_contains("deployment-infrastructure")]
[#assign covered = !routed || cloud == "none" || hostname == domain || !answers.subdomains??]
[#if routed && cloud == "gcp" && answers.subdomains??]
[#list answers.subdomains as s][#if s + "." + domain == hostname][#assign covered = true][/#if][/#list]
[/#if]
[#assign https = cloud == "gcp" || (routed && (answers.gateway_tls_secret!"")?has_content) || (!routed && tls_secret_name?has_content)]
[#assign url = https?then("https://", "http://") + hostname + "/"]
[#assign exposure = routed?then("a VirtualService on the Gateway istio-ingress/" + project_name + "-gateway", "its own Ingress")]
[#assign label = hostname?remove_ending("." + domain)]
CVAT [=cvat_version] is set up: DevSpace deployment "cvat" (Helm chart of cvat-ai/cvat at [=cvat_version]) and
"cvat-ingress" ([=exposure]), namespace [=cvat_namespace].

[#if !routed && cloud == "gcp"]
  - terraform -chdir=terraform apply        (global IP [=project_name]-cvat-ip), then create an A record for
    [=hostname] pointing at: terraform -chdir=terraform output -raw cvat_ip_address
[/#if]
  - devspace deploy        (the first run clones cvat-ai/cvat at [=cvat_version] for the chart)
  - Create the admin account once the backend pod is Running:
      kubectl -n [=cvat_namespace] exec -it deployment/cvat-backend-server -c cvat-backend -- python manage.py createsuperuser
  - Open [=url]
[#if cloud == "gcp"]
    (the managed certificate turns Active 30-60+ minutes after DNS points at the load balancer)
[/#if]
[#if !routed && cloud == "none"]
    after pointing [=hostname] at your ingress controller's address.
[/#if]
[#if !covered]
[#assign certified = answers.subdomains?join(", ")]
[#assign suggested = answers.subdomains?join(",") + "," + label]

WARNING: [=hostname] is not in deployment-infrastructure's managed certificate (subdomains: [=certified]).
Add it:  mx generate deployment-infrastructure --set subdomains=[=suggested]
[/#if]
[#if !routed]

To serve CVAT through the project's shared Istio gateway instead: mx generate deployment-infrastructure,
then run mx generate cvat-labeling-tool again. It replaces the Ingress[#if cloud == "gcp"], certificate and IP[/#if] with a VirtualService;
delete the old objects from the cluster: kubectl -n [=cvat_namespace] delete ingress cvat[#if cloud == "gcp"] && kubectl -n [=cvat_namespace] delete managedcertificate cvat[/#if]
[/#if]
[#if storage == "single-node"]

Storage: all backend pods run on one node (ReadWriteOnce volume); storage=rwx spreads them[#if cloud == "gcp"] (needs the Filestore CSI
driver: gcloud container clusters update <cluster> --update-addons=GcpFilestoreCsiDriver=ENABLED)[/#if].
[/#if]
The bundled PostgreSQL and Redis use the chart's default passwords and bitnamilegacy images (no updates):
for production use managed databases (see helm/cvat/values.yaml).

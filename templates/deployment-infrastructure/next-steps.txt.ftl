[#assign subdomainHosts = subdomains?map(s -> s + "." + domain)?join(", ")]
[#assign earlier = applied?filter(g -> g == "cvat-labeling-tool" || g == "streamlit-app")]
Deployment infrastructure for [=domain] is ready. Routes go through the Istio Gateway
istio-ingress/[=project_name]-gateway (hosts [=domain] and *.[=domain]).

[#if cloud == "gcp"]
  1. terraform -chdir=terraform apply          (global IP [=project_name]-ingress-ip[#if dns != "none"], DNS records[/#if])
[#if dns == "create-zone"]
  2. Delegate [=domain] to Cloud DNS: in the parent zone add an NS record set for [=domain] with
       terraform -chdir=terraform output ingress_dns_name_servers
[#elseif dns == "existing-zone"]
  2. Records for [=domain] and *.[=domain] are in the existing zone [=dns_zone].
[#else]
  2. Create A records for [=domain] and *.[=domain] pointing at
       terraform -chdir=terraform output -raw ingress_ip_address
[/#if]
  3. devspace deploy      (Istio [=istio_version] first, in order: istio-base, istiod, istio-ingress, ingress)
  4. The managed certificate covers: [=domain][#if subdomains?has_content], [=subdomainHosts][/#if]
     It turns Active 30-60+ minutes after DNS resolves to the IP:
       kubectl -n istio-ingress describe managedcertificate [=project_name]-cert
     A host outside that list gets a certificate error: add it with
       mx generate deployment-infrastructure --set subdomains=[=subdomains?join(",")],<name>
  5. Check the load balancer's view of the gateway (health check 15021 /healthz/ready):
       kubectl -n istio-ingress describe ingress [=project_name]-ingress
[#else]
  1. devspace deploy      (Istio [=istio_version] first, in order: istio-base, istiod, istio-ingress, ingress)
  2. Point [=domain] and *.[=domain] at the gateway's external address:
       kubectl -n istio-ingress get service istio-ingressgateway
[#if gateway_tls_secret?has_content]
  3. Create the TLS Secret the Gateway serves (certificate for [=domain] and *.[=domain]):
       kubectl -n istio-ingress create secret tls [=gateway_tls_secret] --cert=tls.crt --key=tls.key
[#else]
  3. The Gateway serves HTTP only; set gateway_tls_secret to serve HTTPS with your own certificate.
[/#if]
[/#if]
[#if earlier?has_content]

Applied before this generator, so not yet routed through the gateway: [=earlier?join(", ")].
Re-run to add their VirtualServices (cvat-labeling-tool then also drops its own Ingress):
[#list earlier as g]
  mx generate [=g]
[/#list]
[/#if]

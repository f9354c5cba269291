[#assign hosts = [domain]]
[#list subdomains as s][#if !hosts?seq_contains(s + "." + domain)][#assign hosts = hosts + [s + "." + domain]][/#if][/#list]
[#list hosts as h][#if h?length > 63][#stop "the certificate domain " + h + " is longer than 63 characters, which Google-managed certificates reject; use a shorter domain or subdomain"][/#if][/#list]
# Google-managed certificate of the GKE Ingress (generator deployment-infrastructure). No wildcards: every
# host that is served must be listed (parameter subdomains). It becomes Active only after DNS for all of
# them points at the Ingress address; check with
#   kubectl -n istio-ingress describe managedcertificate [=project_name]-cert
apiVersion: networking.gke.io/v1
kind: ManagedCertificate
metadata:
  name: [=project_name]-cert
  namespace: istio-ingress
  labels:
    app.kubernetes.io/part-of: [=project_name]
    app.kubernetes.io/managed-by: mx
spec:
  domains:
[#list hosts as h]
    - [=h]
[/#list]

# Public entry point (generator deployment-infrastructure): the global static IP of the GKE Ingress that
# fronts the Istio ingress gateway[#if dns != "none"], and DNS records for [=domain] and *.[=domain][/#if].
# The Ingress refers to the address by name (kubernetes.io/ingress.global-static-ip-name); a GKE Ingress
# only accepts a *global* address, a regional one does not work.

variable "ingress_domain" {
  description = "DNS name the project's services are served under (no trailing dot)."
  type        = string
  default     = "[=domain]"
}
[#if dns != "none"]

variable "ingress_dns_zone" {
  description = "Name of the Cloud DNS managed zone [#if dns == "create-zone"]created for ingress_domain[#else](existing) that contains ingress_domain[/#if]."
  type        = string
  default     = "[=dns_zone]"
}
[/#if]

resource "google_compute_global_address" "ingress" {
  project     = var.project_id
  name        = "[=project_name]-ingress-ip"
  description = "GKE Ingress of ${var.ingress_domain} (k8s/deployment-infrastructure/ingress.yaml)"

  depends_on = [google_project_service.apis]
}
[#if dns == "create-zone"]

resource "google_project_service" "dns" {
  project = var.project_id
  service = "dns.googleapis.com"
}

# A zone for the project's subdomain only: the parent zone delegates to it with an NS record set holding
# the name servers in the output ingress_dns_name_servers.
resource "google_dns_managed_zone" "ingress" {
  project     = var.project_id
  name        = var.ingress_dns_zone
  dns_name    = "${var.ingress_domain}."
  description = "Services of [=project_name] (generator deployment-infrastructure)"

  depends_on = [google_project_service.dns]
}
[#elseif dns == "existing-zone"]

# The zone exists already (and so does the DNS API); it must contain ingress_domain.
data "google_dns_managed_zone" "ingress" {
  project = var.project_id
  name    = var.ingress_dns_zone
}
[/#if]
[#if dns != "none"]
[#assign zone = (dns == "create-zone")?then("google_dns_managed_zone.ingress", "data.google_dns_managed_zone.ingress")]

# Record names are fully qualified: note the trailing dot.
resource "google_dns_record_set" "ingress" {
  project      = var.project_id
  managed_zone = [=zone].name
  name         = "${var.ingress_domain}."
  type         = "A"
  ttl          = 300
  rrdatas      = [google_compute_global_address.ingress.address]
[#if dns == "existing-zone"]

  lifecycle {
    precondition {
      condition     = "${var.ingress_domain}." == [=zone].dns_name || endswith("${var.ingress_domain}.", ".${[=zone].dns_name}")
      error_message = "Zone ${var.ingress_dns_zone} does not contain ${var.ingress_domain}."
    }
  }
[/#if]
}

# Every host under the domain (cvat.[=domain], ...) reaches the same load balancer; the Istio
# Gateway and the VirtualServices route by Host header.
resource "google_dns_record_set" "ingress_wildcard" {
  project      = var.project_id
  managed_zone = [=zone].name
  name         = "*.${var.ingress_domain}."
  type         = "A"
  ttl          = 300
  rrdatas      = [google_compute_global_address.ingress.address]
}
[/#if]

output "ingress_ip_address" {
  description = "Global static IP of the GKE Ingress[#if dns == "none"]: point ${var.ingress_domain} and *.${var.ingress_domain} at it (A records)[/#if]."
  value       = google_compute_global_address.ingress.address
}
[#if dns == "create-zone"]

output "ingress_dns_name_servers" {
  description = "Delegate ${var.ingress_domain} to these name servers with an NS record set in the parent zone."
  value       = google_dns_managed_zone.ingress.name_servers
}
[/#if]

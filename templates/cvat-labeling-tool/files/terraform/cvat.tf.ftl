# CVAT's own entry point (generator cvat-labeling-tool, applied without deployment-infrastructure): the
# global static IP its GKE Ingress uses by name (k8s/cvat/ingress.yaml). A GKE Ingress only accepts a
# global address. Create an A record for [=hostname] pointing at the output cvat_ip_address.
# With deployment-infrastructure applied and cvat-labeling-tool re-run, this file is removed and CVAT is
# served through the shared Ingress instead.

resource "google_compute_global_address" "cvat" {
  project     = var.project_id
  name        = "[=project_name]-cvat-ip"
  description = "GKE Ingress of CVAT ([=hostname])"

  depends_on = [google_project_service.apis]
}

output "cvat_ip_address" {
  description = "Point an A record for [=hostname] at this address."
  value       = google_compute_global_address.cvat.address
}

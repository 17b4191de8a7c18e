provider "google" {
  project = "fixture"
  region  = "us-central1"
}

resource "google_compute_target_https_proxy" "web" {
  name             = "web-proxy"
  url_map          = "projects/fixture/global/urlMaps/web"
  ssl_certificates = ["projects/fixture/global/sslCertificates/web"]
}

resource "google_compute_region_target_http_proxy" "internal" {
  name    = "internal-proxy"
  region  = "us-central1"
  url_map = "projects/fixture/regions/us-central1/urlMaps/internal"
}

resource "google_compute_vpn_tunnel" "to_office" {
  name          = "to-office"
  peer_ip       = "203.0.113.10"
  shared_secret = "not-a-secret"
}

resource "google_compute_ha_vpn_gateway" "ha" {
  name    = "ha-gateway"
  network = "default"
}

resource "google_compute_external_vpn_gateway" "office" {
  name            = "office"
  redundancy_type = "SINGLE_IP_INTERNALLY_REDUNDANT"
  interface {
    id         = 0
    ip_address = "203.0.113.10"
  }
}

resource "google_service_networking_connection" "peering" {
  network                 = "default"
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = ["peering-range"]
}

resource "google_compute_global_address" "lb" {
  name = "lb-ip"
}

resource "google_compute_global_address" "peering_range" {
  name          = "peering-range"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 16
}

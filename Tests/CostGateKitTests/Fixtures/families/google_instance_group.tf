provider "google" {
  project = "fixture"
  region  = "us-central1"
}

resource "google_compute_instance_template" "web" {
  name         = "web"
  machine_type = "n1-standard-4"
  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
    disk_type    = "pd-balanced"
    disk_size_gb = 50
  }
  disk {
    type         = "SCRATCH"
    disk_type    = "local-ssd"
    interface    = "NVME"
    disk_size_gb = 375
  }
}

resource "google_compute_instance_group_manager" "web" {
  name               = "web"
  base_instance_name = "web"
  zone               = "us-central1-b"
  target_size        = 2
  version {
    instance_template = google_compute_instance_template.web.id
  }
}

resource "google_compute_region_instance_group_manager" "web" {
  name               = "web-regional"
  base_instance_name = "web"
  region             = "us-central1"
  target_size        = 3
  version {
    instance_template = google_compute_instance_template.web.id
  }
}

provider "google" {
  project = "fixture"
  region  = "us-central1"
}

resource "google_compute_disk" "data" {
  name = "data"
  size = 200
}

resource "google_compute_snapshot" "nightly" {
  name        = "nightly"
  source_disk = google_compute_disk.data.name
}

resource "google_compute_image" "golden" {
  name            = "golden"
  source_snapshot = google_compute_snapshot.nightly.self_link
}

resource "google_compute_image" "sized" {
  name         = "sized"
  disk_size_gb = 30
}

resource "google_compute_machine_image" "backup" {
  provider        = google
  name            = "backup"
  source_instance = "projects/fixture/zones/us-central1-a/instances/app"
}

resource "google_container_registry" "eu" {
  project  = "fixture"
  location = "EU"
}

resource "google_artifact_registry_repository" "docker" {
  location      = "europe-north1"
  repository_id = "docker"
  format        = "DOCKER"
}

# Sustained-use discounts (our own fixture): N1 and N2 whole-month VMs get them, E2 and spot do not.
provider "google" {
  region = "us-central1"
}

resource "google_compute_instance" "n1" {
  name         = "n1"
  machine_type = "n1-standard-16"
  zone         = "us-central1-a"
  boot_disk {
    initialize_params { image = "debian-cloud/debian-12" }
  }
  network_interface { network = "default" }
}

resource "google_compute_instance" "n2" {
  name         = "n2"
  machine_type = "n2-standard-4"
  zone         = "us-central1-a"
  boot_disk {
    initialize_params { image = "debian-cloud/debian-12" }
  }
  network_interface { network = "default" }
}

resource "google_compute_instance" "e2" {
  name         = "e2"
  machine_type = "e2-standard-4"
  zone         = "us-central1-a"
  boot_disk {
    initialize_params { image = "debian-cloud/debian-12" }
  }
  network_interface { network = "default" }
}

resource "google_compute_instance" "n1_spot" {
  name         = "n1-spot"
  machine_type = "n1-standard-16"
  zone         = "us-central1-a"
  scheduling {
    provisioning_model = "SPOT"
    preemptible        = true
    automatic_restart  = false
  }
  boot_disk {
    initialize_params { image = "debian-cloud/debian-12" }
  }
  network_interface { network = "default" }
}

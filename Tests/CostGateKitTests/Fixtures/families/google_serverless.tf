provider "google" {
  project = "fixture"
  region  = "europe-west3"
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west3"
  template {
    containers {
      image = "europe-docker.pkg.dev/fixture/api/api:1"
      resources {
        limits = {
          cpu    = "2"
          memory = "1Gi"
        }
      }
    }
  }
}

resource "google_cloud_run_v2_service" "worker" {
  name     = "worker"
  location = "europe-west3"
  template {
    containers {
      image = "europe-docker.pkg.dev/fixture/worker/worker:1"
      resources {
        limits = {
          cpu    = "1000m"
          memory = "512Mi"
        }
        cpu_idle = false
      }
    }
    scaling {
      min_instance_count = 1
    }
  }
}

resource "google_cloud_run_v2_job" "report" {
  name     = "report"
  location = "europe-west3"
  template {
    task_count = 3
    template {
      containers {
        image = "europe-docker.pkg.dev/fixture/report/report:1"
      }
    }
  }
}

resource "google_cloudfunctions_function" "thumbnail" {
  name                = "thumbnail"
  region              = "us-central1"
  runtime             = "nodejs20"
  available_memory_mb = 512
}

provider "google" {
  project = "fixture"
  region  = "us-central1"
}

resource "google_bigquery_dataset" "analytics" {
  dataset_id = "analytics"
}

resource "google_bigquery_table" "events" {
  dataset_id = google_bigquery_dataset.analytics.dataset_id
  table_id   = "events"
}

resource "google_pubsub_topic" "orders" {
  name = "orders"
}

resource "google_pubsub_subscription" "orders_worker" {
  name  = "orders-worker"
  topic = google_pubsub_topic.orders.id
}

resource "google_logging_project_sink" "audit" {
  name        = "audit"
  destination = "storage.googleapis.com/fixture-audit"
}

resource "google_logging_folder_bucket_config" "folder" {
  folder         = "folders/123"
  location       = "global"
  retention_days = 30
  bucket_id      = "_Default"
}

resource "google_monitoring_metric_descriptor" "sales" {
  description  = "Daily sales"
  display_name = "sales"
  type         = "custom.googleapis.com/fixture/sales"
  metric_kind  = "GAUGE"
  value_type   = "DOUBLE"
}

resource "google_secret_manager_secret" "db" {
  secret_id = "db"
  replication {
    user_managed {
      replicas {
        location = "us-central1"
      }
      replicas {
        location = "us-east1"
      }
    }
  }
}

resource "google_secret_manager_secret_version" "db" {
  secret      = google_secret_manager_secret.db.id
  secret_data = "not-a-secret"
}

resource "google_kms_crypto_key" "app" {
  name            = "app"
  key_ring        = "projects/fixture/locations/us-central1/keyRings/app"
  rotation_period = "864000s"
}

resource "google_kms_crypto_key" "signing" {
  name     = "signing"
  key_ring = "projects/fixture/locations/us-central1/keyRings/app"
  version_template {
    algorithm        = "EC_SIGN_P256_SHA256"
    protection_level = "HSM"
  }
}

resource "google_dns_managed_zone" "example" {
  name     = "example"
  dns_name = "example.com."
}

resource "google_dns_record_set" "www" {
  name         = "www.example.com."
  type         = "A"
  ttl          = 300
  rrdatas      = ["203.0.113.20"]
  managed_zone = google_dns_managed_zone.example.name
}

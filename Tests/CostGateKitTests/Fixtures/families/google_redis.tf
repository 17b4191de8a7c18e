provider "google" {
  project = "fixture"
  region  = "us-central1"
}

resource "google_redis_instance" "cache" {
  name           = "cache"
  memory_size_gb = 8
}

resource "google_redis_instance" "sessions" {
  name           = "sessions"
  tier           = "STANDARD_HA"
  memory_size_gb = 40
}

resource "google_redis_cluster" "main" {
  name          = "main"
  region        = "us-central1"
  shard_count   = 2
  replica_count = 1
  node_type     = "REDIS_HIGHMEM_MEDIUM"
  persistence_config {
    mode = "AOF"
  }
  psc_configs {
    network = "projects/fixture/global/networks/default"
  }
}

resource "google_redis_cluster" "small" {
  name          = "small"
  region        = "us-central1"
  shard_count   = 1
  replica_count = 0
  node_type     = "REDIS_STANDARD_SMALL"
  psc_configs {
    network = "projects/fixture/global/networks/default"
  }
  automated_backup_config {
    retention = 3
    fixed_frequency_schedule {
      start_time {
        hours = 2
      }
    }
  }
}

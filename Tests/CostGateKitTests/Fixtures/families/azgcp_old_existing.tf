# The existing Azure and Google pricers, against the 2026.12.1 books (component keys from Infracost's goldens).

provider "google" {
  project = "acme-prod"
  region  = "us-central1"
}

# inline node pools replace the default pool; the second one is priced per zone of its own node_locations
resource "google_container_cluster" "platform" {
  name     = "platform"
  location = "us-central1"

  node_pool {
    name       = "general"
    node_count = 1
    node_config {
      machine_type = "e2-medium"
    }
  }

  node_pool {
    name           = "batch"
    node_locations = ["us-central1-b"]
    node_config {
      machine_type = "e2-medium"
      disk_size_gb = 50
      disk_type    = "pd-ssd"
    }
  }
}

# the default pool: three nodes per zone when no count is given
resource "google_container_cluster" "edge" {
  name           = "edge"
  location       = "us-central1"
  node_locations = ["us-central1-a", "us-central1-c"]
}

resource "google_container_cluster" "removed_default" {
  name                     = "removed-default"
  location                 = "us-central1-a"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_cluster" "serverless" {
  name             = "serverless"
  location         = "us-central1"
  enable_autopilot = true
}

resource "google_container_node_pool" "workers" {
  name    = "workers"
  cluster = google_container_cluster.removed_default.id
}

resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "POSTGRES_15"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
    disk_size         = 50
  }
  replica_configuration {
    username = "replicator"
  }
}

resource "google_sql_database_instance" "private" {
  name             = "private"
  database_version = "MYSQL_8_0"
  settings {
    tier = "db-highmem-4"
    ip_configuration {
      ipv4_enabled = false
    }
  }
}

resource "google_compute_address" "web" {
  name = "web"
}

resource "google_compute_address" "spare" {
  name = "spare"
}

resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-standard-2"
  zone         = "us-central1-a"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
    access_config {
      nat_ip = google_compute_address.web.address
    }
  }
}

resource "google_compute_image" "golden" {
  name         = "golden"
  disk_size_gb = 40
}

resource "google_compute_disk" "from_image" {
  name  = "from-image"
  type  = "pd-standard"
  image = google_compute_image.golden.self_link
}

resource "google_compute_disk" "scratch" {
  name = "scratch"
  type = "pd-ssd"
}

resource "google_compute_router_nat" "egress" {
  name                               = "egress"
  router                             = "router"
  region                             = "us-central1"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
}

resource "google_storage_bucket" "media" {
  name     = "acme-media"
  location = "EU"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "apps" {
  name     = "apps"
  location = "eastus"
}

resource "azurerm_kubernetes_cluster" "apps" {
  name                             = "apps"
  location                         = azurerm_resource_group.apps.location
  resource_group_name              = azurerm_resource_group.apps.name
  dns_prefix                       = "apps"
  sku_tier                         = "Standard"
  http_application_routing_enabled = true
  default_node_pool {
    name      = "system"
    vm_size   = "Standard_DS2_v2"
    min_count = 2
  }
}

resource "azurerm_application_gateway" "front" {
  name                = "front"
  location            = azurerm_resource_group.apps.location
  resource_group_name = azurerm_resource_group.apps.name
  sku {
    name     = "Standard_v2"
    tier     = "Standard_v2"
    capacity = 2
  }
}

resource "azurerm_public_ip" "legacy" {
  name                = "legacy"
  location            = azurerm_resource_group.apps.location
  resource_group_name = azurerm_resource_group.apps.name
  allocation_method   = "Dynamic"
}

resource "azurerm_managed_disk" "ultra" {
  name                 = "ultra"
  location             = azurerm_resource_group.apps.location
  resource_group_name  = azurerm_resource_group.apps.name
  create_option        = "Empty"
  storage_account_type = "UltraSSD_LRS"
  disk_size_gb         = 1500
  disk_iops_read_write = 3000
  disk_mbps_read_write = 10
}

resource "azurerm_service_plan" "dev" {
  name                = "dev"
  location            = azurerm_resource_group.apps.location
  resource_group_name = azurerm_resource_group.apps.name
  os_type             = "Linux"
  sku_name            = "D1"
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "legacy"
  location              = azurerm_resource_group.apps.location
  resource_group_name   = azurerm_resource_group.apps.name
  network_interface_ids = []
  vm_size               = "Standard_DS1_v2"
  storage_os_disk {
    name              = "os"
    create_option     = "FromImage"
    managed_disk_type = "Standard_LRS"
    disk_size_gb      = 30
  }
  storage_data_disk {
    name              = "data"
    create_option     = "Empty"
    managed_disk_type = "Standard_LRS"
    disk_size_gb      = 32
    lun               = 0
  }
}

resource "azurerm_storage_account" "lake" {
  name                     = "acmelake"
  resource_group_name      = azurerm_resource_group.apps.name
  location                 = "westus"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_db" {
  name     = "db-rg"
  location = "eastus"
}

resource "azurerm_cosmosdb_account" "aza_global" {
  name                = "global"
  location            = azurerm_resource_group.aza_db.location
  resource_group_name = azurerm_resource_group.aza_db.name
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westus"
    failover_priority = 0
  }

  geo_location {
    location          = "centralus"
    failover_priority = 1
    zone_redundant    = true
  }

  backup {
    type = "Continuous"
  }
}

resource "azurerm_cosmosdb_account" "aza_analytics" {
  name                       = "analytics"
  location                   = azurerm_resource_group.aza_db.location
  resource_group_name        = azurerm_resource_group.aza_db.name
  offer_type                 = "Standard"
  analytical_storage_enabled = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westus"
    failover_priority = 0
  }

  backup {
    type                = "Periodic"
    interval_in_minutes = 120
    retention_in_hours  = 12
  }
}

resource "azurerm_cosmosdb_sql_database" "aza_orders" {
  name                = "orders"
  resource_group_name = azurerm_resource_group.aza_db.name
  account_name        = azurerm_cosmosdb_account.aza_global.name
  throughput          = 800
}

resource "azurerm_cosmosdb_mongo_database" "aza_catalog" {
  name                = "catalog"
  resource_group_name = azurerm_resource_group.aza_db.name
  account_name        = azurerm_cosmosdb_account.aza_global.name

  autoscale_settings {
    max_throughput = 4000
  }
}

resource "azurerm_cosmosdb_cassandra_keyspace" "aza_events" {
  name                = "events"
  resource_group_name = azurerm_resource_group.aza_db.name
  account_name        = azurerm_cosmosdb_account.aza_analytics.name
}

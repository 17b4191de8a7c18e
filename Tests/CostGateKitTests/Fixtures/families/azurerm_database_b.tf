provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "db_us" {
  name     = "db-us"
  location = "eastus"
}

resource "azurerm_resource_group" "db_eu" {
  name     = "db-eu"
  location = "westeurope"
}

resource "azurerm_managed_redis" "cache" {
  name                = "cache"
  resource_group_name = azurerm_resource_group.db_us.name
  location            = azurerm_resource_group.db_us.location
  sku_name            = "MemoryOptimized_M10"
}

resource "azurerm_managed_redis" "single" {
  name                      = "cache-single"
  resource_group_name       = azurerm_resource_group.db_us.name
  location                  = azurerm_resource_group.db_us.location
  sku_name                  = "Balanced_B3"
  high_availability_enabled = false
}

resource "azurerm_mysql_server" "app" {
  name                         = "app-mysql"
  location                     = azurerm_resource_group.db_us.location
  resource_group_name          = azurerm_resource_group.db_us.name
  administrator_login          = "admin"
  administrator_login_password = "Passw0rd!"
  sku_name                     = "GP_Gen5_4"
  storage_mb                   = 102400
  version                      = "8.0"
  geo_redundant_backup_enabled = true
  ssl_enforcement_enabled      = true
}

resource "azurerm_mariadb_server" "legacy" {
  name                         = "legacy-mariadb"
  location                     = azurerm_resource_group.db_us.location
  resource_group_name          = azurerm_resource_group.db_us.name
  administrator_login          = "admin"
  administrator_login_password = "Passw0rd!"
  sku_name                     = "MO_Gen5_16"
  storage_mb                   = 51200
  version                      = "10.3"
  ssl_enforcement_enabled      = true
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql"
  resource_group_name          = azurerm_resource_group.db_eu.name
  location                     = azurerm_resource_group.db_eu.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Passw0rd!"
}

resource "azurerm_mssql_elasticpool" "vcore" {
  name                = "vcore"
  resource_group_name = azurerm_resource_group.db_eu.name
  location            = azurerm_resource_group.db_eu.location
  server_name         = azurerm_mssql_server.sql.name
  license_type        = "LicenseIncluded"
  zone_redundant      = true
  max_size_gb         = 250
  sku {
    name     = "GP_Gen5"
    tier     = "GeneralPurpose"
    family   = "Gen5"
    capacity = 4
  }
  per_database_settings {
    min_capacity = 0
    max_capacity = 4
  }
}

resource "azurerm_mssql_elasticpool" "dtu" {
  name                = "dtu"
  resource_group_name = azurerm_resource_group.db_eu.name
  location            = azurerm_resource_group.db_eu.location
  server_name         = azurerm_mssql_server.sql.name
  max_size_gb         = 500
  sku {
    name     = "StandardPool"
    tier     = "Standard"
    capacity = 200
  }
  per_database_settings {
    min_capacity = 0
    max_capacity = 50
  }
}

resource "azurerm_mssql_managed_instance" "mi" {
  name                         = "mi"
  resource_group_name          = azurerm_resource_group.db_eu.name
  location                     = azurerm_resource_group.db_eu.location
  license_type                 = "LicenseIncluded"
  sku_name                     = "GP_Gen5"
  vcores                       = 16
  storage_size_in_gb           = 256
  storage_account_type         = "ZRS"
  subnet_id                    = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/mi"
  administrator_login          = "miadmin"
  administrator_login_password = "Passw0rd!"
}

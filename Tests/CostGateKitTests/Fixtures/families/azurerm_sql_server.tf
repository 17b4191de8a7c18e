provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_sql" {
  name     = "sql-rg"
  location = "eastus"
}

resource "azurerm_sql_database" "azc_default" {
  name                = "default"
  resource_group_name = azurerm_resource_group.azc_sql.name
  location            = "eastus"
  server_name         = "sqlserver"
}

resource "azurerm_sql_database" "azc_zone_redundant" {
  name                = "zr"
  resource_group_name = azurerm_resource_group.azc_sql.name
  location            = "eastus"
  server_name         = "sqlserver"
  edition             = "GeneralPurpose"
  zone_redundant      = true
  max_size_gb         = 32
}

resource "azurerm_sql_database" "azc_serverless" {
  name                             = "serverless"
  resource_group_name              = azurerm_resource_group.azc_sql.name
  location                         = "eastus"
  server_name                      = "sqlserver"
  requested_service_objective_name = "GP_S_Gen5_4"
}

resource "azurerm_sql_database" "azc_premium" {
  name                             = "premium"
  resource_group_name              = azurerm_resource_group.azc_sql.name
  location                         = "eastus"
  server_name                      = "sqlserver"
  requested_service_objective_name = "P6"
}

resource "azurerm_sql_database" "azc_hyperscale" {
  name                = "hyper"
  resource_group_name = azurerm_resource_group.azc_sql.name
  location            = "eastus"
  server_name         = "sqlserver"
  edition             = "Hyperscale"
}

resource "azurerm_sql_elasticpool" "azc_pool" {
  name                = "pool"
  resource_group_name = "pool-rg"
  location            = "westeurope"
  server_name         = "sqlserver"
  edition             = "Standard"
  dtu                 = 200
  db_dtu_min          = 0
  db_dtu_max          = 50
  pool_size           = 512000
}

resource "azurerm_postgresql_server" "azc_pg" {
  name                         = "pg"
  location                     = "eastus"
  resource_group_name          = azurerm_resource_group.azc_sql.name
  sku_name                     = "GP_Gen5_4"
  storage_mb                   = 102400
  version                      = "11"
  geo_redundant_backup_enabled = true
  ssl_enforcement_enabled      = true
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_files" {
  name     = "files-rg"
  location = "westus"
}

resource "azurerm_storage_account" "azc_files_grs" {
  name                     = "azcfilesgrs"
  resource_group_name      = azurerm_resource_group.azc_files.name
  location                 = "westus"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "azc_files_premium" {
  name                     = "azcfilespremium"
  resource_group_name      = azurerm_resource_group.azc_files.name
  location                 = "westus"
  account_kind             = "FileStorage"
  account_tier             = "Premium"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_share" "azc_cool" {
  name                 = "cool"
  storage_account_name = azurerm_storage_account.azc_files_grs.name
  quota                = 100
  access_tier          = "Cool"
}

resource "azurerm_storage_share" "azc_transactions" {
  name                 = "transactions"
  storage_account_name = azurerm_storage_account.azc_files_grs.name
  quota                = 100
}

resource "azurerm_storage_share" "azc_premium" {
  name                 = "premium"
  storage_account_name = azurerm_storage_account.azc_files_premium.name
  quota                = 200
}

resource "azurerm_storage_account" "azc_queues" {
  name                     = "azcqueues"
  resource_group_name      = azurerm_resource_group.azc_files.name
  location                 = "westus"
  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = "RAGRS"
}

resource "azurerm_storage_queue" "azc_jobs" {
  name                 = "jobs"
  storage_account_name = azurerm_storage_account.azc_queues.name
}

resource "azurerm_storage_account" "azc_tables" {
  name                     = "azctables"
  resource_group_name      = azurerm_resource_group.azc_files.name
  location                 = "westeurope"
  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_account_customer_managed_key" "azc_tables" {
  storage_account_id = azurerm_storage_account.azc_tables.id
  key_vault_id       = "/subscriptions/0/resourceGroups/files-rg/providers/Microsoft.KeyVault/vaults/kv"
  key_name           = "tables"
}

resource "azurerm_storage_table" "azc_events" {
  name                 = "events"
  storage_account_name = azurerm_storage_account.azc_tables.name
}

resource "azurerm_storage_account" "azc_tables_grs" {
  name                     = "azctablesgrs"
  resource_group_name      = azurerm_resource_group.azc_files.name
  location                 = "westeurope"
  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_table" "azc_plain" {
  name                 = "plain"
  storage_account_name = azurerm_storage_account.azc_tables_grs.name
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_synapse" {
  name     = "synapse-rg"
  location = "westeurope"
}

resource "azurerm_synapse_workspace" "azc_ws" {
  name                                 = "azcws"
  resource_group_name                  = azurerm_resource_group.azc_synapse.name
  location                             = "westeurope"
  storage_data_lake_gen2_filesystem_id = "https://azcdatalake.dfs.core.windows.net/fs"
  sql_administrator_login              = "sqladminuser"
  sql_administrator_login_password     = "not-a-secret"
  managed_virtual_network_enabled      = true
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_synapse_spark_pool" "azc_spark" {
  name                 = "spark"
  synapse_workspace_id = azurerm_synapse_workspace.azc_ws.id
  node_size_family     = "MemoryOptimized"
  node_size            = "Small"
  node_count           = 3
}

resource "azurerm_synapse_sql_pool" "azc_dw" {
  name                 = "dw"
  synapse_workspace_id = azurerm_synapse_workspace.azc_ws.id
  sku_name             = "DW200c"
  create_mode          = "Default"
  storage_account_type = "GRS"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_misc" {
  name     = "misc-rg"
  location = "westeurope"
}

resource "azurerm_powerbi_embedded" "azc_bi" {
  name                = "azcbi"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_misc.name
  sku_name            = "A1"
  administrators      = ["admin@example.com"]
}

resource "azurerm_snapshot" "azc_snap" {
  name                = "snap"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_misc.name
  create_option       = "Copy"
  source_uri          = "/subscriptions/0/resourceGroups/misc-rg/providers/Microsoft.Compute/disks/data"
  disk_size_gb        = 64
}

resource "azurerm_static_web_app" "azc_site" {
  name                = "site"
  location            = "centralus"
  resource_group_name = azurerm_resource_group.azc_misc.name
  sku_tier            = "Standard"
  sku_size            = "Standard"
}

resource "azurerm_static_site" "azc_free_site" {
  name                = "free-site"
  location            = "centralus"
  resource_group_name = azurerm_resource_group.azc_misc.name
}

resource "azurerm_search_service" "azc_search" {
  name                = "search"
  location            = "eastus"
  resource_group_name = azurerm_resource_group.azc_misc.name
  sku                 = "basic"
  replica_count       = 2
  partition_count     = 2
}

resource "azurerm_sql_managed_instance" "azc_mi" {
  name                         = "mi"
  location                     = "westeurope"
  resource_group_name          = azurerm_resource_group.azc_misc.name
  administrator_login          = "miadmin"
  administrator_login_password = "not-a-secret"
  license_type                 = "LicenseIncluded"
  subnet_id                    = "/subscriptions/0/resourceGroups/misc-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/mi"
  sku_name                     = "GP_Gen5"
  vcores                       = 4
  storage_size_in_gb           = 128
  storage_account_type         = "LRS"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_lake" {
  name     = "lake-rg"
  location = "eastus"
}

resource "azurerm_databricks_workspace" "aza_prod" {
  name                = "prod"
  resource_group_name = azurerm_resource_group.aza_lake.name
  location            = azurerm_resource_group.aza_lake.location
  sku                 = "premium"
}

resource "azurerm_databricks_workspace" "aza_dev" {
  name                = "dev"
  resource_group_name = azurerm_resource_group.aza_lake.name
  location            = azurerm_resource_group.aza_lake.location
  sku                 = "standard"
}

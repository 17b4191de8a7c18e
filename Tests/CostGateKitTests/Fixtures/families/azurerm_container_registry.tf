provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_acr" {
  name     = "acr-rg"
  location = "West Europe"
}

resource "azurerm_container_registry" "aza_global" {
  name                = "globalacr"
  resource_group_name = azurerm_resource_group.aza_acr.name
  location            = azurerm_resource_group.aza_acr.location
  sku                 = "Premium"

  georeplications {
    location = "North Europe"
  }
}

resource "azurerm_container_registry" "aza_small" {
  name                = "smallacr"
  resource_group_name = azurerm_resource_group.aza_acr.name
  location            = azurerm_resource_group.aza_acr.location
  sku                 = "Basic"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_cfg" {
  name     = "cfg-rg"
  location = "West Europe"
}

resource "azurerm_app_configuration" "aza_shared" {
  name                = "shared"
  resource_group_name = azurerm_resource_group.aza_cfg.name
  location            = azurerm_resource_group.aza_cfg.location
  sku                 = "standard"

  replica {
    name     = "north"
    location = "northeurope"
  }
}

resource "azurerm_app_configuration" "aza_free" {
  name                = "free"
  resource_group_name = azurerm_resource_group.aza_cfg.name
  location            = azurerm_resource_group.aza_cfg.location
  sku                 = "free"
}

resource "azurerm_app_configuration" "aza_premium" {
  name                = "premium"
  resource_group_name = azurerm_resource_group.aza_cfg.name
  location            = azurerm_resource_group.aza_cfg.location
  sku                 = "premium"
}

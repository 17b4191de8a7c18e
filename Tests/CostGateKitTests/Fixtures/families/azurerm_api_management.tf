provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_api" {
  name     = "api-rg"
  location = "eastus"
}

resource "azurerm_api_management" "aza_gateway" {
  name                = "gateway"
  location            = azurerm_resource_group.aza_api.location
  resource_group_name = azurerm_resource_group.aza_api.name
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Premium_2"
}

resource "azurerm_api_management" "aza_serverless" {
  name                = "serverless"
  location            = azurerm_resource_group.aza_api.location
  resource_group_name = azurerm_resource_group.aza_api.name
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Consumption_0"
}

resource "azurerm_api_management" "aza_dev" {
  name                = "dev"
  location            = azurerm_resource_group.aza_api.location
  resource_group_name = azurerm_resource_group.aza_api.name
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Developer_1"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_web" {
  name     = "web-rg"
  location = "eastus2"
}

resource "azurerm_resource_group" "aza_ase" {
  name     = "ase-rg"
  location = "eastus"
}

resource "azurerm_app_service_custom_hostname_binding" "aza_ip" {
  hostname            = "www.example.com"
  app_service_name    = "web"
  resource_group_name = azurerm_resource_group.aza_web.name
  ssl_state           = "IpBasedEnabled"
}

resource "azurerm_app_service_custom_hostname_binding" "aza_sni" {
  hostname            = "api.example.com"
  app_service_name    = "web"
  resource_group_name = azurerm_resource_group.aza_web.name
  ssl_state           = "SniEnabled"
}

resource "azurerm_app_service_environment" "aza_isolated" {
  name                = "isolated"
  resource_group_name = azurerm_resource_group.aza_ase.name
  subnet_id           = "/subscriptions/0/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ase"
  pricing_tier        = "I2"
}

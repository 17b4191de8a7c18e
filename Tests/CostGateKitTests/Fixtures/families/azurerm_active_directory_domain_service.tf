provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_aadds" {
  name     = "aadds-rg"
  location = "australiaeast"
}

resource "azurerm_active_directory_domain_service" "aza_corp" {
  name                = "corp"
  location            = azurerm_resource_group.aza_aadds.location
  resource_group_name = azurerm_resource_group.aza_aadds.name
  domain_name         = "corp.example.com"
  sku                 = "Enterprise"
}

resource "azurerm_active_directory_domain_service_replica_set" "aza_second" {
  domain_service_id = azurerm_active_directory_domain_service.aza_corp.id
  location          = "australiaeast"
  subnet_id         = "/subscriptions/0/resourceGroups/aadds-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"
}

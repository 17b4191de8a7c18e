provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_pe" {
  name     = "net-rg"
  location = "westus"
}

resource "azurerm_private_endpoint" "busy" {
  name                = "busy"
  location            = "westus"
  resource_group_name = azurerm_resource_group.azc_pe.name
  subnet_id           = "/subscriptions/0/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"
  private_service_connection {
    name                           = "busy"
    private_connection_resource_id = "/subscriptions/0/resourceGroups/net-rg/providers/Microsoft.Storage/storageAccounts/a"
    is_manual_connection           = false
    subresource_names              = ["blob"]
  }
}

resource "azurerm_private_endpoint" "idle" {
  name                = "idle"
  location            = "westus"
  resource_group_name = azurerm_resource_group.azc_pe.name
  subnet_id           = "/subscriptions/0/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"
  private_service_connection {
    name                           = "idle"
    private_connection_resource_id = "/subscriptions/0/resourceGroups/net-rg/providers/Microsoft.Storage/storageAccounts/b"
    is_manual_connection           = false
    subresource_names              = ["blob"]
  }
}

resource "azurerm_public_ip_prefix" "egress" {
  name                = "egress"
  location            = "eastus"
  resource_group_name = azurerm_resource_group.azc_pe.name
  prefix_length       = 30
}

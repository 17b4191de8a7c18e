provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_jump" {
  name     = "jump-rg"
  location = "australiaeast"
}

resource "azurerm_bastion_host" "aza_jump" {
  name                = "jump"
  location            = azurerm_resource_group.aza_jump.location
  resource_group_name = azurerm_resource_group.aza_jump.name

  ip_configuration {
    name                 = "config"
    subnet_id            = "/subscriptions/0/resourceGroups/jump-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/AzureBastionSubnet"
    public_ip_address_id = "/subscriptions/0/resourceGroups/jump-rg/providers/Microsoft.Network/publicIPAddresses/jump"
  }
}

resource "azurerm_bastion_host" "aza_standard" {
  name                = "standard"
  location            = azurerm_resource_group.aza_jump.location
  resource_group_name = azurerm_resource_group.aza_jump.name
  sku                 = "Standard"
  scale_units         = 4

  ip_configuration {
    name                 = "config"
    subnet_id            = "/subscriptions/0/resourceGroups/jump-rg/providers/Microsoft.Network/virtualNetworks/w/subnets/AzureBastionSubnet"
    public_ip_address_id = "/subscriptions/0/resourceGroups/jump-rg/providers/Microsoft.Network/publicIPAddresses/standard"
  }
}

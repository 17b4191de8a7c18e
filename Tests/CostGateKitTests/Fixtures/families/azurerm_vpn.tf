provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_vpn" {
  name     = "vpn-rg"
  location = "eastus"
}

resource "azurerm_resource_group" "azc_wan" {
  name     = "wan-rg"
  location = "westeurope"
}

resource "azurerm_resource_group" "azc_wan_ne" {
  name     = "wan-ne-rg"
  location = "northeurope"
}

resource "azurerm_virtual_network_gateway" "azc_gw2" {
  name                = "gw2"
  location            = "eastus"
  resource_group_name = azurerm_resource_group.azc_vpn.name
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2"
  ip_configuration {
    public_ip_address_id = "/subscriptions/0/resourceGroups/vpn-rg/providers/Microsoft.Network/publicIPAddresses/gw"
    subnet_id            = "/subscriptions/0/resourceGroups/vpn-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet"
  }
}

resource "azurerm_virtual_network_gateway" "azc_basic" {
  name                = "basic"
  location            = "eastus"
  resource_group_name = azurerm_resource_group.azc_vpn.name
  type                = "Vpn"
  sku                 = "Basic"
  ip_configuration {
    public_ip_address_id = "/subscriptions/0/resourceGroups/vpn-rg/providers/Microsoft.Network/publicIPAddresses/basic"
    subnet_id            = "/subscriptions/0/resourceGroups/vpn-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet"
  }
}

resource "azurerm_virtual_network_gateway_connection" "azc_office" {
  name                       = "office"
  location                   = "eastus"
  resource_group_name        = azurerm_resource_group.azc_vpn.name
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.azc_gw2.id
  local_network_gateway_id   = "/subscriptions/0/resourceGroups/vpn-rg/providers/Microsoft.Network/localNetworkGateways/office"
  shared_key                 = "not-a-secret"
}

resource "azurerm_virtual_network" "azc_we1" {
  name                = "we1"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_wan.name
  address_space       = ["10.10.0.0/24"]
}

resource "azurerm_virtual_network" "azc_we2" {
  name                = "we2"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_wan.name
  address_space       = ["10.10.1.0/24"]
}

resource "azurerm_virtual_network" "azc_ne" {
  name                = "ne"
  location            = "northeurope"
  resource_group_name = azurerm_resource_group.azc_wan_ne.name
  address_space       = ["10.10.2.0/24"]
}

resource "azurerm_virtual_network_peering" "azc_local" {
  name                      = "we1-we2"
  resource_group_name       = azurerm_resource_group.azc_wan.name
  virtual_network_name      = azurerm_virtual_network.azc_we1.name
  remote_virtual_network_id = azurerm_virtual_network.azc_we2.id
}

resource "azurerm_virtual_network_peering" "azc_global" {
  name                      = "we1-ne"
  resource_group_name       = azurerm_resource_group.azc_wan.name
  virtual_network_name      = azurerm_virtual_network.azc_we1.name
  remote_virtual_network_id = azurerm_virtual_network.azc_ne.id
}

resource "azurerm_virtual_hub" "azc_hub" {
  name                = "hub"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_wan.name
  virtual_wan_id      = "/subscriptions/0/resourceGroups/wan-rg/providers/Microsoft.Network/virtualWans/wan"
  address_prefix      = "10.20.0.0/23"
  sku                 = "Standard"
}

resource "azurerm_virtual_hub" "azc_basic_hub" {
  name                = "basic-hub"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_wan.name
  virtual_wan_id      = "/subscriptions/0/resourceGroups/wan-rg/providers/Microsoft.Network/virtualWans/wan"
  address_prefix      = "10.21.0.0/23"
}

resource "azurerm_vpn_gateway" "azc_s2s" {
  name                = "s2s"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_wan.name
  virtual_hub_id      = azurerm_virtual_hub.azc_hub.id
  scale_unit          = 2
}

resource "azurerm_vpn_gateway_connection" "azc_branch" {
  name               = "branch"
  vpn_gateway_id     = azurerm_vpn_gateway.azc_s2s.id
  remote_vpn_site_id = "/subscriptions/0/resourceGroups/wan-rg/providers/Microsoft.Network/vpnSites/branch"
  vpn_link {
    name             = "link1"
    vpn_site_link_id = "/subscriptions/0/resourceGroups/wan-rg/providers/Microsoft.Network/vpnSites/branch/vpnSiteLinks/l1"
  }
}

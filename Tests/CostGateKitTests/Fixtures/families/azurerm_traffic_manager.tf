provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_tm" {
  name     = "tm-rg"
  location = "westeurope"
}

resource "azurerm_resource_group" "azc_tm_de" {
  name     = "tm-de-rg"
  location = "germanynorth"
}

resource "azurerm_traffic_manager_profile" "web" {
  name                   = "web"
  resource_group_name    = azurerm_resource_group.azc_tm.name
  traffic_routing_method = "Priority"
  traffic_view_enabled   = true
  dns_config {
    relative_name = "web"
    ttl           = 60
  }
  monitor_config {
    protocol            = "HTTPS"
    port                = 443
    interval_in_seconds = 10
    timeout_in_seconds  = 5
  }
}

resource "azurerm_traffic_manager_profile" "de" {
  name                   = "de"
  resource_group_name    = azurerm_resource_group.azc_tm_de.name
  traffic_routing_method = "Weighted"
  dns_config {
    relative_name = "de"
    ttl           = 60
  }
  monitor_config {
    protocol = "HTTP"
    port     = 80
  }
}

resource "azurerm_traffic_manager_profile" "off" {
  name                   = "off"
  resource_group_name    = azurerm_resource_group.azc_tm.name
  traffic_routing_method = "Weighted"
  profile_status         = "Disabled"
  dns_config {
    relative_name = "off"
    ttl           = 60
  }
  monitor_config {
    protocol = "HTTP"
    port     = 80
  }
}

resource "azurerm_traffic_manager_azure_endpoint" "primary" {
  name               = "primary"
  profile_id         = azurerm_traffic_manager_profile.web.id
  priority           = 1
  target_resource_id = "/subscriptions/0/resourceGroups/tm-rg/providers/Microsoft.Network/publicIPAddresses/a"
}

resource "azurerm_traffic_manager_external_endpoint" "fallback" {
  name       = "fallback"
  profile_id = azurerm_traffic_manager_profile.web.id
  priority   = 2
  target     = "www.example.org"
}

resource "azurerm_traffic_manager_nested_endpoint" "de" {
  name                    = "de"
  profile_id              = azurerm_traffic_manager_profile.de.id
  minimum_child_endpoints = 1
  weight                  = 10
  target_resource_id      = azurerm_traffic_manager_profile.web.id
}

resource "azurerm_traffic_manager_external_endpoint" "disabled" {
  name       = "disabled"
  profile_id = azurerm_traffic_manager_profile.off.id
  weight     = 10
  target     = "www.example.net"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "net_eu" {
  name     = "network-eu"
  location = "westeurope"
}

resource "azurerm_express_route_gateway" "hub" {
  name                = "er-hub"
  resource_group_name = azurerm_resource_group.net_eu.name
  location            = azurerm_resource_group.net_eu.location
  virtual_hub_id      = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualHubs/hub"
  scale_units         = 2
}

resource "azurerm_express_route_connection" "onprem" {
  name                             = "onprem"
  express_route_circuit_peering_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/expressRouteCircuits/c/peerings/AzurePrivatePeering"
  express_route_gateway_id         = azurerm_express_route_gateway.hub.id
}

resource "azurerm_point_to_site_vpn_gateway" "remote" {
  name                        = "p2s"
  location                    = azurerm_resource_group.net_eu.location
  resource_group_name         = azurerm_resource_group.net_eu.name
  virtual_hub_id              = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualHubs/hub"
  vpn_server_configuration_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/vpnServerConfigurations/c"
  scale_unit                  = 3
  connection_configuration {
    name = "clients"
    vpn_client_address_pool {
      address_prefixes = ["10.1.0.0/16"]
    }
  }
}

resource "azurerm_frontdoor" "web" {
  name                = "web"
  resource_group_name = azurerm_resource_group.net_eu.name

  routing_rule {
    name               = "r1"
    accepted_protocols = ["Https"]
    patterns_to_match  = ["/*"]
    frontend_endpoints = ["fe"]
  }
  routing_rule {
    name               = "r2"
    accepted_protocols = ["Https"]
    patterns_to_match  = ["/api/*"]
    frontend_endpoints = ["fe"]
  }
  routing_rule {
    name               = "off"
    enabled            = false
    accepted_protocols = ["Https"]
    patterns_to_match  = ["/old/*"]
    frontend_endpoints = ["fe"]
  }

  frontend_endpoint {
    name      = "fe"
    host_name = "web.azurefd.net"
  }
}

resource "azurerm_network_ddos_protection_plan" "plan" {
  name                = "ddos"
  location            = azurerm_resource_group.net_eu.location
  resource_group_name = azurerm_resource_group.net_eu.name
}

resource "azurerm_network_watcher" "watcher" {
  name                = "watcher"
  location            = azurerm_resource_group.net_eu.location
  resource_group_name = azurerm_resource_group.net_eu.name
}

resource "azurerm_network_watcher_flow_log" "nsg" {
  name                      = "nsg-flow"
  network_watcher_name      = azurerm_network_watcher.watcher.name
  resource_group_name       = azurerm_resource_group.net_eu.name
  location                  = azurerm_resource_group.net_eu.location
  network_security_group_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/networkSecurityGroups/n"
  storage_account_id        = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/s"
  enabled                   = true
  retention_policy {
    enabled = true
    days    = 7
  }
  traffic_analytics {
    enabled               = true
    workspace_id          = "00000000-0000-0000-0000-000000000000"
    workspace_region      = "westeurope"
    workspace_resource_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.OperationalInsights/workspaces/w"
    interval_in_minutes   = 10
  }
}

resource "azurerm_network_connection_monitor" "probes" {
  name               = "probes"
  network_watcher_id = azurerm_network_watcher.watcher.id
  location           = azurerm_resource_group.net_eu.location

  endpoint {
    name    = "a"
    address = "example.com"
  }
  test_configuration {
    name     = "tcp"
    protocol = "Tcp"
    tcp_configuration {
      port = 443
    }
  }
  test_group {
    name                     = "g1"
    destination_endpoints    = ["d1", "d2", "d3"]
    source_endpoints         = ["s1", "s2"]
    test_configuration_names = ["tcp", "http"]
  }
  test_group {
    name                     = "g2"
    enabled                  = false
    destination_endpoints    = ["d1"]
    source_endpoints         = ["s1"]
    test_configuration_names = ["tcp"]
  }
}

resource "azurerm_resource_group" "net_us" {
  name     = "network-us"
  location = "westus"
}

resource "azurerm_frontdoor_firewall_policy" "waf" {
  name                = "waf"
  resource_group_name = azurerm_resource_group.net_us.name

  custom_rule {
    name     = "blockbad"
    action   = "Block"
    priority = 1
    type     = "MatchRule"
    match_condition {
      match_variable     = "RemoteAddr"
      operator           = "IPMatch"
      match_values       = ["192.168.1.0/24"]
    }
  }
  custom_rule {
    name     = "ratelimit"
    action   = "Block"
    priority = 2
    type     = "RateLimitRule"
    match_condition {
      match_variable     = "RequestUri"
      operator           = "Contains"
      match_values       = ["/login"]
    }
  }
  managed_rule {
    type    = "DefaultRuleSet"
    version = "1.0"
  }
}

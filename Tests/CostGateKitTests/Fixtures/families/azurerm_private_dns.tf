provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_dns" {
  name     = "dns-rg"
  location = "westeurope"
}

resource "azurerm_private_dns_zone" "internal" {
  name                = "internal.example.com"
  resource_group_name = azurerm_resource_group.azc_dns.name
}

resource "azurerm_private_dns_a_record" "busy" {
  name                = "api"
  zone_name           = azurerm_private_dns_zone.internal.name
  resource_group_name = azurerm_resource_group.azc_dns.name
  ttl                 = 300
  records             = ["10.1.0.4"]
}

resource "azurerm_private_dns_txt_record" "quiet" {
  name                = "verify"
  zone_name           = azurerm_private_dns_zone.internal.name
  resource_group_name = azurerm_resource_group.azc_dns.name
  ttl                 = 300
  record {
    value = "v=spf1 -all"
  }
}

resource "azurerm_private_dns_cname_record" "no_usage" {
  name                = "www"
  zone_name           = azurerm_private_dns_zone.internal.name
  resource_group_name = azurerm_resource_group.azc_dns.name
  ttl                 = 300
  record              = "api.internal.example.com"
}

resource "azurerm_private_dns_resolver_inbound_endpoint" "in" {
  name                    = "inbound"
  private_dns_resolver_id = "/subscriptions/0/resourceGroups/dns-rg/providers/Microsoft.Network/dnsResolvers/r"
  location                = "westeurope"
  ip_configurations {
    subnet_id = "/subscriptions/0/resourceGroups/dns-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/in"
  }
}

resource "azurerm_private_dns_resolver_outbound_endpoint" "out" {
  name                    = "outbound"
  private_dns_resolver_id = "/subscriptions/0/resourceGroups/dns-rg/providers/Microsoft.Network/dnsResolvers/r"
  location                = "westeurope"
  subnet_id               = "/subscriptions/0/resourceGroups/dns-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/out"
}

resource "azurerm_private_dns_resolver_dns_forwarding_ruleset" "rules" {
  name                                       = "rules"
  resource_group_name                        = azurerm_resource_group.azc_dns.name
  location                                   = "westeurope"
  private_dns_resolver_outbound_endpoint_ids = [azurerm_private_dns_resolver_outbound_endpoint.out.id]
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_dns" {
  name     = "dns-rg"
  location = "West Europe"
}

resource "azurerm_dns_zone" "aza_shop" {
  name                = "shop.example.com"
  resource_group_name = azurerm_resource_group.aza_dns.name
}

resource "azurerm_dns_a_record" "aza_busy" {
  name                = "www"
  zone_name           = azurerm_dns_zone.aza_shop.name
  resource_group_name = azurerm_resource_group.aza_dns.name
  ttl                 = 300
  records             = ["10.0.0.4"]
}

resource "azurerm_dns_cname_record" "aza_quiet" {
  name                = "docs"
  zone_name           = azurerm_dns_zone.aza_shop.name
  resource_group_name = azurerm_resource_group.aza_dns.name
  ttl                 = 300
  record              = "docs.example.net"
}

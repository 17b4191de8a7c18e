provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_cdn" {
  name     = "cdn-rg"
  location = "eastus"
}

resource "azurerm_cdn_profile" "aza_microsoft" {
  name                = "microsoft"
  location            = azurerm_resource_group.aza_cdn.location
  resource_group_name = azurerm_resource_group.aza_cdn.name
  sku                 = "Standard_Microsoft"
}

resource "azurerm_cdn_profile" "aza_akamai" {
  name                = "akamai"
  location            = azurerm_resource_group.aza_cdn.location
  resource_group_name = azurerm_resource_group.aza_cdn.name
  sku                 = "Standard_Akamai"
}

resource "azurerm_cdn_endpoint" "aza_site" {
  name                = "site"
  profile_name        = azurerm_cdn_profile.aza_microsoft.name
  location            = azurerm_resource_group.aza_cdn.location
  resource_group_name = azurerm_resource_group.aza_cdn.name

  origin {
    name      = "origin"
    host_name = "www.example.com"
  }

  dynamic "delivery_rule" {
    for_each = toset(["r1", "r2", "r3", "r4", "r5", "r6", "r7"])
    content {
      name  = delivery_rule.value
      order = 1

      request_scheme_condition {
        match_values = ["HTTP"]
      }

      url_redirect_action {
        redirect_type = "Found"
        protocol      = "Https"
      }
    }
  }
}

resource "azurerm_cdn_endpoint" "aza_accelerated" {
  name                = "accelerated"
  profile_name        = azurerm_cdn_profile.aza_akamai.name
  location            = azurerm_resource_group.aza_cdn.location
  resource_group_name = azurerm_resource_group.aza_cdn.name
  optimization_type   = "DynamicSiteAcceleration"

  origin {
    name      = "origin"
    host_name = "app.example.com"
  }
}

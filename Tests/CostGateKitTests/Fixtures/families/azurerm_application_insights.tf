provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_mon" {
  name     = "mon-rg"
  location = "eastus"
}

resource "azurerm_application_insights" "aza_app" {
  name                = "app"
  location            = azurerm_resource_group.aza_mon.location
  resource_group_name = azurerm_resource_group.aza_mon.name
  application_type    = "web"
  retention_in_days   = 180
}

resource "azurerm_application_insights_standard_web_test" "aza_home" {
  name                    = "home"
  resource_group_name     = azurerm_resource_group.aza_mon.name
  location                = "West Europe"
  application_insights_id = azurerm_application_insights.aza_app.id
  geo_locations           = ["emea-nl-ams-azr"]
  frequency               = 600

  request {
    url = "https://www.example.com"
  }
}

resource "azurerm_application_insights_web_test" "aza_checkout" {
  name                    = "checkout"
  location                = azurerm_resource_group.aza_mon.location
  resource_group_name     = azurerm_resource_group.aza_mon.name
  application_insights_id = azurerm_application_insights.aza_app.id
  kind                    = "multistep"
  geo_locations           = ["us-va-ash-azr"]
  configuration           = "<WebTest/>"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_cog" {
  name     = "cog-rg"
  location = "West Europe"
}

resource "azurerm_cognitive_account" "aza_language" {
  name                = "language"
  location            = azurerm_resource_group.aza_cog.location
  resource_group_name = azurerm_resource_group.aza_cog.name
  kind                = "TextAnalytics"
  sku_name            = "S0"
}

resource "azurerm_cognitive_account" "aza_luis" {
  name                = "luis"
  location            = azurerm_resource_group.aza_cog.location
  resource_group_name = azurerm_resource_group.aza_cog.name
  kind                = "LUIS"
  sku_name            = "S0"
}

resource "azurerm_cognitive_account" "aza_speech" {
  name                = "speech"
  location            = azurerm_resource_group.aza_cog.location
  resource_group_name = azurerm_resource_group.aza_cog.name
  kind                = "SpeechServices"
  sku_name            = "S0"
}

resource "azurerm_cognitive_account" "aza_trial" {
  name                = "trial"
  location            = azurerm_resource_group.aza_cog.location
  resource_group_name = azurerm_resource_group.aza_cog.name
  kind                = "SpeechServices"
  sku_name            = "F0"
}

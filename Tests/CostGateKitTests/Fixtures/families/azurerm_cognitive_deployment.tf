provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_ai" {
  name     = "ai-rg"
  location = "eastus2"
}

resource "azurerm_resource_group" "aza_ai_eu" {
  name     = "ai-eu-rg"
  location = "swedencentral"
}

resource "azurerm_cognitive_account" "aza_openai" {
  name                = "openai"
  location            = azurerm_resource_group.aza_ai.location
  resource_group_name = azurerm_resource_group.aza_ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_account" "aza_openai_eu" {
  name                = "openai-eu"
  location            = azurerm_resource_group.aza_ai_eu.location
  resource_group_name = azurerm_resource_group.aza_ai_eu.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "aza_chat" {
  name                 = "chat"
  cognitive_account_id = azurerm_cognitive_account.aza_openai.id

  model {
    format  = "OpenAI"
    name    = "gpt-4.5-preview"
    version = "2025-02-27"
  }

  sku {
    name = "Standard"
  }
}

resource "azurerm_cognitive_deployment" "aza_chat_forecast_missing" {
  name                 = "chat-forecast-missing"
  cognitive_account_id = azurerm_cognitive_account.aza_openai.id

  model {
    format = "OpenAI"
    name   = "gpt-4.5-preview"
  }

  sku {
    name = "Standard"
  }
}

resource "azurerm_cognitive_deployment" "aza_chat_global" {
  name                 = "chat-global"
  cognitive_account_id = azurerm_cognitive_account.aza_openai.id

  model {
    format = "OpenAI"
    name   = "gpt-4.5-preview"
  }

  sku {
    name = "GlobalStandard"
  }
}

resource "azurerm_cognitive_deployment" "aza_embeddings" {
  name                 = "embeddings"
  cognitive_account_id = azurerm_cognitive_account.aza_openai.id

  model {
    format = "OpenAI"
    name   = "text-embedding-3-large"
  }

  sku {
    name = "Standard"
  }
}

resource "azurerm_cognitive_deployment" "aza_reserved" {
  name                 = "reserved"
  cognitive_account_id = azurerm_cognitive_account.aza_openai.id

  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-08-06"
  }

  sku {
    name     = "ProvisionedManaged"
    capacity = 50
  }
}

resource "azurerm_cognitive_deployment" "aza_images" {
  name                 = "images"
  cognitive_account_id = azurerm_cognitive_account.aza_openai_eu.id

  model {
    format = "OpenAI"
    name   = "dall-e-3"
  }

  sku {
    name = "Standard"
  }
}

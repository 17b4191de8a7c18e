provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_msg" {
  name     = "msg-rg"
  location = "westeurope"
}

resource "azurerm_servicebus_namespace" "azc_standard" {
  name                = "sb-standard"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_msg.name
  sku                 = "Standard"
}

resource "azurerm_servicebus_namespace" "azc_premium" {
  name                = "sb-premium"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_msg.name
  sku                 = "Premium"
  capacity            = 2
}

resource "azurerm_servicebus_namespace" "azc_basic" {
  name                = "sb-basic"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_msg.name
  sku                 = "Basic"
}

resource "azurerm_redis_cache" "azc_premium" {
  name                 = "cache"
  location             = "eastus"
  resource_group_name  = azurerm_resource_group.azc_msg.name
  capacity             = 2
  family               = "P"
  sku_name             = "Premium"
  shard_count          = 2
  replicas_per_primary = 1
}

resource "azurerm_redis_cache" "azc_standard" {
  name                = "cache-std"
  location            = "eastus"
  resource_group_name = azurerm_resource_group.azc_msg.name
  capacity            = 3
  family              = "C"
  sku_name            = "Standard"
}

resource "azurerm_signalr_service" "azc_signalr" {
  name                = "signalr"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_msg.name
  sku {
    name     = "Standard_S1"
    capacity = 2
  }
}

resource "azurerm_signalr_service" "azc_free" {
  name                = "signalr-free"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.azc_msg.name
  sku {
    name     = "Free_F1"
    capacity = 1
  }
}

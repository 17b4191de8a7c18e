provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "msg_eu" {
  name     = "messaging-eu"
  location = "westeurope"
}

resource "azurerm_resource_group" "msg_us" {
  name     = "messaging-us"
  location = "eastus"
}

resource "azurerm_eventgrid_topic" "orders" {
  name                = "orders"
  location            = azurerm_resource_group.msg_eu.location
  resource_group_name = azurerm_resource_group.msg_eu.name
}

resource "azurerm_eventgrid_system_topic" "blobs" {
  name                   = "blobs"
  location               = azurerm_resource_group.msg_eu.location
  resource_group_name    = azurerm_resource_group.msg_eu.name
  source_arm_resource_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/x"
  topic_type             = "Microsoft.Storage.StorageAccounts"
}

resource "azurerm_eventhub_namespace" "standard" {
  name                = "ingest"
  location            = azurerm_resource_group.msg_us.location
  resource_group_name = azurerm_resource_group.msg_us.name
  sku                 = "Standard"
  capacity            = 4
}

resource "azurerm_eventhub_namespace" "premium" {
  name                = "ingest-premium"
  location            = azurerm_resource_group.msg_us.location
  resource_group_name = azurerm_resource_group.msg_us.name
  sku                 = "Premium"
  capacity            = 2
}

resource "azurerm_eventhub_namespace" "dedicated" {
  name                 = "ingest-dedicated"
  location             = azurerm_resource_group.msg_us.location
  resource_group_name  = azurerm_resource_group.msg_us.name
  sku                  = "Standard"
  dedicated_cluster_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.EventHub/clusters/c1"
}

resource "azurerm_iothub" "devices" {
  name                = "devices"
  location            = azurerm_resource_group.msg_eu.location
  resource_group_name = azurerm_resource_group.msg_eu.name
  sku {
    name     = "S1"
    capacity = 3
  }
}

resource "azurerm_iothub" "free" {
  name                = "devices-free"
  location            = azurerm_resource_group.msg_eu.location
  resource_group_name = azurerm_resource_group.msg_eu.name
  sku {
    name     = "F1"
    capacity = 1
  }
}

resource "azurerm_iothub_dps" "provisioning" {
  name                = "provisioning"
  location            = azurerm_resource_group.msg_eu.location
  resource_group_name = azurerm_resource_group.msg_eu.name
  sku {
    name     = "S1"
    capacity = 1
  }
}

resource "azurerm_notification_hub_namespace" "push" {
  name                = "push"
  location            = azurerm_resource_group.msg_us.location
  resource_group_name = azurerm_resource_group.msg_us.name
  namespace_type      = "NotificationHub"
  sku_name            = "Standard"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "app_us" {
  name     = "apps-us"
  location = "eastus"
}

resource "azurerm_resource_group" "app_eu" {
  name     = "apps-eu"
  location = "westeurope"
}

resource "azurerm_app_service_plan" "elastic" {
  name                = "elastic"
  location            = azurerm_resource_group.app_us.location
  resource_group_name = azurerm_resource_group.app_us.name
  kind                = "elastic"
  sku {
    tier = "ElasticPremium"
    size = "EP2"
  }
}

resource "azurerm_app_service_plan" "consumption" {
  name                = "consumption"
  location            = azurerm_resource_group.app_us.location
  resource_group_name = azurerm_resource_group.app_us.name
  kind                = "FunctionApp"
  sku {
    tier = "Dynamic"
    size = "Y1"
  }
}

resource "azurerm_function_app" "premium" {
  name                       = "fn-premium"
  location                   = azurerm_resource_group.app_us.location
  resource_group_name        = azurerm_resource_group.app_us.name
  app_service_plan_id        = azurerm_app_service_plan.elastic.id
  storage_account_name       = "fnstorage"
  storage_account_access_key = "key"
}

resource "azurerm_function_app" "consumption" {
  name                       = "fn-consumption"
  location                   = azurerm_resource_group.app_us.location
  resource_group_name        = azurerm_resource_group.app_us.name
  app_service_plan_id        = azurerm_app_service_plan.consumption.id
  storage_account_name       = "fnstorage"
  storage_account_access_key = "key"
}

resource "azurerm_service_plan" "ep3" {
  name                = "ep3"
  location            = azurerm_resource_group.app_us.location
  resource_group_name = azurerm_resource_group.app_us.name
  os_type             = "Linux"
  sku_name            = "EP3"
}

resource "azurerm_linux_function_app" "worker" {
  name                 = "fn-worker"
  location             = azurerm_resource_group.app_us.location
  resource_group_name  = azurerm_resource_group.app_us.name
  service_plan_id      = azurerm_service_plan.ep3.id
  storage_account_name = "fnstorage"
  site_config {}
}

resource "azurerm_app_service_plan" "workflow" {
  name                = "workflow"
  location            = azurerm_resource_group.app_eu.location
  resource_group_name = azurerm_resource_group.app_eu.name
  kind                = "elastic"
  sku {
    tier = "WorkflowStandard"
    size = "WS2"
  }
}

resource "azurerm_logic_app_standard" "flows" {
  name                       = "flows"
  location                   = azurerm_resource_group.app_eu.location
  resource_group_name        = azurerm_resource_group.app_eu.name
  app_service_plan_id        = azurerm_app_service_plan.workflow.id
  storage_account_name       = "flowstorage"
  storage_account_access_key = "key"
}

resource "azurerm_logic_app_integration_account" "b2b" {
  name                = "b2b"
  location            = azurerm_resource_group.app_eu.location
  resource_group_name = azurerm_resource_group.app_eu.name
  sku_name            = "Standard"
}

resource "azurerm_integration_service_environment" "ise" {
  name                 = "ise"
  location             = azurerm_resource_group.app_us.location
  resource_group_name  = azurerm_resource_group.app_us.name
  sku_name             = "Premium_2"
  access_endpoint_type = "Internal"
  virtual_network_subnet_ids = [
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/a",
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/b",
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/c",
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/d",
  ]
}

resource "azurerm_integration_service_environment" "dev" {
  name                 = "ise-dev"
  location             = azurerm_resource_group.app_us.location
  resource_group_name  = azurerm_resource_group.app_us.name
  sku_name             = "Developer_0"
  access_endpoint_type = "Internal"
  virtual_network_subnet_ids = [
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/a",
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/b",
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/c",
    "/subscriptions/0/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/d",
  ]
}

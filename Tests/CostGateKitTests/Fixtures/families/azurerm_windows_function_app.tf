provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_func" {
  name     = "func-rg"
  location = "eastus"
}

resource "azurerm_service_plan" "azc_ep2" {
  name                = "ep2"
  location            = "eastus"
  resource_group_name = azurerm_resource_group.azc_func.name
  os_type             = "Windows"
  sku_name            = "EP2"
}

resource "azurerm_service_plan" "azc_consumption" {
  name                = "consumption"
  location            = "eastus"
  resource_group_name = azurerm_resource_group.azc_func.name
  os_type             = "Windows"
  sku_name            = "Y1"
}

resource "azurerm_windows_function_app" "azc_premium" {
  name                 = "premium-func"
  location             = "eastus"
  resource_group_name  = azurerm_resource_group.azc_func.name
  service_plan_id      = azurerm_service_plan.azc_ep2.id
  storage_account_name = "azcfuncstorage"
  site_config {}
}

resource "azurerm_windows_function_app" "azc_consumption" {
  name                 = "consumption-func"
  location             = "eastus"
  resource_group_name  = azurerm_resource_group.azc_func.name
  service_plan_id      = azurerm_service_plan.azc_consumption.id
  storage_account_name = "azcfuncstorage"
  site_config {}
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_etl" {
  name     = "etl-rg"
  location = "West Europe"
}

resource "azurerm_data_factory" "aza_etl" {
  name                = "etl"
  location            = azurerm_resource_group.aza_etl.location
  resource_group_name = azurerm_resource_group.aza_etl.name
}

resource "azurerm_data_factory_integration_runtime_azure" "aza_flows" {
  name            = "flows"
  data_factory_id = azurerm_data_factory.aza_etl.id
  location        = azurerm_resource_group.aza_etl.location
  compute_type    = "ComputeOptimized"
  core_count      = 16
}

resource "azurerm_data_factory_integration_runtime_managed" "aza_vnet" {
  name            = "vnet"
  data_factory_id = azurerm_data_factory.aza_etl.id
  location        = azurerm_resource_group.aza_etl.location
  node_size       = "Standard_D1_v2"
  number_of_nodes = 2
  edition         = "Standard"
  license_type    = "BasePrice"
}

resource "azurerm_data_factory_integration_runtime_azure_ssis" "aza_packages" {
  name            = "packages"
  data_factory_id = azurerm_data_factory.aza_etl.id
  location        = azurerm_resource_group.aza_etl.location
  node_size       = "Standard_D8_v3"
}

resource "azurerm_data_factory_integration_runtime_self_hosted" "aza_onprem" {
  name            = "onprem"
  data_factory_id = azurerm_data_factory.aza_etl.id
}

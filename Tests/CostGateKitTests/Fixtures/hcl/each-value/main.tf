# for_each over another resource's instances: each.value.id refers to the instance each value is (our own fixture)
provider "azurerm" {
  features {}
}

resource "azurerm_service_plan" "plan" {
  for_each            = toset(["B1", "P1v3"])
  name                = "plan-${each.key}"
  location            = "eastus"
  resource_group_name = "rg"
  os_type             = "Windows"
  sku_name            = each.key
}

resource "azurerm_windows_function_app" "app" {
  for_each             = { for p in azurerm_service_plan.plan : p.name => p }
  name                 = "app-${each.value.name}"
  location             = "eastus"
  resource_group_name  = "rg"
  service_plan_id      = each.value.id
  storage_account_name = "sa"
  site_config {}
}

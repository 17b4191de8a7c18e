provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aza_ops" {
  name     = "ops-rg"
  location = "eastus"
}

resource "azurerm_automation_account" "aza_ops" {
  name                = "ops"
  location            = azurerm_resource_group.aza_ops.location
  resource_group_name = azurerm_resource_group.aza_ops.name
  sku_name            = "Basic"
}

resource "azurerm_automation_dsc_configuration" "aza_web" {
  name                    = "web"
  resource_group_name     = azurerm_resource_group.aza_ops.name
  automation_account_name = azurerm_automation_account.aza_ops.name
  location                = azurerm_resource_group.aza_ops.location
  content_embedded        = "configuration web {}"
}

resource "azurerm_automation_job_schedule" "aza_nightly" {
  resource_group_name     = azurerm_resource_group.aza_ops.name
  automation_account_name = azurerm_automation_account.aza_ops.name
  schedule_name           = "nightly"
  runbook_name            = "cleanup"
}

resource "azurerm_automation_watcher" "aza_files" {
  name                           = "files"
  automation_account_id          = azurerm_automation_account.aza_ops.id
  location                       = azurerm_resource_group.aza_ops.location
  script_name                    = "watch"
  script_run_on                  = "worker"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "azc_backup" {
  name     = "backup-rg"
  location = "westeurope"
}

resource "azurerm_recovery_services_vault" "azc_vault" {
  name                         = "azc-vault"
  location                     = "westeurope"
  resource_group_name          = azurerm_resource_group.azc_backup.name
  sku                          = "Standard"
  storage_mode_type            = "GeoRedundant"
  cross_region_restore_enabled = true
}

resource "azurerm_virtual_machine" "azc_app" {
  name                  = "app"
  location              = "westeurope"
  resource_group_name   = azurerm_resource_group.azc_backup.name
  network_interface_ids = ["/subscriptions/0/resourceGroups/backup-rg/providers/Microsoft.Network/networkInterfaces/app"]
  vm_size               = "Standard_F2"
  storage_os_disk {
    name              = "app-os"
    create_option     = "FromImage"
    managed_disk_type = "Standard_LRS"
    disk_size_gb      = 64
  }
  storage_data_disk {
    name              = "app-data"
    create_option     = "Empty"
    managed_disk_type = "Standard_LRS"
    disk_size_gb      = 256
    lun               = 0
  }
}

resource "azurerm_backup_protected_vm" "azc_app" {
  resource_group_name = azurerm_resource_group.azc_backup.name
  recovery_vault_name = azurerm_recovery_services_vault.azc_vault.name
  source_vm_id        = azurerm_virtual_machine.azc_app.id
  backup_policy_id    = "/subscriptions/0/resourceGroups/backup-rg/providers/Microsoft.RecoveryServices/vaults/azc-vault/backupPolicies/daily"
}

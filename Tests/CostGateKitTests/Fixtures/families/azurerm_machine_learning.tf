provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "ml_us" {
  name     = "ml-us"
  location = "eastus"
}

resource "azurerm_resource_group" "ml_eu" {
  name     = "ml-eu"
  location = "westeurope"
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "ws"
  location                = azurerm_resource_group.ml_us.location
  resource_group_name     = azurerm_resource_group.ml_us.name
  application_insights_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0/resourceGroups/x/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/s"
  identity {
    type = "SystemAssigned"
  }
}

# GPU training cluster: two A100 nodes always on
resource "azurerm_machine_learning_compute_cluster" "a100" {
  name                          = "a100"
  location                      = azurerm_resource_group.ml_us.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC24ads_A100_v4"
  scale_settings {
    min_node_count                       = 2
    max_node_count                       = 8
    scale_down_nodes_after_idle_duration = "PT30M"
  }
}

# scales to zero; the usage file forecasts 3 nodes for 200 hours
resource "azurerm_machine_learning_compute_cluster" "t4" {
  name                          = "t4"
  location                      = azurerm_resource_group.ml_us.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC16as_T4_v3"
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30M"
  }
}

# scales to zero, no forecast
resource "azurerm_machine_learning_compute_cluster" "idle" {
  name                          = "idle"
  location                      = azurerm_resource_group.ml_eu.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6"
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT30M"
  }
}

resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu"
  location                      = azurerm_resource_group.ml_eu.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_D4s_v3"
  scale_settings {
    min_node_count                       = 1
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30M"
  }
}

resource "azurerm_machine_learning_compute_instance" "notebook" {
  name                          = "notebook"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_NC24ads_A100_v4"
}

resource "azurerm_machine_learning_compute_instance" "dev" {
  name                          = "dev"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ws.id
  virtual_machine_size          = "Standard_D4s_v3"
}

resource "azurerm_managed_disk" "ml_image_data" {
  name                 = "data"
  location             = azurerm_resource_group.ml_eu.location
  resource_group_name  = azurerm_resource_group.ml_eu.name
  storage_account_type = "Standard_LRS"
  create_option        = "Empty"
  disk_size_gb         = 64
}

resource "azurerm_image" "golden" {
  name                = "golden"
  location            = azurerm_resource_group.ml_eu.location
  resource_group_name = azurerm_resource_group.ml_eu.name
  os_disk {
    os_type  = "Linux"
    os_state = "Generalized"
    size_gb  = 30
  }
  data_disk {
    lun             = 0
    managed_disk_id = azurerm_managed_disk.ml_image_data.id
  }
}

resource "azurerm_image" "forecast" {
  name                = "forecast"
  location            = azurerm_resource_group.ml_eu.location
  resource_group_name = azurerm_resource_group.ml_eu.name
  os_disk {
    os_type  = "Linux"
    os_state = "Generalized"
  }
}

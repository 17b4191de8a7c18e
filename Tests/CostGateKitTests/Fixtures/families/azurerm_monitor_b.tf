provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "mon_eu" {
  name     = "monitor-eu"
  location = "westeurope"
}

resource "azurerm_resource_group" "mon_us" {
  name     = "monitor-us"
  location = "eastus"
}

resource "azurerm_log_analytics_workspace" "payg" {
  name                = "payg"
  location            = azurerm_resource_group.mon_eu.location
  resource_group_name = azurerm_resource_group.mon_eu.name
  sku                 = "PerGB2018"
  retention_in_days   = 90
}

resource "azurerm_log_analytics_workspace" "reserved" {
  name                               = "reserved"
  location                           = azurerm_resource_group.mon_eu.location
  resource_group_name                = azurerm_resource_group.mon_eu.name
  sku                                = "CapacityReservation"
  reservation_capacity_in_gb_per_day = 150
}

resource "azurerm_sentinel_data_connector_azure_active_directory" "aad" {
  name                       = "aad"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.reserved.id
}

resource "azurerm_monitor_action_group" "oncall" {
  name                = "oncall"
  resource_group_name = azurerm_resource_group.mon_us.name
  short_name          = "oncall"

  email_receiver {
    name          = "team"
    email_address = "team@example.com"
  }
  email_receiver {
    name          = "lead"
    email_address = "lead@example.com"
  }
  sms_receiver {
    name         = "phone"
    country_code = "1"
    phone_number = "5555550100"
  }
  voice_receiver {
    name         = "voice"
    country_code = "86"
    phone_number = "5555550101"
  }
  webhook_receiver {
    name        = "hook"
    service_uri = "https://example.com/hook"
  }
}

resource "azurerm_monitor_data_collection_rule" "metrics" {
  name                = "metrics"
  resource_group_name = azurerm_resource_group.mon_eu.name
  location            = azurerm_resource_group.mon_eu.location
  destinations {
    azure_monitor_metrics {
      name = "metrics"
    }
  }
  data_flow {
    streams      = ["Microsoft-InsightsMetrics"]
    destinations = ["metrics"]
  }
}

resource "azurerm_key_vault" "audited" {
  name                = "audited"
  location            = azurerm_resource_group.mon_eu.location
  resource_group_name = azurerm_resource_group.mon_eu.name
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "azurerm_monitor_diagnostic_setting" "to_storage" {
  name               = "to-storage"
  target_resource_id = azurerm_key_vault.audited.id
  storage_account_id = "/subscriptions/0/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/s"
  enabled_log {
    category = "AuditEvent"
  }
}

resource "azurerm_monitor_metric_alert" "cpu" {
  name                = "cpu"
  resource_group_name = azurerm_resource_group.mon_us.name
  scopes              = ["/subscriptions/0/resourceGroups/x/providers/Microsoft.Compute/virtualMachines/a", "/subscriptions/0/resourceGroups/x/providers/Microsoft.Compute/virtualMachines/b"]
  criteria {
    metric_namespace = "Microsoft.Compute/virtualMachines"
    metric_name      = "Percentage CPU"
    aggregation      = "Average"
    operator         = "GreaterThan"
    threshold        = 80
    dimension {
      name     = "VMName"
      operator = "Include"
      values   = ["*"]
    }
  }
  dynamic_criteria {
    metric_namespace  = "Microsoft.Compute/virtualMachines"
    metric_name       = "Network In Total"
    aggregation       = "Total"
    operator          = "GreaterThan"
    alert_sensitivity = "Medium"
    dimension {
      name     = "VMName"
      operator = "Include"
      values   = ["*"]
    }
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert" "errors" {
  name                = "errors"
  location            = azurerm_resource_group.mon_eu.location
  resource_group_name = azurerm_resource_group.mon_eu.name
  data_source_id      = azurerm_log_analytics_workspace.payg.id
  frequency           = 10
  time_window         = 30
  query               = "AppExceptions | count"
  action {
    action_group = [azurerm_monitor_action_group.oncall.id]
  }
  trigger {
    operator  = "GreaterThan"
    threshold = 3
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "latency" {
  name                 = "latency"
  resource_group_name  = azurerm_resource_group.mon_eu.name
  location             = azurerm_resource_group.mon_eu.location
  evaluation_frequency = "PT5M"
  window_duration      = "PT5M"
  scopes               = [azurerm_log_analytics_workspace.payg.id]
  severity             = 3
  criteria {
    query                   = "requests | summarize avg(duration) by cloud_RoleName, client_CountryOrRegion"
    time_aggregation_method = "Average"
    threshold               = 500
    operator                = "GreaterThan"
    metric_measure_column   = "avg_duration"
    dimension {
      name     = "cloud_RoleName"
      operator = "Include"
      values   = ["*"]
    }
    dimension {
      name     = "client_CountryOrRegion"
      operator = "Include"
      values   = ["*"]
    }
  }
}

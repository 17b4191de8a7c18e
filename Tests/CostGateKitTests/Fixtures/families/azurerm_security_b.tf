provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "sec_us" {
  name     = "security-us"
  location = "eastus"
}

resource "azurerm_resource_group" "sec_eu" {
  name     = "security-eu"
  location = "westeurope"
}

resource "azurerm_key_vault" "premium" {
  name                = "vault-premium"
  location            = azurerm_resource_group.sec_us.location
  resource_group_name = azurerm_resource_group.sec_us.name
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "premium"
}

resource "azurerm_key_vault_key" "hsm_rsa2048" {
  name         = "hsm-rsa2048"
  key_vault_id = azurerm_key_vault.premium.id
  key_type     = "RSA-HSM"
  key_size     = 2048
  key_opts     = ["sign", "verify"]
}

resource "azurerm_key_vault_key" "hsm_rsa3072" {
  name         = "hsm-rsa3072"
  key_vault_id = azurerm_key_vault.premium.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["sign", "verify"]
}

resource "azurerm_key_vault_certificate" "tls" {
  name         = "tls"
  key_vault_id = azurerm_key_vault.premium.id
  certificate_policy {
    issuer_parameters {
      name = "Self"
    }
    key_properties {
      exportable = true
      key_size   = 2048
      key_type   = "RSA"
      reuse_key  = true
    }
    secret_properties {
      content_type = "application/x-pkcs12"
    }
  }
}

resource "azurerm_key_vault_managed_hardware_security_module" "hsm" {
  name                = "hsm"
  resource_group_name = azurerm_resource_group.sec_us.name
  location            = azurerm_resource_group.sec_us.location
  sku_name            = "Standard_B1"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  admin_object_ids    = ["00000000-0000-0000-0000-000000000000"]
}

resource "azurerm_user_assigned_identity" "ci" {
  name                = "ci"
  location            = azurerm_resource_group.sec_eu.location
  resource_group_name = azurerm_resource_group.sec_eu.name
}

resource "azurerm_federated_identity_credential" "github" {
  name                = "github"
  resource_group_name = azurerm_resource_group.sec_eu.name
  audience            = ["api://AzureADTokenExchange"]
  issuer              = "https://token.actions.githubusercontent.com"
  parent_id           = azurerm_user_assigned_identity.ci.id
  subject             = "repo:example/app:ref:refs/heads/main"
}

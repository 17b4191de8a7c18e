import FoundationEssentials
/// Key Vault keys and certificates, Managed HSM pools and federated identity credentials (Entra ID active users).
enum AzureSecurityPricers {
    static let all: [any Pricer] = [keyVaultKey, keyVaultCertificate, managedHSM, federatedIdentityCredential]

    static let secretsOperations = UsageKey("monthly_secrets_operations", unit: "operations", "secrets operations a month")
    static let keyRotationRenewals = UsageKey("monthly_key_rotation_renewals", unit: "renewals", "storage key rotations a month")
    static let protectedKeysOperations = UsageKey("monthly_protected_keys_operations", unit: "operations", "key operations a month")
    static let hsmProtectedKeys = UsageKey("hsm_protected_keys", unit: "keys", "HSM-protected keys stored")
    static let certificateRenewals = UsageKey("monthly_certificate_renewal_requests", unit: "requests", "certificate renewal requests a month")
    static let certificateOperations = UsageKey("monthly_certificate_other_operations", unit: "operations", "other certificate operations a month")

    /// `azurerm_key_vault_key` (where its vault is): secrets operations, storage key rotations, and by key type either
    /// software-protected key operations or, in a Premium vault, HSM-protected keys (RSA-HSM 2048 at one price, other
    /// keys in four tiers; usage `hsm_protected_keys`) and their operations.
    static let keyVaultKey = RegionFromParentPricer(type: "azurerm_key_vault_key", parentType: "azurerm_key_vault", reference: "key_vault_id",
                                                    attributes: ["key_type", "key_size"], parentAttributes: ["sku_name"],
                                                    usage: [secretsOperations, keyRotationRenewals, protectedKeysOperations, hsmProtectedKeys]) { c in
        let a = c.resource.attributes
        let vault = c.context.referenced("azurerm_key_vault", from: c.resource, attribute: "key_vault_id")
        let premium = vault?.attributes["sku_name"].string?.lowercased() == "premium"
        let keyType = (a["key_type"].string ?? "").uppercased()
        let rsa2048 = a["key_size"].decimal == 2048
        c.usage("Secrets operations", unit: "10K transactions", secretsOperations, times: Decimal(string: "0.0001")!)
        c.usage("Storage key rotations", unit: "renewals", keyRotationRenewals)
        if !keyType.hasSuffix("HSM") {
            // RSA 2048 operations are standard operations, other keys advanced ones (the book keys them apart)
            let ops = keyType == "RSA" && rsa2048 ? "standard" : "advanced"
            AzureB.keyed(&c, "Software-protected keys", unit: "10K transactions",
                         quantity: Quantities.usage(protectedKeysOperations, c.context, times: Decimal(string: "0.0001")!),
                         label: "ops=\(ops)", usageBased: true)
            return
        }
        guard premium else { return }
        let keys = AzureB.given(hsmProtectedKeys, c)
        if keyType == "RSA-HSM" && rsa2048 || keys == nil {
            c.line("HSM-protected keys", unit: "month", quantity: keys.map { .value($0) } ?? .usageNotGiven, usageBased: true)
        } else if let keys {
            let parts = AzureB.buckets(keys, [250, 1250, 2500])
            let names = ["HSM-protected keys (first 250)", "HSM-protected keys (next 1250)", "HSM-protected keys (next 2500)", "HSM-protected keys (over 4000)"]
            for (i, part) in parts.enumerated() where i == 0 || part > 0 {
                c.line(names[i], unit: "month", quantity: .value(part), usageBased: true)
            }
        }
        if let ops = AzureB.given(protectedKeysOperations, c) {
            c.line("HSM-protected keys", unit: "10K transactions", quantity: .value(ops / 10_000), usageBased: true)
        }
    }

    /// `azurerm_key_vault_certificate` (where its vault is): renewal requests and other operations (usage).
    static let keyVaultCertificate = RegionFromParentPricer(type: "azurerm_key_vault_certificate", parentType: "azurerm_key_vault",
                                                            reference: "key_vault_id", usage: [certificateRenewals, certificateOperations]) { c in
        c.usage("Certificate renewals", unit: "requests", certificateRenewals)
        c.usage("Certificate operations", unit: "10K transactions", certificateOperations, times: Decimal(string: "0.0001")!)
    }

    /// `azurerm_key_vault_managed_hardware_security_module`: the HSM pool by the hour.
    static let managedHSM = ComponentPricer(["azurerm_key_vault_managed_hardware_security_module"]) { c in
        c.hours("HSM pools")
    }

    /// `azurerm_federated_identity_credential`: Entra ID monthly active users beyond the 50,000 free, P1 or P2 (usage);
    /// without usage both licences show their price.
    static let federatedIdentityCredential = ComponentPricer(["azurerm_federated_identity_credential"],
                                                             usage: [AzureBKeys.monthlyActiveP1Users, AzureBKeys.monthlyActiveP2Users]) { c in
        for (licence, key) in [("P1", AzureBKeys.monthlyActiveP1Users), ("P2", AzureBKeys.monthlyActiveP2Users)] {
            if let users = AzureB.given(key, c) {
                c.line("Active users (\(licence))", unit: "users", quantity: .value(max(users - 50_000, 0)), usageBased: true)
                return
            }
        }
        c.line("Active users (P1)", unit: "users", quantity: .usageNotGiven, usageBased: true)
        c.line("Active users (P2)", unit: "users", quantity: .usageNotGiven, usageBased: true)
    }
}

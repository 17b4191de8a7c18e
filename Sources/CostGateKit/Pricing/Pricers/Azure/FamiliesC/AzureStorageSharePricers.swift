import FoundationEssentials
/// Azure Files shares, priced by the share's access tier and its storage account's replication.
enum AzureStorageShare {
    static let accountType = "azurerm_storage_account"

    /// The storage account a share, queue or table belongs to: by its known name, else by the reference.
    static func account(of r: Resource, _ context: PricingContext) -> Resource? {
        if let name = r.attributes["storage_account_name"].nonEmptyString, !Quantities.isUnknown(r.attributes["storage_account_name"]),
           let a = context.find(accountType, where: "name", equals: name) { return a }
        return context.referenced(accountType, from: r, attribute: "storage_account_name")
            ?? context.referenced(accountType, from: r, attribute: "storage_account_id")
    }

    static func accountRegion(_ r: Resource, _ context: PricingContext) -> String? {
        guard let a = account(of: r, context) else { return nil }
        return a.region ?? Components.resourceGroupRegion(a, context)
    }

    static let perTenK = Decimal(string: "0.0001")!

    /// `azurerm_storage_share`: Premium shares bill their provisioned `quota` and snapshots; standard shares bill
    /// data, snapshots and metadata stored, operations by class (per 10k) and, in the Cool tier, data retrieved
    /// (all usage), at the prices of the share's `access_tier` and its account's replication.
    static let share = AzureCPricer(["azurerm_storage_share"], attributes: ["storage_account_name", "storage_account_id", "access_tier", "quota"],
                                    usage: [AzureCKeys.storageGB, AzureCKeys.snapshotsGB, AzureCKeys.metadataGB, AzureCKeys.readOperations,
                                            AzureCKeys.writeOperations, AzureCKeys.listOperations, AzureCKeys.otherOperations, AzureCKeys.dataRetrievalGB],
                                    related: [accountType: ["name", "location", "resource_group_name", "account_replication_type", "account_tier"]],
                                    region: { r, ctx in accountRegion(r, ctx) }) { c in
        let acct = account(of: c.resource, c.context)
        let premium = acct?.attributes["account_tier"].string == "Premium"
        let tier = premium ? "Premium" : (c.resource.attributes["access_tier"].nonEmptyString ?? "TransactionOptimized")
        guard let replication = acct?.attributes["account_replication_type"].nonEmptyString else {
            c.assume("storage account not in this configuration: its replication, and so the share's prices, are not known")
            return c.line("Data at rest", unit: "GB", quantity: .notDeclared(reason: "storage account's replication not known"))
        }
        let suffix = "\(tier).\(replication)".lowercased()
        func add(_ name: String, _ unit: String, _ q: Quantity, usage: Bool = true) {
            AzureC.keyed(&c, name, unit: unit, quantity: q, suffix: suffix, usageBased: usage)
        }
        func used(_ key: UsageKey, _ factor: Decimal = 1) -> Quantity { Quantities.usage(key, c.context, times: factor) }
        if premium {
            add("Data at rest", "GB", c.number("quota").map { $0 } ?? .unknownUntilApply(attribute: "quota"), usage: false)
            add("Snapshots", "GB", used(AzureCKeys.snapshotsGB))
            return
        }
        add("Data at rest", "GB", used(AzureCKeys.storageGB))
        add("Snapshots", "GB", used(AzureCKeys.snapshotsGB))
        if tier != "TransactionOptimized" { add("Metadata at rest", "GB", used(AzureCKeys.metadataGB)) }
        add("Read operations", "10k operations", used(AzureCKeys.readOperations, perTenK))
        add("Write operations", "10k operations", used(AzureCKeys.writeOperations, perTenK))
        add("List operations", "10k operations", used(AzureCKeys.listOperations, perTenK))
        add("Other operations", "10k operations", used(AzureCKeys.otherOperations, perTenK))
        if tier == "Cool" { add("Data retrieval", "GB", used(AzureCKeys.dataRetrievalGB)) }
    }

    /// `azurerm_storage_queue`: capacity, class 1 operations (not on geo-zone-redundant accounts) and class 2
    /// operations (per 10k), and geo-replication GB (geo-redundant accounts), all usage, at the prices of the
    /// account's kind (Storage, StorageV2) and replication.
    static let queue = AzureCPricer(["azurerm_storage_queue"], attributes: ["storage_account_name", "storage_account_id"],
                                    usage: [AzureCKeys.monthlyStorageGB, AzureCKeys.class1Operations, AzureCKeys.class2Operations, AzureCKeys.geoReplicationGB],
                                    related: [accountType: ["name", "location", "resource_group_name", "account_replication_type", "account_tier", "account_kind"]],
                                    region: { r, ctx in accountRegion(r, ctx) }) { c in
        guard let acct = account(of: c.resource, c.context), let replication = acct.attributes["account_replication_type"].nonEmptyString?.uppercased() else {
            c.assume("storage account not in this configuration: its kind and replication, and so the queue's prices, are not known")
            return c.line("Capacity", unit: "GB", quantity: .notDeclared(reason: "storage account not known"))
        }
        let kind = acct.attributes["account_kind"].nonEmptyString ?? "StorageV2"
        guard ["storage", "storagev2"].contains(kind.lowercased()) else { return c.assume("\(kind) accounts hold no queues") }
        let suffix = "\(kind).\(acct.attributes["account_tier"].nonEmptyString ?? "Standard").\(replication)".lowercased()
        func add(_ name: String, _ unit: String, _ key: UsageKey, _ factor: Decimal = 1) {
            AzureC.keyed(&c, name, unit: unit, quantity: Quantities.usage(key, c.context, times: factor), suffix: suffix)
        }
        add("Capacity", "GB", AzureCKeys.monthlyStorageGB)
        if !["GZRS", "RAGZRS", "RA-GZRS"].contains(replication) { add("Class 1 operations", "10k operations", AzureCKeys.class1Operations, perTenK) }
        add("Class 2 operations", "10k operations", AzureCKeys.class2Operations, perTenK)
        if !["LRS", "ZRS"].contains(replication) {
            c.usage("Geo-replication data transfer", unit: "GB", AzureCKeys.geoReplicationGB)
        }
    }

    static let cmkType = "azurerm_storage_account_customer_managed_key"

    /// True when the account encrypts with a customer-managed key (its own block, or a key resource naming it).
    static func hasCustomerManagedKey(_ account: Resource, _ context: PricingContext) -> Bool {
        if !account.attributes["customer_managed_key"].block.isNull { return true }
        return context.resources(ofType: cmkType).contains { cmk in
            context.referenced(accountType, from: cmk, attribute: "storage_account_id")?.address == account.address
        }
    }

    /// `azurerm_storage_table`: capacity and operations by kind (per 10k: batch write, write, read, scan, list,
    /// delete), all usage, at the prices of the account's replication, encrypted with a customer-managed key or not.
    static let table = AzureCPricer(["azurerm_storage_table"], attributes: ["storage_account_name", "storage_account_id"],
                                    usage: [AzureCKeys.monthlyStorageGB, AzureCKeys.batchWriteOperations, AzureCKeys.writeOperations,
                                            AzureCKeys.readOperations, AzureCKeys.scanOperations, AzureCKeys.listOperations, AzureCKeys.deleteOperations],
                                    related: [accountType: ["name", "location", "resource_group_name", "account_replication_type", "customer_managed_key"],
                                              cmkType: ["storage_account_id"]],
                                    region: { r, ctx in accountRegion(r, ctx) }) { c in
        guard let acct = account(of: c.resource, c.context), let replication = acct.attributes["account_replication_type"].nonEmptyString?.uppercased() else {
            c.assume("storage account not in this configuration: its replication, and so the table's prices, are not known")
            return c.line("Capacity", unit: "GB", quantity: .notDeclared(reason: "storage account not known"))
        }
        let named = ["RAGRS": "RA-GRS", "RAGZRS": "RA-GZRS"][replication] ?? replication
        let suffix = "\(hasCustomerManagedKey(acct, c.context) ? "cmk" : "standard").\(named)".lowercased()
        func add(_ name: String, _ unit: String, _ key: UsageKey, _ factor: Decimal = 1) {
            AzureC.keyed(&c, name, unit: unit, quantity: Quantities.usage(key, c.context, times: factor), suffix: suffix)
        }
        add("Capacity", "GB", AzureCKeys.monthlyStorageGB)
        for (name, key) in [("Batch Write operations", AzureCKeys.batchWriteOperations), ("Write operations", AzureCKeys.writeOperations),
                            ("Read operations", AzureCKeys.readOperations), ("Scan operations", AzureCKeys.scanOperations),
                            ("List operations", AzureCKeys.listOperations), ("Delete operations", AzureCKeys.deleteOperations)] {
            add(name, "10k operations", key, perTenK)
        }
    }

    static let all: [any Pricer] = [share, queue, table]
}

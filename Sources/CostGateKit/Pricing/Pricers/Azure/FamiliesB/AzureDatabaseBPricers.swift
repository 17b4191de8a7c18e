import FoundationEssentials
/// Azure Managed Redis, single-server MySQL and MariaDB, SQL elastic pools and SQL managed instances.
enum AzureDatabaseBPricers {
    static let all: [any Pricer] = [managedRedis, mysqlServer, mariadbServer]

    static let additionalBackupGB = UsageKey("additional_backup_storage_gb", unit: "GB", "backup storage beyond the free amount, GB")

    /// `azurerm_managed_redis`: the SKU by the hour on each node (two with high availability, the default).
    static let managedRedis = ComponentPricer(["azurerm_managed_redis"], attributes: ["sku_name", "high_availability_enabled"]) { c in
        let a = c.resource.attributes
        guard let sku = a["sku_name"].nonEmptyString, !Quantities.isUnknown(a["sku_name"]) else {
            c.line("Cache usage", unit: "hour", quantity: .unknownUntilApply(attribute: "sku_name"))
            return
        }
        let nodes: Decimal = (a["high_availability_enabled"].bool ?? true) ? 2 : 1
        c.hours("Cache usage (\(sku))", count: .value(nodes))
    }

    /// Single-server MySQL and MariaDB: compute by SKU (`TIER_FAMILY_CORES`) by the hour, storage (`storage_mb`) by
    /// the tier's GB price (Memory Optimized at General Purpose's), and backup storage beyond the free amount (usage),
    /// LRS or geo-redundant. The book keys storage by tier and backup by redundancy.
    static func singleServer(_ c: inout Components) {
        let a = c.resource.attributes
        guard let sku = a["sku_name"].nonEmptyString, !Quantities.isUnknown(a["sku_name"]) else {
            c.line("Compute", unit: "hour", quantity: .unknownUntilApply(attribute: "sku_name"))
            return
        }
        c.hours("Compute (\(sku))")
        var tier = String(sku.split(separator: "_").first ?? "").lowercased()
        if tier == "mo" { tier = "gp" }
        let storage: Quantity = a["storage_mb"].isNull ? .value(5) : Quantities.number(a["storage_mb"], attribute: "storage_mb").map {
            if case .value(let mb) = $0 { return .value(AzureB.floor(mb / 1024)) }
            return $0
        } ?? .value(5)
        AzureB.keyed(&c, "Storage", unit: "GB", quantity: storage, label: "tier=\(tier)")
        let geo = a["geo_redundant_backup_enabled"].bool ?? false
        AzureB.keyed(&c, "Additional backup storage", unit: "GB", quantity: Quantities.usage(additionalBackupGB, c.context),
                     label: "backup=\(geo ? "grs" : "lrs")", usageBased: true)
    }

    /// `azurerm_mysql_server`: see `singleServer`.
    static let mysqlServer = ComponentPricer(["azurerm_mysql_server"], attributes: ["sku_name", "storage_mb", "geo_redundant_backup_enabled"],
                                             usage: [additionalBackupGB]) { c in singleServer(&c) }
    /// `azurerm_mariadb_server`: see `singleServer`.
    static let mariadbServer = ComponentPricer(["azurerm_mariadb_server"], attributes: ["sku_name", "storage_mb", "geo_redundant_backup_enabled"],
                                               usage: [additionalBackupGB]) { c in singleServer(&c) }
}

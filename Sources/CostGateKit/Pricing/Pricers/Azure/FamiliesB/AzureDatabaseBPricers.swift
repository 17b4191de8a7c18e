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

/// SQL elastic pools and managed instances.
enum AzureSQLBPricers {
    static let all: [any Pricer] = [elasticPool, managedInstance]

    static let backupStorageGB = UsageKey("backup_storage_gb", unit: "GB", "point-in-time-restore backup storage, GB")
    static let longTermRetentionGB = UsageKey("long_term_retention_storage_gb", unit: "GB", "long-term retention backup storage, GB")

    /// Storage Premium DTU pools include, GB by DTUs (Azure SQL elastic pool resource limits).
    static let premiumIncludedGB: [Decimal: Decimal] = [125: 250, 250: 500, 500: 750, 1000: 1024, 1500: 1536, 2000: 2048, 2500: 2560,
                                                        3000: 3072, 3500: 3584, 4000: 4096]

    /// `azurerm_mssql_elasticpool`: DTU pools (BasicPool, StandardPool, PremiumPool) by the hour plus storage beyond what
    /// the DTUs include (Standard: one GB per DTU); vCore pools by the hour (plus zone redundancy outside Business
    /// Critical, where it is included), the SQL licence per vCore-hour unless `license_type` is BasePrice, and
    /// `max_size_gb`. The book keys licence and storage by tier.
    static let elasticPool = ComponentPricer(["azurerm_mssql_elasticpool"], attributes: ["sku", "max_size_gb", "max_size_bytes", "license_type", "zone_redundant"],
                                             related: ["azurerm_mssql_server": ["location"]]) { c in
        let a = c.resource.attributes
        let sku = a["sku"].block
        let name = sku["name"].string ?? ""
        let capacity = sku["capacity"].decimal ?? 0
        var maxGB = a["max_size_gb"].decimal
        if let bytes = a["max_size_bytes"].decimal { maxGB = bytes / 1_073_741_824 }
        if ["basicpool", "standardpool", "premiumpool"].contains(name.lowercased()) {
            let tier = AzureB.capitalized(String(name.dropLast(4)))
            c.hours("Compute (\(tier), \(Money.plain(capacity)) DTUs)")
            var extra: Decimal = 0
            if tier == "Standard", let maxGB { extra = maxGB - capacity }
            if tier == "Premium", let maxGB, let included = premiumIncludedGB[capacity] { extra = maxGB - included }
            if extra > 0 { AzureB.keyed(&c, "Extra data storage", unit: "GB", quantity: .value(extra), label: "tier=\(tier.lowercased())") }
            return
        }
        let tier = String(name.split(separator: "_").first ?? "").lowercased()
        let zone = a["zone_redundant"].bool ?? false
        c.hours("Compute (\(name), \(Money.plain(capacity)) vCore)")
        if zone, tier != "bc" { c.hours("Zone redundancy (\(name), \(Money.plain(capacity)) vCore)") }
        if (a["license_type"].string ?? "LicenseIncluded") == "LicenseIncluded" {
            AzureB.keyed(&c, "SQL license", unit: "vCore-hours", quantity: .value(capacity * Quantities.monthlyHours(c.context)), label: "tier=\(tier)")
        }
        AzureB.keyed(&c, "Storage", unit: "GB", quantity: .value(maxGB ?? 0), label: "tier=\(tier),zone=\(zone)")
    }

    /// `azurerm_mssql_managed_instance`: vCores of its SKU by the hour, storage beyond the included 32 GB, PITR and LTR
    /// backup storage by redundancy (usage), and the SQL licence per vCore-hour with `license_type` LicenseIncluded.
    static let managedInstance = ComponentPricer(["azurerm_mssql_managed_instance"],
                                                 attributes: ["sku_name", "vcores", "storage_size_in_gb", "storage_account_type", "license_type"],
                                                 usage: [backupStorageGB, longTermRetentionGB]) { c in
        let a = c.resource.attributes
        let sku = (a["sku_name"].string ?? "GP_Gen5").uppercased()
        let cores = a["vcores"].decimal ?? 0
        let redundancy = (a["storage_account_type"].string ?? "GRS").uppercased()
        c.hours("Compute (\(sku) \(Money.plain(cores)) cores)")
        let storage = a["storage_size_in_gb"].decimal ?? 32
        c.line("Additional Storage", unit: "GB", quantity: .value(max(storage - 32, 0)))
        c.usage("PITR backup storage (\(redundancy))", unit: "GB", backupStorageGB)
        if a["license_type"].string == "LicenseIncluded" {
            c.line("SQL license", unit: "vCore-hours", quantity: .value(cores * Quantities.monthlyHours(c.context)))
        }
        c.usage("LTR backup storage (\(redundancy))", unit: "GB", longTermRetentionGB)
    }
}

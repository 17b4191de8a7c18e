import FoundationEssentials
/// Azure SQL (the legacy `azurerm_sql_*` resources) and Azure Database for PostgreSQL single servers.
enum AzureCSQL {
    static let gib = Decimal(1_073_741_824)

    /// The service objective of an `azurerm_sql_database`: `requested_service_objective_name`, else the edition's
    /// smallest size (General Purpose Gen5 2 vCores when neither is set, as Azure creates it).
    static func objective(_ a: Value) -> String {
        if let sku = a["requested_service_objective_name"].nonEmptyString { return sku }
        switch a["edition"].nonEmptyString {
        case "Basic": return "Basic"
        case "Standard": return "S0"
        case "Premium": return "P1"
        case "DataWarehouse": return "DW100c"
        case "BusinessCritical": return "BC_Gen5_2"
        case "Hyperscale": return "HS_Gen5_2"
        default: return "GP_Gen5_2"
        }
    }

    /// `azurerm_sql_database`: DTU sizes bill compute hours (plus extra storage from usage); vCore sizes bill
    /// provisioned hours or serverless vCore-hours (usage), zone redundancy (General Purpose), storage by
    /// `max_size_*` (5 GB default) and Hyperscale read replicas; all but Hyperscale bill LTR and PITR backups (usage).
    static let database = ComponentPricer(["azurerm_sql_database"],
                                          attributes: ["requested_service_objective_name", "edition", "zone_redundant", "max_size_bytes",
                                                       "max_size_gb", "read_replica_count"],
                                          usage: [.monthlyVCoreHours, AzureCKeys.extraDataStorageGB, AzureCKeys.ltrStorageGB, AzureCKeys.backupStorageGB]) { c in
        let a = c.resource.attributes
        let sku = objective(a)
        let parts = sku.split(separator: "_")
        let vcore = parts.count >= 3
        let family = vcore ? String(parts[0]).lowercased() : "dtu"
        if !vcore {
            c.hours("Compute (\(sku))")
            if c.context.usage[AzureCKeys.extraDataStorageGB] != nil {
                c.usage("Extra data storage", unit: "GB", AzureCKeys.extraDataStorageGB)
            }
        } else if parts[1] == "S" {
            c.usage("Compute (serverless, \(sku))", unit: "vCore-hours", .monthlyVCoreHours)
        } else {
            c.hours("Compute (provisioned, \(sku))")
        }
        let zoneRedundant = a["zone_redundant"].bool == true
        if vcore && zoneRedundant && family == "gp" && parts[1] != "S" {
            c.hours("Zone redundancy (provisioned, \(sku))")
        }
        if family == "hs" {
            let replicas = c.number("read_replica_count")
            c.line("Read replicas", unit: "hour", quantity: replicas.map { Quantities.scaled($0, by: Quantities.monthlyHours(c.context)) } ?? .usageNotGiven,
                   usageBased: replicas == nil)
        }
        if vcore {
            let gb: Quantity
            if let bytes = a["max_size_bytes"].decimal { gb = .value(bytes / gib) } else { gb = c.number("max_size_gb", default: 5) ?? .value(5) }
            let storage = family == "gp" && parts[1] == "S" ? "gp" : family
            AzureC.keyed(&c, "Storage", unit: "GB", quantity: gb, suffix: storage + (zoneRedundant && family == "gp" ? "-zone-redundant" : ""),
                         usageBased: false)
        }
        if family != "hs" {
            c.usage("Long-term retention (RA-GRS)", unit: "GB", AzureCKeys.ltrStorageGB)
            c.usage("PITR backup storage (RA-GRS)", unit: "GB", AzureCKeys.backupStorageGB)
        }
    }

    /// Storage a DTU elastic pool includes, in GB: Basic 0.1 GB and Standard 1 GB per eDTU; Premium by pool size.
    static func includedStorage(edition: String, dtu: Decimal) -> Decimal? {
        switch edition {
        case "Basic": return dtu / 10
        case "Standard": return dtu
        case "Premium":
            let table: [Decimal: Decimal] = [125: 250, 250: 500, 500: 750, 1000: 1024, 1500: 1536, 2000: 2048, 2500: 2560,
                                             3000: 3072, 3500: 3584, 4000: 4096]
            return table[dtu]
        default: return nil
        }
    }

    /// `azurerm_sql_elasticpool`: compute hours by edition and eDTUs, plus `pool_size` beyond the storage the
    /// pool includes (priced per edition).
    static let elasticPool = ComponentPricer(["azurerm_sql_elasticpool"], attributes: ["edition", "dtu", "pool_size"]) { c in
        let a = c.resource.attributes
        let edition = a["edition"].nonEmptyString ?? "Standard"
        guard let dtu = a["dtu"].decimal else {
            return c.line("Compute (\(edition))", unit: "hour", quantity: .unknownUntilApply(attribute: "dtu"))
        }
        c.hours("Compute (\(edition), \(Money.plain(dtu)) DTUs)")
        guard edition != "Basic", let mb = a["pool_size"].decimal, let included = includedStorage(edition: edition, dtu: dtu) else { return }
        let extra = mb / 1024 - included
        if extra > 0 {
            AzureC.keyed(&c, "Extra data storage", unit: "GB", quantity: .value(extra), suffix: edition.lowercased(), usageBased: false)
        }
    }

    /// `azurerm_postgresql_server`: compute hours by SKU, storage (`storage_mb`, priced by tier) and backup
    /// storage beyond it (usage `additional_backup_storage_gb`, locally or geo-redundant).
    static let postgres = ComponentPricer(["azurerm_postgresql_server"], attributes: ["sku_name", "storage_mb", "geo_redundant_backup_enabled"],
                                          usage: [AzureCKeys.additionalBackupStorageGB]) { c in
        let a = c.resource.attributes
        guard let sku = a["sku_name"].nonEmptyString else {
            return c.line("Compute", unit: "hour", quantity: .unknownUntilApply(attribute: "sku_name"))
        }
        c.hours("Compute (\(sku))")
        let tier = sku.split(separator: "_").first.map { String($0).lowercased() } ?? sku.lowercased()
        let gb = c.number("storage_mb").map { Quantities.scaled($0, by: Decimal(1) / 1024) } ?? .value(5)
        AzureC.keyed(&c, "Storage", unit: "GB", quantity: gb, suffix: tier, usageBased: false)
        let geo = a["geo_redundant_backup_enabled"].bool == true
        AzureC.keyed(&c, "Additional backup storage", unit: "GB", quantity: Quantities.usage(AzureCKeys.additionalBackupStorageGB, c.context),
                     suffix: geo ? "geo-redundant" : "locally-redundant")
    }

    static let all: [any Pricer] = [database, elasticPool, postgres]
}

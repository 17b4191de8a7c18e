import FoundationEssentials
/// `azurerm_mssql_database`: DTU tiers by the hour (plus storage above the tier's included size); vCore tiers by SKU
/// hours, the SQL licence per vCore-hour (none with `license_type = BasePrice`) and storage; serverless by vCore-hours (usage).
/// The region is the server's (`server_id`).
struct AzureSQLDatabasePricer: Pricer {
    let resourceTypes = ["azurerm_mssql_database"]
    let attributes: Set<String> = ["sku_name", "max_size_gb", "license_type", "zone_redundant", "storage_account_type", "server_id",
                                   "elastic_pool_id"]
    let usageKeys: [UsageKey] = [.monthlyVCoreHours, .storageGB, .monthlyPITRBackupStorageGB, .monthlyHrs]

    static let tiers = ["GP": "general-purpose", "BC": "business-critical", "HS": "hyperscale"]
    /// Storage included in DTU tiers, GB (Azure SQL Database DTU resource limits).
    static func includedDTUStorage(_ sku: String) -> Decimal? {
        if sku == "Basic" { return 2 }
        if sku.hasPrefix("S") { return 250 }
        if ["P1", "P2", "P4", "P6"].contains(sku) { return 500 }
        if ["P11", "P15"].contains(sku) { return 4096 }
        return nil
    }

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let server = context.referenced("azurerm_mssql_server", from: r, attribute: "server_id")
        let region = Azure.region(r, &out, fallback: server?.region)
        let a = r.attributes
        let hours = Quantities.monthlyHours(context)
        let sku = a["sku_name"].nonEmptyString ?? (a["elastic_pool_id"].nonEmptyString != nil ? "ElasticPool" : "GP_S_Gen5_2")
        if a["sku_name"].isNull && sku != "ElasticPool" { out.assume("sku_name not set: GP_S_Gen5_2, the Azure default") }
        if sku == "ElasticPool" || a["elastic_pool_id"].nonEmptyString != nil {
            out.assume("in an elastic pool: compute and storage are billed by the pool")
            return out
        }
        let maxSize = a["max_size_gb"].decimal
        let parts = sku.split(separator: "_").map(String.init)
        if parts.count >= 3, let tier = Self.tiers[parts[0]] {
            let serverless = parts[1] == "S"
            let vcores = Decimal(string: parts.last!) ?? 0
            let zoneRedundant = a["zone_redundant"].bool == true
            if serverless {
                out.add(UsageLine("Compute (serverless, \(sku))", unit: "vCore-hour", quantity: Quantities.usage(.monthlyVCoreHours, context),
                                  priceKey: "azure/mssql/\(region)/serverless/\(parts[2].lowercased())", usageBased: true))
            } else {
                out.add(UsageLine("Compute (provisioned, \(sku))", unit: "hour", quantity: .value(hours),
                                  priceKey: "azure/mssql/\(region)/vcore/\(sku.lowercased())"))
                if (a["license_type"].nonEmptyString ?? "LicenseIncluded") != "BasePrice" {
                    out.add(UsageLine("SQL license (\(Money.plain(vcores)) vCores)", unit: "vCore-hour", quantity: .value(vcores * hours),
                                      priceKey: "azure/mssql/\(region)/license/\(tier)"))
                } else {
                    out.assume("license_type BasePrice: the SQL Server licence is brought (Azure Hybrid Benefit)")
                }
                if zoneRedundant { out.assume("zone redundancy: its extra compute charge is not in the price book") }
            }
            if tier != "hyperscale" {
                let gb = maxSize ?? 32
                if maxSize == nil { out.assume("max_size_gb not set: 32 GB assumed") }
                out.add(UsageLine("Storage", unit: "GB-month", quantity: .value(gb),
                                  priceKey: "azure/mssql/\(region)/storage/\(tier)\(zoneRedundant ? "-zone-redundant" : "")"))
            } else {
                out.add(UsageLine("Storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                                  priceKey: "azure/mssql/\(region)/storage/hyperscale", usageBased: true))
            }
        } else {
            out.add(UsageLine("Compute (\(sku))", unit: "hour", quantity: .value(hours), priceKey: "azure/mssql/\(region)/dtu/\(sku.lowercased())"))
            if let gb = maxSize, let included = Self.includedDTUStorage(sku), gb > included {
                out.add(UsageLine("Extra data storage", unit: "GB-month", quantity: .value(gb - included),
                                  priceKey: "azure/mssql/\(region)/dtu-extra-storage/\(sku.hasPrefix("P") ? "premium" : "standard")"))
            }
        }
        let redundancy = ["Local": "lrs", "Zone": "zrs", "Geo": "ra-grs", "GeoZone": "ra-gzrs"][a["storage_account_type"].nonEmptyString ?? "Geo"] ?? "ra-grs"
        out.add(UsageLine("PITR backup storage (\(redundancy.uppercased()))", unit: "GB-month", quantity: Quantities.usage(.monthlyPITRBackupStorageGB, context),
                          priceKey: "azure/mssql/\(region)/pitr/\(redundancy)", usageBased: true))
        return out
    }
}

/// `azurerm_postgresql_flexible_server`, `azurerm_mysql_flexible_server`: compute by SKU (doubled by a high-availability
/// standby), provisioned storage, MySQL's IOPS beyond the included ones, and backup storage beyond the free 100% (usage).
struct AzureFlexibleServerPricer: Pricer {
    let resourceTypes = ["azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"]
    let attributes: Set<String> = ["sku_name", "storage_mb", "storage", "high_availability"]
    let usageKeys: [UsageKey] = [.additionalBackupStorageGB, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        let service = r.type == "azurerm_postgresql_flexible_server" ? "postgresql-flexible" : "mysql-flexible"
        let sku = a["sku_name"]
        let standby = !a["high_availability"].block.isNull && a["high_availability"].block["mode"].nonEmptyString != nil
        let count: Decimal = standby ? 2 : 1
        if standby { out.assume("high availability: a standby server of the same size is billed") }
        if let name = sku.nonEmptyString, !Quantities.isUnknown(sku) {
            out.add(UsageLine("Compute (\(name)\(standby ? ", with standby" : ""))", unit: "hour",
                              quantity: .value(count * Quantities.monthlyHours(context)),
                              priceKey: "azure/\(service)/\(region)/compute/\(name.lowercased())"))
        } else {
            out.add(UsageLine("Compute", unit: "hour", quantity: .unknownUntilApply(attribute: "sku_name"), priceKey: "azure/\(service)/\(region)/compute/?"))
        }
        let gb: Decimal
        if r.type == "azurerm_postgresql_flexible_server" {
            gb = (a["storage_mb"].decimal ?? 32768) / 1024
            if a["storage_mb"].decimal == nil { out.assume("storage_mb not set: 32 GiB, the Azure default") }
        } else {
            gb = a["storage"].block["size_gb"].decimal ?? 20
            if a["storage"].block["size_gb"].decimal == nil { out.assume("storage size not set: 20 GB, the Azure default") }
        }
        out.add(UsageLine("Storage", unit: "GB-month", quantity: .value(gb * count), priceKey: "azure/\(service)/\(region)/storage"))
        // MySQL includes 300 IOPS plus 3 per GB of storage; provisioned IOPS beyond that are billed
        if r.type == "azurerm_mysql_flexible_server", let iops = a["storage"].block["iops"].decimal {
            let extra = iops - (300 + 3 * gb)
            if extra > 0 {
                out.add(UsageLine("Additional IOPS", unit: "IOPS-month", quantity: .value(extra * count), priceKey: "azure/\(service)/\(region)/iops"))
            }
        }
        out.add(UsageLine("Additional backup storage", unit: "GB-month", quantity: Quantities.usage(.additionalBackupStorageGB, context),
                          priceKey: "azure/\(service)/\(region)/backup", usageBased: true))
        return out
    }
}

enum AzureStorageKeys {
    static let writeOps = UsageKey("monthly_write_operations", unit: "operations", "write operations a month")
    static let listOps = UsageKey("monthly_list_and_create_container_operations", unit: "operations",
                                  "list and create-container operations a month")
    static let readOps = UsageKey("monthly_read_operations", unit: "operations", "read operations a month")
    static let otherOps = UsageKey("monthly_other_operations", unit: "operations", "all other operations a month")
    static let iterativeReadOps = UsageKey("monthly_iterative_read_operations", unit: "operations", "iterative read operations a month (NFSv3)")
    static let iterativeWriteOps = UsageKey("monthly_iterative_write_operations", unit: "operations", "iterative write operations a month (NFSv3)")
    static let dataWriteGB = UsageKey("monthly_data_write_gb", unit: "GB", "GB written a month")
    static let blobIndexTags = UsageKey("blob_index_tags", unit: "tags", "blob index tags")
    static let dataAtRestGB = UsageKey("data_at_rest_storage_gb", unit: "GB", "file data stored")
    static let snapshotsGB = UsageKey("snapshots_storage_gb", unit: "GB", "file share snapshots stored")
    static let metadataGB = UsageKey("metadata_at_rest_storage_gb", unit: "GB", "file metadata stored")
    static let earlyDeletionGB = UsageKey("early_deletion_gb", unit: "GB", "GB deleted before the cool tier's minimum days")
}

/// `azurerm_storage_account`: capacity (Hot tiers by the first 50 TB, next 450 TB and the rest), file data, snapshots and
/// metadata, operations by kind, data retrieval and write, blob index tags and early deletion, all from the usage file;
/// which lines apply depends on the account kind, tier, access tier and NFSv3.
struct AzureStorageAccountPricer: Pricer {
    let resourceTypes = ["azurerm_storage_account"]
    let attributes: Set<String> = ["account_kind", "account_tier", "account_replication_type", "access_tier", "nfsv3_enabled"]
    let usageKeys: [UsageKey] = [.storageGB, .monthlyDataRetrievalGB, AzureStorageKeys.writeOps, AzureStorageKeys.listOps,
                                 AzureStorageKeys.readOps, AzureStorageKeys.otherOps, AzureStorageKeys.iterativeReadOps,
                                 AzureStorageKeys.iterativeWriteOps, AzureStorageKeys.dataWriteGB, AzureStorageKeys.blobIndexTags,
                                 AzureStorageKeys.dataAtRestGB, AzureStorageKeys.snapshotsGB, AzureStorageKeys.metadataGB,
                                 AzureStorageKeys.earlyDeletionGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        let kindName = a["account_kind"].nonEmptyString ?? "StorageV2"
        let kind = kindName.lowercased()
        let tier = (a["account_tier"].nonEmptyString ?? "Standard").lowercased()
        let replication = (a["account_replication_type"].nonEmptyString ?? "LRS").lowercased().replacing("ragzrs", with: "ra-gzrs")
            .replacing("ragrs", with: "ra-grs")
        let premium = tier == "premium"
        // Premium accounts have no access tiers, nor have general-purpose v1 accounts
        let access = premium ? "premium" : (kind == "storage" ? "standard" : (a["access_tier"].nonEmptyString ?? "Hot").lowercased())
        let nfs = a["nfsv3_enabled"].bool == true
        let (file, v1, v2, blob, blockBlob) = (kind == "filestorage", kind == "storage", kind == "storagev2", kind == "blobstorage",
                                               kind == "blockblobstorage")
        let (hot, cool) = (access == "hot", access == "cool")
        let base = "azure/storage/\(region)/\(kind)/\(tier)-\(replication)-\(access)\(nfs ? "-nfsv3" : "")"
        // lines other than capacity only for the usage the file gives: their prices are known for few accounts
        func line(_ name: String, unit: String, _ key: UsageKey, per: Decimal = 1) {
            guard context.usage[key] != nil else { return }
            out.add(UsageLine(name, unit: unit, quantity: Quantities.usage(key, context, times: 1 / per),
                              priceKey: "\(base)/\(PriceKeys.slug(name))/\(PriceKeys.slug(unit))", usageBased: true))
        }
        // capacity (or its first tier) at the account type's capacity price
        let rawAccess = (a["access_tier"].nonEmptyString ?? "Hot").lowercased()
        let capacityKey = "azure/storage/\(region)/\(kind)/\(tier)-\(replication)-\(kind == "storage" ? "hot" : rawAccess)/capacity"
        if !file {
            if hot, let gb = context.usage[.storageGB] {
                // Hot capacity is billed by tier: the first 50 TB, the next 450 TB, the rest
                var left = gb
                for (name, size) in [("Capacity (first 50TB)", Decimal(51200)), ("Capacity (next 450TB)", Decimal(460800)),
                                     ("Capacity (over 500TB)", Decimal(-1))] where left > 0 {
                    let q = size < 0 ? left : Swift.min(left, size)
                    left -= q
                    let key = name.hasSuffix("(first 50TB)") ? capacityKey : "\(base)/\(PriceKeys.slug(name))/gb"
                    out.add(UsageLine(name, unit: name.hasSuffix("(first 50TB)") ? "GB-month" : "GB", quantity: .value(q), priceKey: key,
                                      usageBased: true))
                }
            } else {
                out.add(UsageLine("Capacity", unit: "GB-month", quantity: Quantities.usage(.storageGB, context), priceKey: capacityKey,
                                  usageBased: true))
            }
        } else {
            // a file account's data at rest is its capacity line: shown with or without usage
            out.add(UsageLine("Data at rest", unit: "GB", quantity: Quantities.usage(AzureStorageKeys.dataAtRestGB, context),
                              priceKey: "\(base)/data-at-rest/gb", usageBased: true))
            line("Snapshots", unit: "GB", AzureStorageKeys.snapshotsGB)
            if !premium { line("Metadata at rest", unit: "GB", AzureStorageKeys.metadataGB) }
        }
        if v2 && nfs && !premium { line("Iterative write operations", unit: "100 operations", AzureStorageKeys.iterativeWriteOps, per: 100) }
        if !(file && premium) {
            line("Write operations", unit: "10k operations", AzureStorageKeys.writeOps, per: 10000)
            // Standard NFSv3 (hierarchical namespace) accounts have no list-and-create-container meter
            if !(v2 && nfs && !premium) {
                line(file ? "List operations" : "List and create container operations", unit: "10k operations", AzureStorageKeys.listOps, per: 10000)
            }
        }
        if v2 && nfs && !premium { line("Iterative read operations", unit: "10k operations", AzureStorageKeys.iterativeReadOps, per: 10000) }
        if !(file && premium) {
            line("Read operations", unit: "10k operations", AzureStorageKeys.readOps, per: 10000)
            line("All other operations", unit: "10k operations", AzureStorageKeys.otherOps, per: 10000)
        }
        if cool { line("Data retrieval", unit: "GB", .monthlyDataRetrievalGB) }
        if blockBlob && cool { line("Data write", unit: "GB", AzureStorageKeys.dataWriteGB) }
        if !(file || v1 || ((blockBlob || blob) && premium) || (v2 && (nfs || premium))) {
            line("Blob index", unit: "10k tags", AzureStorageKeys.blobIndexTags, per: 10000)
        }
        if cool && !(v1 || blockBlob || blob) { line("Early deletion", unit: "GB", AzureStorageKeys.earlyDeletionGB) }
        out.assume("geo-replication data transfer is not priced")
        return out
    }
}

/// `azurerm_service_plan`, `azurerm_app_service_plan`: workers × hours by SKU and OS. Free and consumption plans cost nothing here.
struct AzureServicePlanPricer: Pricer {
    let resourceTypes = ["azurerm_service_plan", "azurerm_app_service_plan"]
    let attributes: Set<String> = ["sku_name", "os_type", "worker_count", "sku", "kind", "reserved"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        let sku: String, os: String, workers: Quantity
        if r.type == "azurerm_service_plan" {
            sku = a["sku_name"].nonEmptyString ?? "?"
            os = ["Linux": "linux", "Windows": "windows", "WindowsContainer": "windows-container"][a["os_type"].nonEmptyString ?? "Windows"] ?? "windows"
            workers = Quantities.number(a["worker_count"], attribute: "worker_count") ?? .value(1)
        } else {
            let block = a["sku"].block
            sku = block["size"].nonEmptyString ?? "?"
            let kind = (a["kind"].nonEmptyString ?? "Windows").lowercased()
            os = kind == "linux" || a["reserved"].bool == true ? "linux" : (kind == "xenon" ? "windows-container" : "windows")
            workers = Quantities.number(block["capacity"], attribute: "sku.capacity") ?? .value(1)
        }
        let upper = sku.uppercased()
        if upper == "F1" || upper == "FREE" {
            out.assume("Free plan: no charge")
            return out
        }
        if upper == "Y1" || upper.hasPrefix("FC") {
            out.assume("Consumption plan: billed per execution by the function apps on it, not priced here")
            return out
        }
        out.add(UsageLine("Instance usage (\(sku), \(os))", unit: "hour", quantity: Quantities.scaled(workers, by: Quantities.monthlyHours(context)),
                          priceKey: "azure/app-service/\(region)/\(sku.lowercased())/\(os)"))
        return out
    }
}

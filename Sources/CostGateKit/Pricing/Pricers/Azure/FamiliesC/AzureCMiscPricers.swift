import FoundationEssentials
/// Power BI Embedded, snapshots, static web apps, Cognitive Search and SQL managed instances.
enum AzureCMisc {
    /// `azurerm_powerbi_embedded`: node hours by SKU (A1–A8).
    static let powerBI = ComponentPricer(["azurerm_powerbi_embedded"], attributes: ["sku_name"]) { c in
        c.hours("Node usage (\(c.resource.attributes["sku_name"].nonEmptyString ?? "A1"))")
    }

    /// `azurerm_snapshot`: GB stored (`disk_size_gb`, else the size of the managed disk it copies).
    static let snapshot = ComponentPricer(["azurerm_snapshot"], attributes: ["disk_size_gb", "source_uri"],
                                          related: ["azurerm_managed_disk": ["disk_size_gb"]]) { c in
        var gb = c.number("disk_size_gb")
        if gb == nil, let disk = c.context.referenced("azurerm_managed_disk", from: c.resource, attribute: "source_uri") {
            gb = disk.attributes["disk_size_gb"].decimal.map { .value($0) }
        }
        c.line("Storage", unit: "GB", quantity: gb ?? .unknownUntilApply(attribute: "disk_size_gb"))
    }

    /// `azurerm_static_site`, `azurerm_static_web_app`: the Standard plan's monthly fee plus bandwidth past the
    /// 100 GB included (usage `monthly_bandwidth_gb`); the Free plan costs nothing.
    static let staticWebApp = ComponentPricer(["azurerm_static_site", "azurerm_static_web_app"], attributes: ["sku_tier", "sku_size"],
                                              usage: [AzureCKeys.bandwidthGB]) { c in
        let a = c.resource.attributes
        let tier = a["sku_tier"].nonEmptyString ?? a["sku_size"].nonEmptyString ?? "Free"
        guard tier == "Standard" else { return c.assume("\(tier) plan: no charge") }
        c.monthly("Static Web App (Standard)")
        let over: Quantity = c.context.usage[AzureCKeys.bandwidthGB].map { .value(max(0, $0 - 100)) } ?? .usageNotGiven
        c.line("Bandwidth (over 100GB)", unit: "GB", quantity: over, usageBased: true)
    }

    static let searchSKUs: [String: String] = ["basic": "Basic", "standard": "Standard S1", "standard2": "Standard S2", "standard3": "Standard S3",
                                               "storage_optimized_l1": "Storage Optimized L1", "storage_optimized_l2": "Storage Optimized L2"]

    /// `azurerm_search_service`: search unit hours (replicas × partitions) by SKU, plus image extraction
    /// (usage `monthly_images_extracted`, tiered at 1M and 5M); the free SKU costs nothing.
    static let search = ComponentPricer(["azurerm_search_service"], attributes: ["sku", "replica_count", "partition_count"],
                                        usage: [AzureCKeys.imagesExtracted, .monthlyHrs]) { c in
        let a = c.resource.attributes
        let sku = a["sku"].nonEmptyString ?? "free"
        guard sku != "free" else { return c.assume("free SKU: no charge") }
        let name = searchSKUs[sku] ?? sku
        let units = (a["replica_count"].decimal ?? 1) * (a["partition_count"].decimal ?? 1)
        c.hours("Search usage (\(name), \(Money.plain(units)) unit\(units == 1 ? "" : "s"))")
        AzureC.tiered(&c, AzureCKeys.imagesExtracted, unit: "1000 images", per: 1000,
                      [("Image extraction (first 1M)", 1000), ("Image extraction (next 4M)", 4000), ("Image extraction (over 5M)", nil)])
    }

    /// `azurerm_sql_managed_instance`: compute hours by SKU and vCores, storage past the 32 GB included, the SQL
    /// licence's vCore-hours (`LicenseIncluded`), and PITR and LTR backup storage (usage) by storage redundancy.
    static let managedInstance = ComponentPricer(["azurerm_sql_managed_instance"],
                                                 attributes: ["sku_name", "vcores", "storage_size_in_gb", "license_type", "storage_account_type"],
                                                 usage: [AzureCKeys.backupStorageGB, AzureCKeys.ltrStorageGB, .monthlyHrs]) { c in
        let a = c.resource.attributes
        let sku = (a["sku_name"].nonEmptyString ?? "GP_Gen5").uppercased()
        guard let vcores = a["vcores"].decimal else {
            return c.line("Compute (\(sku))", unit: "hour", quantity: .unknownUntilApply(attribute: "vcores"))
        }
        c.hours("Compute (\(sku) \(Money.plain(vcores)) Cores)")
        let storage = a["storage_size_in_gb"].decimal ?? 32
        c.line("Storage", unit: "GB", quantity: .value(max(0, storage - 32)))
        if a["license_type"].string == "LicenseIncluded" {
            c.line("SQL license", unit: "vCore-hours", quantity: .value(vcores * Quantities.monthlyHours(c.context)))
        }
        let redundancy = (a["storage_account_type"].nonEmptyString ?? "GRS").uppercased()
        c.usage("PITR backup storage (\(redundancy))", unit: "GB", AzureCKeys.backupStorageGB)
        c.usage("LTR backup storage (\(redundancy))", unit: "GB", AzureCKeys.ltrStorageGB)
    }

    static let all: [any Pricer] = [powerBI, snapshot, staticWebApp, search, managedInstance]
}

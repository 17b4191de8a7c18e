import FoundationEssentials
/// `azurerm_container_registry`: registry days by SKU, geo-replicated copies (days each), storage over the SKU's
/// included GB and build vCPU seconds (usage).
enum AzureAContainerRegistryPricers {
    /// GB of storage each SKU includes (Azure Container Registry tiers).
    static let includedGB: [String: Decimal] = ["Classic": 10, "Basic": 10, "Standard": 100, "Premium": 500]

    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_container_registry"], attributes: ["sku", "georeplications", "georeplication_locations"],
                        usage: [AzureAKeys.storageGB, AzureAKeys.buildVCPUHrs]) { c in
            let a = c.resource.attributes
            let sku = a["sku"].nonEmptyString ?? "Classic"
            let locations = max(a["georeplications"].array.count, a["georeplication_locations"].array.count)
            if locations > 0 {
                c.monthly("Geo replication (\(locations) location\(locations == 1 ? "" : "s"))", count: .value(Decimal(30 * locations)), unit: "days")
            }
            c.monthly("Registry usage (\(sku))", count: .value(30), unit: "days")
            let included = includedGB[sku] ?? 0
            let storage = "Storage (over \(included)GB)"
            if let gb = c.context.usage[AzureAKeys.storageGB] {
                if gb > included { c.line(storage, unit: "GB", quantity: .value(gb - included), usageBased: true) }
            } else {
                c.line(storage, unit: "GB", quantity: .usageNotGiven, usageBased: true)
            }
            c.usage("Build vCPU", unit: "seconds", AzureAKeys.buildVCPUHrs, times: 3600)
        },
    ]
}

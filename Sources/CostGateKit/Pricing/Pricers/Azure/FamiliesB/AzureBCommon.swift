import FoundationEssentials
/// Usage keys (Infracost's names) and small helpers of the `azure-b` pricer families.
enum AzureBKeys {
    static let monthlyOperations = UsageKey("monthly_operations", unit: "operations", "operations a month")
    static let monthlyIngressEvents = UsageKey("monthly_ingress_events", unit: "events", "ingress events a month")
    static let retentionStorageGB = UsageKey("retention_storage_gb", unit: "GB", "data stored for extended retention, GB")
    static let throughputOrCapacityUnits = UsageKey("throughput_or_capacity_units", unit: "units",
                                                    "throughput units (Basic, Standard) or capacity units (Dedicated) the namespace runs")
    static let captureEnabled = UsageKey("capture_enabled", unit: "true|false", "whether Event Hubs Capture is on", text: true)
    static let monthlyPushes = UsageKey("monthly_pushes", unit: "pushes", "notification pushes a month")
    static let monthlyActiveP1Users = UsageKey("monthly_active_p1_users", unit: "users", "monthly active users of Entra ID P1")
    static let monthlyActiveP2Users = UsageKey("monthly_active_p2_users", unit: "users", "monthly active users of Entra ID P2")
    static let monthlyInboundGB = UsageKey("monthly_inbound_data_transfer_gb", unit: "GB", "inbound data transfer a month")
    static let outboundNAEuropeAfrica = UsageKey("monthly_outbound_data_transfer_gb.north_america_europe_africa", unit: "GB",
                                                 "outbound data transfer a month from North America, Europe and Africa")
    static let outboundAsiaPacific = UsageKey("monthly_outbound_data_transfer_gb.asia_pacific", unit: "GB", "outbound data transfer a month from Asia Pacific")
    static let outboundSouthAmerica = UsageKey("monthly_outbound_data_transfer_gb.south_america", unit: "GB", "outbound data transfer a month from South America")
    static let outboundAustralia = UsageKey("monthly_outbound_data_transfer_gb.australia", unit: "GB", "outbound data transfer a month from Australia")
    static let outboundIndia = UsageKey("monthly_outbound_data_transfer_gb.india", unit: "GB", "outbound data transfer a month from India")
    static let storageGB = UsageKey("storage_gb", unit: "GB", "storage, GB")
    static let monthlyExecutions = UsageKey("monthly_executions", unit: "executions", "function executions a month")
    static let executionDurationMs = UsageKey("execution_duration_ms", unit: "ms", "average execution duration, ms")
    static let memoryMB = UsageKey("memory_mb", unit: "MB", "average memory an execution uses, MB")
}

enum AzureB {
    /// `total` split into consecutive tiers of the given sizes (the last tier takes the rest):
    /// 130 over sizes [10, 90] → [10, 90, 30].
    static func buckets(_ total: Decimal, _ sizes: [Decimal]) -> [Decimal] {
        var rest = max(total, 0)
        var out: [Decimal] = []
        for size in sizes {
            let part = min(rest, size)
            out.append(part)
            rest -= part
        }
        out.append(rest)
        return out
    }

    /// Tiered usage lines: each tier with a quantity above zero; without the usage value, the first billed tier
    /// as "depends on usage". `free` is the quantity the tiers start after (free or included).
    static func tieredUsage(_ c: inout Components, names: [String], sizes: [Decimal], unit: String, value: Decimal?,
                            free: Decimal = 0, per: Decimal = 1, keyPrefix: String = "") {
        guard let value else {
            c.line(names[0], unit: unit, quantity: .usageNotGiven, keyName: keyPrefix + names[0], usageBased: true)
            return
        }
        let parts = buckets(value - free, sizes)
        for (i, part) in parts.enumerated() where i < names.count && part > 0 {
            c.line(names[i], unit: unit, quantity: .value(part / per), keyName: keyPrefix + names[i], usageBased: true)
        }
    }

    /// The whole part of a non-negative number (`8.6` → `8`).
    static func floor(_ v: Decimal) -> Decimal {
        let text = Money.plain(v)
        guard let dot = text.firstIndex(of: ".") else { return v }
        return Decimal(string: String(text[..<dot])) ?? v
    }

    /// The smallest whole number not below a non-negative number (`2.1` → `3`).
    static func ceil(_ v: Decimal) -> Decimal {
        let f = floor(v)
        return f == v ? f : f + 1
    }

    /// A line whose price the book keys by a label beside the component (`…/COMPONENT/UNIT/sku=premium`, made by the
    /// rule module `pricebooks/tools/rules/azure_b.py`), for components whose price differs by it.
    static func keyed(_ c: inout Components, _ name: String, unit: String, quantity: Quantity, label: String, keyName: String? = nil,
                      usageBased: Bool = false) {
        c.append(PricedUsage(lines: [UsageLine(name, unit: unit, quantity: quantity, priceKey: c.key(keyName ?? name, unit: unit) + "/" + label,
                                               usageBased: usageBased)]))
    }

    /// The usage value of a key, if the usage file gives it.
    static func given(_ key: UsageKey, _ c: Components) -> Decimal? { c.context.usage[key] }

    /// A SKU-like word in the case Infracost's component names use (`standard` → `Standard`).
    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst().lowercased() }
}

/// A component pricer for a resource without a `location` of its own: it is where the resource it names in
/// `reference` (a `parentType`) is.
struct RegionFromParentPricer: Pricer {
    let resourceTypes: [String]
    let attributes: Set<String>
    let usageKeys: [UsageKey]
    let relatedAttributes: [String: Set<String>]
    let parentType: String
    let reference: String
    let body: @Sendable (inout Components) -> Void

    init(type: String, parentType: String, reference: String, attributes: Set<String> = [], parentAttributes: Set<String> = [],
         usage: [UsageKey] = [], _ body: @escaping @Sendable (inout Components) -> Void) {
        self.resourceTypes = [type]
        self.attributes = attributes.union([reference, "location", "resource_group_name"])
        self.usageKeys = usage
        self.relatedAttributes = [parentType: parentAttributes.union(["location"]), "azurerm_resource_group": ["name", "location"]]
        self.parentType = parentType
        self.reference = reference
        self.body = body
    }

    func usage(of resource: Resource, context: PricingContext) -> PricedUsage {
        let parent = resource.region == nil ? context.referenced(parentType, from: resource, attribute: reference)?.region : nil
        var c = Components(resource, context, region: parent)
        body(&c)
        return c.out
    }
}

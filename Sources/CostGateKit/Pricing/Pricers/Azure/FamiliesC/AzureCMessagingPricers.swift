import FoundationEssentials
/// Service Bus namespaces, Azure Cache for Redis and SignalR.
enum AzureCMessaging {
    /// `azurerm_servicebus_namespace`: Basic bills messaging operations (usage); Standard a base charge by the
    /// hour plus operations past the first 13M and brokered connections past the first 1K, tiered (usage);
    /// Premium its messaging units (`capacity`) a month.
    static let serviceBus = ComponentPricer(["azurerm_servicebus_namespace"], attributes: ["sku", "capacity"],
                                            usage: [AzureCKeys.messagingOperations, AzureCKeys.brokeredConnections, .monthlyHrs]) { c in
        switch c.resource.attributes["sku"].nonEmptyString ?? "Basic" {
        case "Premium":
            c.monthly("Messaging units", count: c.number("capacity", default: 1) ?? .value(1), unit: "units")
        case "Standard":
            c.hours("Base charge")
            AzureC.tiered(&c, AzureCKeys.messagingOperations, unit: "1M operations", per: 1_000_000, free: 13,
                          [("Messaging operations (13M-100M)", 87), ("Messaging operations (100M-2,500M)", 2400),
                           ("Messaging operations (over 2,500M)", nil)])
            AzureC.tiered(&c, AzureCKeys.brokeredConnections, unit: "connections", free: 1000,
                          [("Brokered connections (1K-100K)", 99_000), ("Brokered connections (100K-500K)", 400_000),
                           ("Brokered connections (over 500K)", nil)])
        default:
            c.usage("Messaging operations", unit: "1M operations", AzureCKeys.messagingOperations, times: Decimal(string: "0.000001")!)
        }
    }

    /// `azurerm_redis_cache`: cache nodes a month by SKU: Basic one, Standard two, Premium (1 + replicas) per shard.
    static let redis = ComponentPricer(["azurerm_redis_cache"], attributes: ["sku_name", "family", "capacity", "shard_count",
                                                                              "replicas_per_master", "replicas_per_primary"]) { c in
        let a = c.resource.attributes
        let sku = a["sku_name"].nonEmptyString ?? "Standard"
        guard let family = a["family"].nonEmptyString, let capacity = a["capacity"].decimal else {
            return c.line("Cache usage (\(sku))", unit: "nodes", quantity: .unknownUntilApply(attribute: "capacity"))
        }
        let nodes: Decimal
        switch sku {
        case "Basic": nodes = 1
        case "Premium":
            let replicas = a["replicas_per_primary"].decimal ?? a["replicas_per_master"].decimal ?? 1
            nodes = max(1, a["shard_count"].decimal ?? 1) * (1 + replicas)
        default: nodes = 2
        }
        c.monthly("Cache usage (\(sku)_\(family)\(Money.plain(capacity)))", count: .value(nodes), unit: "nodes")
    }

    /// `azurerm_signalr_service`: Standard and Premium units (`sku.capacity`) a month plus additional messages
    /// (usage); the Free tier costs nothing.
    static let signalR = ComponentPricer(["azurerm_signalr_service"], attributes: ["sku"], usage: [AzureCKeys.additionalMessages]) { c in
        let sku = c.resource.attributes["sku"].block
        let name = sku["name"].nonEmptyString ?? "Free_F1"
        let tier = String(name.split(separator: "_").first ?? "Free")
        guard tier != "Free" else { return c.assume("Free tier: no charge") }
        c.monthly("Service usage (\(tier))", count: sku["capacity"].decimal.map { .value($0) } ?? .value(1), unit: "units")
        c.usage("Additional messages (\(tier))", unit: "1M messages", AzureCKeys.additionalMessages, times: Decimal(string: "0.000001")!)
    }

    static let all: [any Pricer] = [serviceBus, redis, signalR]
}

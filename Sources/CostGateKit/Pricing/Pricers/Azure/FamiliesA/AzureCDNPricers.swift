import FoundationEssentials
/// `azurerm_cdn_endpoint`: outbound data transfer in the tiers of its profile's SKU (usage); Standard_Microsoft
/// rules over five and rules-engine requests (usage); dynamic site acceleration transfer on Standard Akamai/Verizon.
enum AzureACDNPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_cdn_endpoint"], attributes: ["profile_name", "optimization_type", "global_delivery_rule", "delivery_rule"],
                        usage: [AzureAKeys.outboundGB, AzureAKeys.rulesRequests], related: ["azurerm_cdn_profile": ["sku", "name"]]) { c in
            let a = c.resource.attributes
            let profile = c.context.referenced("azurerm_cdn_profile", from: c.resource, attribute: "profile_name")
                ?? a["profile_name"].nonEmptyString.flatMap { c.context.find("azurerm_cdn_profile", where: "name", equals: $0) }
            guard let sku = profile?.attributes["sku"].nonEmptyString else {
                c.line("Outbound data transfer", unit: "GB", quantity: .unknownUntilApply(attribute: "profile_name"))
                c.assume("CDN profile not found in the configuration: its SKU decides the prices")
                return
            }
            let parts = sku.split(separator: "_").map(String.init)
            guard parts.count == 2, sku.lowercased() != "standard_chinacdn" else {
                c.line("Outbound data transfer (\(sku))", unit: "GB", quantity: .notDeclared(reason: "CDN SKU \(sku) has no known meters"))
                return
            }
            let provider = parts[1].lowercased() == "verizon" ? "\(parts[0]) \(parts[1])" : parts[1]
            let names = ["first 10TB", "next 40TB", "next 100TB", "next 350TB", "next 500TB", "next 4000TB", "over 5000TB"]
                .map { "Outbound data transfer (\(provider), \($0))" }
            AzureA.tiered(&c, names, unit: "GB", AzureAKeys.outboundGB, widths: [10_000, 40_000, 100_000, 350_000, 500_000, 4_000_000])
            let lower = sku.lowercased()
            if lower == "standard_microsoft" {
                let rules = a["global_delivery_rule"].array.count + a["delivery_rule"].array.count
                if rules > 5 { c.monthly("Rules engine rules (over 5)", count: .value(Decimal(rules - 5)), unit: "rules") }
                if rules > 0 {
                    c.usage("Rules engine requests", unit: "1M requests", AzureAKeys.rulesRequests, times: Decimal(1) / 1_000_000)
                }
            }
            if lower == "standard_akamai" || lower == "standard_verizon",
               a["optimization_type"].string?.lowercased() == "dynamicsiteacceleration" {
                let accel = ["first 50TB", "next 100TB", "next 350TB", "next 500TB", "over 1000TB"]
                    .map { "Acceleration outbound data transfer (\($0))" }
                AzureA.tiered(&c, accel, unit: "GB", AzureAKeys.outboundGB, widths: [50_000, 100_000, 350_000, 500_000])
            }
        },
    ]
}

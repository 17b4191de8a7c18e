import FoundationEssentials
/// `azurerm_bastion_host`: hours, plus outbound data transfer in Infracost's tiers (usage). The facts price the Basic
/// SKU; another SKU names itself in the keys (so finds only its own prices).
enum AzureABastionPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_bastion_host"], attributes: ["sku", "scale_units"], usage: [.monthlyHrs, AzureAKeys.outboundDataGB]) { c in
            let a = c.resource.attributes
            let sku = (a["sku"].nonEmptyString ?? "Basic").lowercased()
            let names = ["first 10TB", "next 40TB", "next 100TB", "next 350TB", "over 500TB"].map { "Outbound data transfer (\($0))" }
            // Infracost's tier widths (10 TB, 50 TB, 150 TB, 500 TB, then the rest), as its golden shows them
            let widths: [Decimal] = [10_000, 50_000, 150_000, 500_000]
            if sku == "basic" {
                c.hours("Bastion host")
                AzureA.tiered(&c, names, unit: "GB", AzureAKeys.outboundDataGB, widths: widths)
                return
            }
            // Standard and Premium: the host (with two scale units) by the hour, and each further scale unit by the hour
            let hours = Quantities.monthlyHours(c.context)
            AzureA.line(&c, "Bastion host", unit: "hour", quantity: .value(hours), qualifier: "sku=\(sku)")
            if let units = a["scale_units"].decimal, units > 2 {
                AzureA.line(&c, "Additional scale units", unit: "hour", quantity: .value((units - 2) * hours), qualifier: "sku=\(sku)")
            }
            guard let gb = c.context.usage[AzureAKeys.outboundDataGB] else {
                AzureA.line(&c, names[0], unit: "GB", quantity: .usageNotGiven, qualifier: "sku=\(sku)", usageBased: true)
                return
            }
            for (i, amount) in AzureA.tiers(gb, widths: widths).enumerated() where amount > 0 {
                AzureA.line(&c, names[i], unit: "GB", quantity: .value(amount), qualifier: "sku=\(sku)", usageBased: true)
            }
        },
    ]
}

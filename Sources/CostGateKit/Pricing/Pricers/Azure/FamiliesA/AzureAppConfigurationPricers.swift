import FoundationEssentials
/// `azurerm_app_configuration`: the Standard store and each replica by the day (30 a month), plus requests over
/// the 200k a day included per replica (usage, per 10k). The Free SKU costs nothing.
enum AzureAAppConfigurationPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_app_configuration"], attributes: ["sku", "replica"], usage: [AzureAKeys.additionalRequests]) { c in
            let a = c.resource.attributes
            let sku = (a["sku"].nonEmptyString ?? "free").lowercased()
            guard sku != "free" else {
                c.assume("Free SKU: no charge")
                return
            }
            let replicas = a["replica"].array.count
            let name = replicas == 0 ? "Instance" : "Instance (\(replicas) replica\(replicas == 1 ? "" : "s"))"
            let requests = "Requests (over 200k/day per replica)"
            let requestQuantity = Quantities.usage(AzureAKeys.additionalRequests, c.context, times: Decimal(1) / 10_000)
            // the facts price the store with its replicas together (Infracost's unit multiplier): 30 days of that
            if sku == "standard" {
                c.monthly(name, count: .value(30), unit: "days")
                c.line(requests, unit: "10k requests", quantity: requestQuantity, usageBased: true)
            } else {
                // the facts price the Standard SKU under these labels: another SKU names itself in the key
                AzureA.line(&c, name, unit: "days", quantity: .value(30), qualifier: "sku=\(sku)")
                AzureA.line(&c, requests, unit: "10k requests", quantity: requestQuantity, qualifier: "sku=\(sku)", usageBased: true)
            }
        },
    ]
}

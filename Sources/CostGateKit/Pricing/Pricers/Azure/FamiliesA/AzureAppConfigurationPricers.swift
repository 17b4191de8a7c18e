import FoundationEssentials
/// `azurerm_app_configuration`: the Standard store and each replica by the day (30 a month), plus requests over
/// the 200k a day included per replica (usage, per 10k). The Free SKU costs nothing.
enum AzureAppConfigurationPricers {
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
            // the facts price the store with its replicas together (Infracost's unit multiplier): 30 days of that
            c.monthly(name, count: .value(30), unit: "days")
            c.usage("Requests (over 200k/day per replica)", unit: "10k requests", AzureAKeys.additionalRequests, times: Decimal(1) / 10_000)
        },
    ]
}

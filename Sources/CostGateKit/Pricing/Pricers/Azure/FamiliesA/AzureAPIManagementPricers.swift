import FoundationEssentials
/// `azurerm_api_management`: units of its tier a month (`sku_name` Tier_Capacity), Consumption by the million calls
/// (usage), and self-hosted gateways on Premium (usage).
enum AzureAAPIManagementPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_api_management"], attributes: ["sku_name"], usage: [AzureAKeys.apiCalls, AzureAKeys.gateways]) { c in
            let skuValue = c.resource.attributes["sku_name"]
            guard let sku = skuValue.nonEmptyString, !Quantities.isUnknown(skuValue) else {
                c.line("API management", unit: "units", quantity: .unknownUntilApply(attribute: "sku_name"))
                return
            }
            let parts = sku.split(separator: "_")
            let tier = String(parts[0]).lowercased()
            if tier == "consumption" {
                c.usage("API management (consumption)", unit: "1M calls", AzureAKeys.apiCalls, times: Decimal(1) / Decimal(1_000_000))
                return
            }
            let capacity = parts.count > 1 ? (Decimal(string: String(parts[1])) ?? 1) : 1
            c.monthly("API management (\(tier))", count: .value(capacity), unit: "units")
            if tier == "premium" {
                c.usage("Self hosted gateway", unit: "gateways", AzureAKeys.gateways)
            }
        },
    ]
}

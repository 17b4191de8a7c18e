import FoundationEssentials
/// Private endpoints and public IP prefixes.
enum AzureCEndpoints {
    /// `azurerm_private_endpoint`: the endpoint's hours plus GB processed in and out (usage), tiered at 1 PB and 5 PB.
    static let privateEndpoint = ComponentPricer(["azurerm_private_endpoint"], usage: [AzureCKeys.inboundGB, AzureCKeys.outboundGB]) { c in
        c.hours("Private endpoint")
        for (way, key) in [("Inbound", AzureCKeys.inboundGB), ("Outbound", AzureCKeys.outboundGB)] {
            AzureC.tiered(&c, key, unit: "GB", [("\(way) data processed (first 1PB)", 1_000_000),
                                                ("\(way) data processed (next 4PB)", 4_000_000),
                                                ("\(way) data processed (over 5PB)", nil)])
        }
    }

    /// `azurerm_public_ip_prefix`: the prefix's hours.
    static let publicIPPrefix = ComponentPricer(["azurerm_public_ip_prefix"]) { c in c.hours("IP prefix") }

    static let all: [any Pricer] = [privateEndpoint, publicIPPrefix]
}

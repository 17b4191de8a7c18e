import FoundationEssentials
/// `azurerm_active_directory_domain_service` (hours by SKU) and `azurerm_active_directory_domain_service_replica_set`
/// (hours at its domain service's SKU).
enum AzureADomainServicePricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_active_directory_domain_service"], attributes: ["sku"], usage: [.monthlyHrs]) { c in
            c.hours("Active directory domain service (\(sku(c.resource.attributes["sku"])))")
        },
        ComponentPricer(["azurerm_active_directory_domain_service_replica_set"], attributes: ["domain_service_id"],
                        usage: [.monthlyHrs], related: ["azurerm_active_directory_domain_service": ["sku", "location"]]) { c in
            let service = c.context.referenced("azurerm_active_directory_domain_service", from: c.resource, attribute: "domain_service_id")
            if service == nil { c.assume("domain service not found in the configuration: Standard SKU assumed") }
            c.hours("Active directory domain service replica set (\(sku(service?.attributes["sku"] ?? .null)))")
        },
    ]

    /// `standard` → `Standard` (Infracost's label), Standard when not set.
    static func sku(_ v: Value) -> String {
        let s = (v.nonEmptyString ?? "Standard").lowercased()
        return s.prefix(1).uppercased() + s.dropFirst()
    }
}

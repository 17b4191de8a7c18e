import FoundationEssentials
/// App Service extras: an IP-based SSL binding (custom hostname or certificate binding with `ssl_state`
/// IpBasedEnabled) bills an IP SSL certificate a month; an App Service Environment bills a stamp fee and its
/// isolated instance by the hour.
enum AzureAAppServiceExtraPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_app_service_custom_hostname_binding", "azurerm_app_service_certificate_binding"],
                        attributes: ["ssl_state", "certificate_id", "hostname_binding_id"],
                        related: ["azurerm_app_service_certificate": ["location", "resource_group_name"],
                                  "azurerm_app_service_custom_hostname_binding": ["resource_group_name"]]) { c in
            // a certificate binding has no location: it is where its certificate (else its hostname binding) is
            if c.resource.region == nil, c.resource.type == "azurerm_app_service_certificate_binding",
               let holder = c.context.referenced("azurerm_app_service_certificate", from: c.resource, attribute: "certificate_id")
                ?? c.context.referenced("azurerm_app_service_custom_hostname_binding", from: c.resource, attribute: "hostname_binding_id"),
               let region = holder.region ?? Components.resourceGroupRegion(holder, c.context) {
                c = Components(c.resource, c.context, region: region)
            }
            let state = c.resource.attributes["ssl_state"]
            if Quantities.isUnknown(state) {
                c.line("IP SSL certificate", unit: "month", quantity: .unknownUntilApply(attribute: "ssl_state"))
            } else if state.string?.lowercased() == "ipbasedenabled" {
                c.monthly("IP SSL certificate")
            } else {
                c.assume("no IP-based SSL (ssl_state \(state.nonEmptyString ?? "not set")): no charge")
            }
        },
        ComponentPricer(["azurerm_app_service_environment"], attributes: ["pricing_tier"], usage: [.monthlyHrs]) { c in
            let tier = c.resource.attributes["pricing_tier"].nonEmptyString ?? "I1"
            c.hours("Stamp fee")
            c.hours("Instance usage (\(tier))")
        },
    ]
}

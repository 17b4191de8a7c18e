import FoundationEssentials
/// Traffic Manager: a profile's DNS queries (tiered at 1B) and Traffic View data points (usage), and each
/// endpoint's health checks by the hour (basic, plus the fast-interval add-on when the profile probes every
/// 10 seconds), priced in Germany's zone or the global one. A disabled profile and its endpoints cost nothing.
enum AzureTrafficManager {
    static let endpointTypes = ["azure", "external", "nested"].map { "azurerm_traffic_manager_\($0)_endpoint" }
    static let profileType = "azurerm_traffic_manager_profile"

    static func disabled(_ profile: Resource) -> Bool { profile.attributes["profile_status"].string?.lowercased() == "disabled" }

    /// `azurerm_traffic_manager_profile`: DNS queries (usage `monthly_dns_queries`) and Traffic View data points
    /// (usage `monthly_traffic_view_data_points`, when `traffic_view_enabled`).
    static let profile = ComponentPricer([profileType], attributes: ["profile_status", "traffic_view_enabled"],
                                         usage: [AzureCKeys.monthlyDNSQueries, AzureCKeys.trafficViewDataPoints]) { c in
        guard !disabled(c.resource) else { return c.assume("profile disabled: no charge") }
        AzureC.tiered(&c, AzureCKeys.monthlyDNSQueries, unit: "1M queries", per: 1_000_000,
                      [("DNS queries (first 1B)", 1000), ("DNS queries (over 1B)", nil)])
        if c.resource.attributes["traffic_view_enabled"].bool == true {
            c.usage("Traffic view", unit: "1M data points", AzureCKeys.trafficViewDataPoints, times: Decimal(string: "0.000001")!)
        }
    }

    /// `azurerm_traffic_manager_*_endpoint`: health-check hours, in the region of the profile's resource group.
    static let endpoint = AzureCPricer(endpointTypes, attributes: ["profile_id"],
                                       related: [profileType: ["profile_status", "monitor_config", "resource_group_name"]],
                                       region: { r, ctx in AzureC.regionOf(profileType, r, ctx, via: "profile_id") }) { c in
        let profile = c.context.referenced(profileType, from: c.resource, attribute: "profile_id")
        if let profile, disabled(profile) { return c.assume("profile disabled: no charge") }
        let zone = c.region.hasPrefix("germany") ? "Germany" : "Global"
        c.hours("Basic health check (\(zone))")
        if profile?.attributes["monitor_config"].block["interval_in_seconds"].decimal == 10 {
            c.hours("Fast interval health checks add-on (\(zone))")
        }
    }

    static let all: [any Pricer] = [profile, endpoint]
}

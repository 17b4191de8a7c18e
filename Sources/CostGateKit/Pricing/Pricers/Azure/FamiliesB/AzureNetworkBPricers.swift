import FoundationEssentials
/// ExpressRoute and point-to-site gateways, Front Door (classic) and its WAF policy, DDoS protection and Network Watcher.
enum AzureNetworkBPricers {
    static let all: [any Pricer] = [expressRouteGateway, expressRouteConnection, pointToSiteVPNGateway, frontDoor, frontDoorFirewallPolicy,
                                    ddosProtectionPlan, networkWatcher, networkWatcherFlowLog, connectionMonitor]

    static let monthlyDiagnosticChecks = UsageKey("monthly_diagnostic_checks", unit: "checks", "network diagnostic tool checks a month")
    static let monthlyLogsCollectedGB = UsageKey("monthly_logs_collected_gb", unit: "GB", "flow logs collected a month, GB")
    static let overageAmount = UsageKey("overage_amount", unit: "resources", "protected resources beyond the plan's 100")
    static let tests = UsageKey("tests", unit: "tests", "connection monitor tests (scale-set instances count one each)")
    static let customRuleRequests = UsageKey("monthly_custom_rule_requests", unit: "requests", "requests custom rules inspect a month")
    static let managedRulesetRequests = UsageKey("monthly_managed_ruleset_requests", unit: "requests", "requests managed rulesets inspect a month")

    /// `azurerm_express_route_gateway`: its scale units (2 Gbps each) a month.
    static let expressRouteGateway = ComponentPricer(["azurerm_express_route_gateway"], attributes: ["scale_units"]) { c in
        c.line("ER scale units (2 Gbps)", unit: "scale units", quantity: c.number("scale_units", default: 1) ?? .value(1))
    }

    /// `azurerm_express_route_connection`: the connection by the hour, where its gateway is.
    static let expressRouteConnection = RegionFromParentPricer(type: "azurerm_express_route_connection", parentType: "azurerm_express_route_gateway",
                                                               reference: "express_route_gateway_id") { c in
        c.hours("ER Connections")
    }

    /// `azurerm_point_to_site_vpn_gateway`: its scale units (500 Mbps each) a month.
    static let pointToSiteVPNGateway = ComponentPricer(["azurerm_point_to_site_vpn_gateway"], attributes: ["scale_unit"]) { c in
        c.line("P2S scale units (500 Mbps)", unit: "scale units", quantity: c.number("scale_unit", default: 1) ?? .value(1))
    }

    /// The outbound-transfer zone of Front Door for a region (Infracost's zones 1–5).
    static func frontDoorZone(_ region: String) -> (name: String, key: UsageKey) {
        let r = region.lowercased()
        if r.hasPrefix("brazil") { return ("South America", AzureBKeys.outboundSouthAmerica) }
        if r.hasPrefix("australia") { return ("Australia", AzureBKeys.outboundAustralia) }
        if r.hasSuffix("india") { return ("India", AzureBKeys.outboundIndia) }
        if ["eastasia", "southeastasia"].contains(r) || r.hasPrefix("japan") || r.hasPrefix("korea") {
            return ("Asia Pacific (including Japan)", AzureBKeys.outboundAsiaPacific)
        }
        return ("North America, Europe and Africa", AzureBKeys.outboundNAEuropeAfrica)
    }

    /// `azurerm_frontdoor` (classic): enabled routing rules by the hour (the first five, then each more), frontend hosts over
    /// 100, inbound transfer and outbound transfer of the region's zone in three tiers (usage).
    static let frontDoor = ComponentPricer(["azurerm_frontdoor"], attributes: ["routing_rule", "frontend_endpoint"],
                                           usage: [AzureBKeys.monthlyInboundGB, AzureBKeys.outboundNAEuropeAfrica, AzureBKeys.outboundAsiaPacific,
                                                   AzureBKeys.outboundSouthAmerica, AzureBKeys.outboundAustralia, AzureBKeys.outboundIndia]) { c in
        let a = c.resource.attributes
        let rules = Decimal(a["routing_rule"].array.filter { $0["enabled"].bool ?? true }.count)
        let parts = AzureB.buckets(rules, [5])
        if parts[0] > 0 { c.hours("Routing rules (first 5 rules)", count: .value(parts[0])) }
        if parts[1] > 0 { c.hours("Routing rules (per additional rule)", count: .value(parts[1])) }
        let hosts = Decimal(a["frontend_endpoint"].array.count)
        if hosts > 100 { c.line("Frontend hosts (over 100)", unit: "hosts", quantity: .value(hosts - 100)) }
        c.usage("Inbound data transfer", unit: "GB", AzureBKeys.monthlyInboundGB)
        let zone = frontDoorZone(c.region)
        let names = ["first 10TB", "next 40TB", "over 50TB"].map { "\(zone.name) (\($0))" }
        AzureB.tieredUsage(&c, names: names, sizes: [10_000, 40_000], unit: "GB", value: AzureB.given(zone.key, c),
                           keyPrefix: "Outbound data transfer > ")
    }

    /// `azurerm_frontdoor_firewall_policy`: the policy a month, its custom rules and managed rulesets a month, and the
    /// requests each inspects (usage, per 1M).
    static let frontDoorFirewallPolicy = ComponentPricer(["azurerm_frontdoor_firewall_policy"], attributes: ["custom_rule", "managed_rule"],
                                                         usage: [customRuleRequests, managedRulesetRequests]) { c in
        let a = c.resource.attributes
        c.monthly("Policy")
        c.line("Custom rules", unit: "rules", quantity: .value(Decimal(a["custom_rule"].array.count)))
        c.usage("Custom rule requests", unit: "1M requests", customRuleRequests, times: Decimal(string: "0.000001")!)
        c.line("Managed rulesets", unit: "rulesets", quantity: .value(Decimal(a["managed_rule"].array.count)))
        c.usage("Managed ruleset requests", unit: "1M requests", managedRulesetRequests, times: Decimal(string: "0.000001")!)
    }

    /// `azurerm_network_ddos_protection_plan`: the plan by the hour and protected resources beyond 100 a month (usage).
    static let ddosProtectionPlan = ComponentPricer(["azurerm_network_ddos_protection_plan"], usage: [overageAmount]) { c in
        c.hours("DDoS Protection Plan")
        let n = AzureB.given(overageAmount, c)
        // the facts name the unit "resource" (no usage, one) and "resources" (several), as Infracost's table does
        c.line("Overage charges", unit: (n ?? 1) > 1 ? "resources" : "resource", quantity: n.map { .value($0) } ?? .usageNotGiven, usageBased: true)
    }

    /// `azurerm_network_watcher`: diagnostic checks over the 1,000 free a month (usage).
    static let networkWatcher = ComponentPricer(["azurerm_network_watcher"], usage: [monthlyDiagnosticChecks]) { c in
        let n = AzureB.given(monthlyDiagnosticChecks, c)
        c.line("Network diagnostic tool (over 1,000 checks)", unit: "checks", quantity: n.map { .value(max($0 - 1000, 0)) } ?? .usageNotGiven,
               usageBased: true)
    }

    /// `azurerm_network_watcher_flow_log`: flow logs collected over 5 GB a month, and, with traffic analytics on, the
    /// GB it processes at its interval (10 or 60 minutes).
    static let networkWatcherFlowLog = ComponentPricer(["azurerm_network_watcher_flow_log"], attributes: ["traffic_analytics", "enabled"],
                                                       usage: [monthlyLogsCollectedGB]) { c in
        let gb = AzureB.given(monthlyLogsCollectedGB, c)
        c.line("Network logs collected (over 5GB)", unit: "GB", quantity: gb.map { .value(max($0 - 5, 0)) } ?? .usageNotGiven, usageBased: true)
        let ta = c.resource.attributes["traffic_analytics"].block
        guard !ta.isNull, ta["enabled"].bool ?? false else { return }
        let interval = ta["interval_in_minutes"].decimal ?? 60
        c.line("Traffic Analytics data processed (\(interval == 10 ? 10 : 60) min interval)", unit: "GB",
               quantity: gb.map { .value($0) } ?? .usageNotGiven, usageBased: true)
    }

    /// `azurerm_network_connection_monitor`: tests (each enabled test group's sources × destinations × test
    /// configurations, or usage `tests`) beyond the 10 free, in four tiers.
    static let connectionMonitor = ComponentPricer(["azurerm_network_connection_monitor"], attributes: ["test_group"], usage: [tests]) { c in
        var count = AzureB.given(tests, c)
        if count == nil {
            var total: Decimal = 0
            for g in c.resource.attributes["test_group"].array where g["enabled"].bool ?? true {
                total += Decimal(g["destination_endpoints"].array.count * g["source_endpoints"].array.count
                                 * g["test_configuration_names"].array.count)
            }
            count = total
        }
        let names = ["Tests (10-240,010)", "Tests (240,010-750,010)", "Tests (750,010-1,000,010)", "Tests (1,000,010+)"]
        AzureB.tieredUsage(&c, names: names, sizes: [240_000, 510_000, 250_000], unit: "tests", value: count, free: 10)
    }
}


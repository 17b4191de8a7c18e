import FoundationEssentials
/// Usage keys of Global Accelerator endpoint groups (Infracost's nested names, flattened with dots).
enum AWSGlobalAcceleratorKeys {
    /// (usage key suffix, the destination group Infracost names) in Infracost's order.
    static let areas: [(key: String, name: String)] = [
        ("us", "US, Mexico, Canada"), ("europe", "Europe"), ("south_africa", "South Africa, Kenya"), ("south_america", "South America"),
        ("south_korea", "South Korea"), ("middle_east", "Middle East"), ("australia", "Australia, New Zealand"),
        ("asia_pacific", "Asia Pacific"), ("india", "India, Indonesia, Philippines, Thailand"),
    ]
    static let inbound = areas.map { UsageKey("monthly_inbound_data_transfer_gb.\($0.key)", unit: "GB", "GB a month into the endpoint group from \($0.name)") }
    static let outbound = areas.map { UsageKey("monthly_outbound_data_transfer_gb.\($0.key)", unit: "GB", "GB a month from the endpoint group to \($0.name)") }
}

enum AWSNetworking2Family {
    static let pricers: [any Pricer] = [networkFirewall, vpnConnection, accelerator, endpointGroup]

    /// `aws_networkfirewall_firewall`: endpoint-hours plus GB processed (usage).
    static let networkFirewall = ComponentPricer(["aws_networkfirewall_firewall"], usage: [.monthlyHrs, .monthlyDataProcessedGB]) { c in
        c.hours("Network Firewall Endpoint")
        c.usage("Data Processed", unit: "GB", .monthlyDataProcessedGB)
    }

    /// `aws_vpn_connection`: connection-hours; one to a transit gateway also bills its attachment hours and GB processed (usage).
    static let vpnConnection = ComponentPricer(["aws_vpn_connection"], attributes: ["transit_gateway_id"],
                                               usage: [.monthlyHrs, .monthlyDataProcessedGB]) { c in
        c.hours("VPN connection")
        let tgw = c.resource.attributes["transit_gateway_id"]
        if tgw.nonEmptyString != nil || Quantities.isUnknown(tgw) {
            c.hours("Transit gateway attachment")
            c.usage("Data processed", unit: "GB", .monthlyDataProcessedGB)
        }
    }

    /// `aws_globalaccelerator_accelerator`: the fixed hourly fee.
    static let accelerator = ComponentPricer(["aws_globalaccelerator_accelerator"], usage: [.monthlyHrs]) { c in
        c.hours("Fixed fee")
    }

    /// `aws_globalaccelerator_endpoint_group`: the data-transfer premium per destination area, in the dominant
    /// direction (inbound unless more GB go out), from the usage file; the price depends on the group's region.
    static let endpointGroup = ComponentPricer(["aws_globalaccelerator_endpoint_group"], attributes: ["endpoint_group_region"],
                                               usage: AWSGlobalAcceleratorKeys.inbound + AWSGlobalAcceleratorKeys.outbound) { c in
        let u = c.context.usage
        let inbound = AWSGlobalAcceleratorKeys.inbound.map { u[$0] }
        let outbound = AWSGlobalAcceleratorKeys.outbound.map { u[$0] }
        let used = AWSGlobalAcceleratorKeys.areas.indices.filter { inbound[$0] != nil || outbound[$0] != nil }
        let groupValue = c.resource.attributes["endpoint_group_region"]
        let group = groupValue.nonEmptyString ?? c.region
        if used.isEmpty {
            c.line("Data transfer premium", unit: "GB", quantity: .usageNotGiven, usageBased: true)
            return
        }
        let totalIn = used.reduce(Decimal(0)) { $0 + (inbound[$1] ?? 0) }
        let totalOut = used.reduce(Decimal(0)) { $0 + (outbound[$1] ?? 0) }
        let direction = totalIn < totalOut ? "Outbound" : "Inbound"
        for i in used {
            let area = AWSGlobalAcceleratorKeys.areas[i].name
            let gb = (direction == "Inbound" ? inbound[i] : outbound[i]) ?? 0
            c.keyed("\(area) > \(direction) DT-premium fee", unit: "GB",
                    quantity: Quantities.isUnknown(groupValue) ? .unknownUntilApply(attribute: "endpoint_group_region") : .value(gb),
                    suffix: "group-region=\(group.lowercased())", usageBased: true)
        }
    }
}

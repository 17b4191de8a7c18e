import FoundationEssentials

enum AWSDirectConnectPricer {
    /// Regions data can leave from towards the connection's location (the usage file names them with underscores).
    static let regions = ["af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
                          "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ca-central-1", "ca-west-1",
                          "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
                          "il-central-1", "me-central-1", "me-south-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1",
                          "us-gov-west-1", "us-west-1", "us-west-2"]
    static let fromRegion: [(region: String, key: UsageKey)] = regions.map {
        ($0, UsageKey("monthly_outbound_from_region_to_dx_connection_location.\($0.replacingHyphens())", unit: "GB",
                      "GB a month sent from \($0) over the connection"))
    }
    static let fromOwnRegion = UsageKey("monthly_outbound_region_to_dx_location_gb", unit: "GB",
                                        "GB a month sent from the connection's region over it (older form)")
    static let interfaceType = UsageKey("dx_virtual_interface_type", unit: "private|public|transit", "the virtual interface type (default private)", text: true)
    static let connectionType = UsageKey("dx_connection_type", unit: "dedicated|hosted", "the connection type (default dedicated)", text: true)

    /// `aws_dx_connection`: the port by the hour (by bandwidth, location and connection type) and data sent out
    /// over it from each region (usage).
    static let pricer = ComponentPricer(["aws_dx_connection"], attributes: ["bandwidth", "location"],
                                        usage: [.monthlyHrs, fromOwnRegion, interfaceType, connectionType] + fromRegion.map(\.key)) { c in
        let location = c.awsaString("location") ?? "?"
        let bandwidth = c.awsaString("bandwidth") ?? "?"
        let connection = c.context.usage.text(connectionType) ?? "dedicated"
        // the facts give the port's price without its bandwidth, location or type: the line names all three
        c.hours("DX connection", keyName: "DX connection (\(bandwidth), \(location), \(connection))")
        let interface = c.context.usage.text(interfaceType) ?? "private"
        let suffix = interface == "private" ? "" : " (\(interface) interface)"
        var sent = fromRegion.compactMap { item in c.context.usage[item.key].map { (item.region, $0) } }
        if sent.isEmpty, let gb = c.context.usage[fromOwnRegion] { sent = [(c.region, gb)] }
        for (region, gb) in sent {
            let name = "Outbound data transfer (from \(region), to \(location))"
            c.line(name, unit: "GB", quantity: .value(gb), keyName: name + suffix, usageBased: true)
        }
    }
}

private extension String {
    func replacingHyphens() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}

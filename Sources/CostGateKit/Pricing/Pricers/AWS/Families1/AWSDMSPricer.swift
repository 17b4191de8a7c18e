import FoundationEssentials

enum AWSDMSPricer {
    /// `aws_dms_replication_instance`: the instance by the hour and its gp2 storage beyond what the class includes,
    /// both at the single- or multi-AZ rate.
    static let pricer = ComponentPricer(["aws_dms_replication_instance"], attributes: ["replication_instance_class", "allocated_storage", "multi_az"],
                                        usage: [.monthlyHrs]) { c in
        guard let cls = c.awsaString("replication_instance_class") else {
            c.line("Instance", unit: "hour", quantity: .unknownUntilApply(attribute: "replication_instance_class"))
            return
        }
        let parts = cls.split(separator: ".").map(String.init)
        let type = parts.dropFirst().joined(separator: ".")
        let family = parts.count > 1 ? parts[1] : ""
        let multiAZ = c.resource.attributes["multi_az"].bool ?? false
        let az = "/multi-az=\(multiAZ)"
        let hours = Quantities.monthlyHours(c.context)
        c.append(PricedUsage(lines: [UsageLine("Instance (\(type))", unit: "hour", quantity: .value(hours),
                                               priceKey: c.key("Instance (\(type))", unit: "hour") + az)]))
        // storage each class includes (AWS DMS: 50 GB for T2/T3, 100 GB for C4/R4/R5)
        let included: Decimal = ["t2": 50, "t3": 50, "c4": 100, "r4": 100, "r5": 100][family] ?? 0
        let storage = c.resource.attributes["allocated_storage"]
        if Quantities.isUnknown(storage) {
            c.append(PricedUsage(lines: [UsageLine("Storage (general purpose SSD, gp2)", unit: "GB", quantity: .unknownUntilApply(attribute: "allocated_storage"),
                                                   priceKey: c.key("Storage (general purpose SSD, gp2)", unit: "GB") + az)]))
            return
        }
        let billed = (storage.decimal ?? 50) - included
        if billed > 0 {
            c.append(PricedUsage(lines: [UsageLine("Storage (general purpose SSD, gp2)", unit: "GB", quantity: .value(billed),
                                                   priceKey: c.key("Storage (general purpose SSD, gp2)", unit: "GB") + az)]))
        }
    }
}

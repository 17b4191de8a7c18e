import FoundationEssentials
enum AWSMSKFamily {
    static let pricers: [any Pricer] = [cluster]

    /// `aws_msk_cluster`: broker-hours of the broker type and GB of broker storage (volume size × brokers); with a
    /// storage autoscaling target the storage is the target's minimum capacity per broker.
    static let cluster = ComponentPricer(["aws_msk_cluster"], attributes: ["number_of_broker_nodes", "broker_node_group_info"],
                                         usage: [.monthlyHrs],
                                         related: ["aws_appautoscaling_target": ["resource_id", "scalable_dimension", "min_capacity"]]) { c in
        let a = c.resource.attributes
        let group = a["broker_node_group_info"].block
        let brokers = c.number("number_of_broker_nodes") ?? .unknownUntilApply(attribute: "number_of_broker_nodes")
        if let type = group["instance_type"].nonEmptyString, !Quantities.isUnknown(group["instance_type"]) {
            c.hours("Instance (\(type))", count: brokers)
        } else {
            c.line("Instance", unit: "hour", quantity: .unknownUntilApply(attribute: "broker_node_group_info.instance_type"))
        }
        var volume = group["storage_info"].block["ebs_storage_info"].block["volume_size"]
        if volume.isNull { volume = group["ebs_volume_size"] }
        var name = "Storage"
        if let target = autoscalingTarget(of: c.resource, c.context) {
            name = "Storage (autoscaling)"
            volume = target.attributes["min_capacity"]
            c.assume("storage autoscaling: each broker's storage is the target's minimum capacity (a usage `capacity` on the target is not read)")
        }
        if volume.isNull { c.assume("no broker volume size: 1000 GB per broker assumed (MSK's default)") }
        let perBroker = volume.isNull ? .value(1000) : (Quantities.number(volume, attribute: "volume_size") ?? .value(1000))
        switch (perBroker, brokers) {
        case (.value(let v), .value(let n)): c.line(name, unit: "GB", quantity: .value(v * n))
        case (.value, _): c.line(name, unit: "GB", quantity: brokers)
        default: c.line(name, unit: "GB", quantity: perBroker)
        }
    }

    /// The application autoscaling target that scales this cluster's broker storage, if any.
    static func autoscalingTarget(of r: Resource, _ context: PricingContext) -> Resource? {
        let base = ConfigIndex.stripKeys(r.address)
        let local = r.moduleAddress.isEmpty ? base : String(base.dropFirst(r.moduleAddress.count + 1))
        return context.resources(ofType: "aws_appautoscaling_target").first { t in
            t.attributes["scalable_dimension"].string == "kafka:broker-storage:VolumeSize"
                && t.moduleAddress == r.moduleAddress
                && (t.references["resource_id"] ?? []).contains { ref in ref == local || ref.hasPrefix(local + ".") }
        }
    }
}

import FoundationEssentials
/// Usage keys of Amazon MQ (Infracost's names).
enum AWSMQKeys {
    static let storageSizeGB = UsageKey("storage_size_gb", unit: "GB", "GB of broker storage")
}

enum AWSMQFamily {
    static let pricers: [any Pricer] = [broker]

    /// `aws_mq_broker`: broker-hours of the engine, host type and deployment mode; storage GB (usage) on EFS or EBS
    /// (RabbitMQ clusters keep three copies).
    static let broker = ComponentPricer(["aws_mq_broker"], attributes: ["engine_type", "host_instance_type", "deployment_mode", "storage_type"],
                                        usage: [.monthlyHrs, AWSMQKeys.storageSizeGB]) { c in
        let a = c.resource.attributes
        guard let engine = a["engine_type"].nonEmptyString, let type = a["host_instance_type"].nonEmptyString,
              !Quantities.isUnknown(a["engine_type"]), !Quantities.isUnknown(a["host_instance_type"]) else {
            c.line("Instance usage", unit: "hour", quantity: .unknownUntilApply(attribute: "host_instance_type"))
            return
        }
        let rabbit = engine.lowercased() == "rabbitmq"
        let mode = (a["deployment_mode"].nonEmptyString ?? "single_instance").lowercased()
        let storage = (a["storage_type"].nonEmptyString ?? (rabbit ? "ebs" : "efs")).uppercased()
        c.hours("Instance usage (\(engine), \(type), \(mode))")
        let copies: Decimal = rabbit && mode.hasSuffix("multi_az") ? 3 : 1
        c.usage("Storage (\(engine), \(storage))", unit: "GB", AWSMQKeys.storageSizeGB, times: copies)
    }
}

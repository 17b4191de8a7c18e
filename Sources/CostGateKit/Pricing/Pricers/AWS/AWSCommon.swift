import FoundationEssentials
/// Pieces several AWS pricers share: EC2 instance hours, EBS volumes, T-family CPU credits.
enum AWS {
    /// Instance hours for `count` instances.
    static func instanceLines(region: String, instanceType: Value, os: String, tenancy: String, count: Quantity,
                              hours: Decimal, label: String = "") -> PricedUsage {
        var out = PricedUsage()
        guard let type = instanceType.nonEmptyString, !Quantities.isUnknown(instanceType) else {
            out.add(UsageLine("\(label)Instance usage", unit: "hour", quantity: .unknownUntilApply(attribute: "instance_type"),
                              priceKey: "aws/ec2/\(region)/instance/?/\(os)/\(tenancy)"))
            return out
        }
        let osLabel = os == "windows" ? "Windows" : "Linux/UNIX"
        out.add(UsageLine("\(label)Instance usage (\(osLabel), on-demand, \(type))", unit: "hour",
                          quantity: Quantities.scaled(count, by: hours),
                          priceKey: "aws/ec2/\(region)/instance/\(type)/\(os)/\(tenancy)"))
        return out
    }

    /// T-family unlimited-mode surplus credits, as usage (`monthly_cpu_credit_hrs` per vCPU).
    static func cpuCreditLines(region: String, instanceType: String?, creditSpec: Value, os: String, count: Quantity,
                               context: PricingContext, label: String = "") -> PricedUsage {
        var out = PricedUsage()
        guard let type = instanceType, let family = type.split(separator: ".").first.map(String.init),
              ["t2", "t3", "t3a", "t4g"].contains(family) else { return out }
        let mode = creditSpec.block["cpu_credits"].nonEmptyString ?? (family == "t2" ? "standard" : "unlimited")
        guard mode == "unlimited" else { return out }
        guard let vcpus = context.usage[AWSOldKeys.vcpuCount] ?? tVCPUs(type) else { return out }
        let quantity: Quantity
        if let hrs = context.usage[.monthlyCPUCreditHrs] {
            quantity = Quantities.scaled(count, by: hrs * vcpus)
        } else {
            quantity = .usageNotGiven
        }
        out.add(UsageLine("\(label)CPU credits (unlimited, \(vcpus) vCPU)", unit: "vCPU-hour", quantity: quantity,
                          priceKey: "aws/ec2/\(region)/cpu-credits/\(family)/\(os)", usageBased: true))
        return out
    }

    /// Detailed monitoring (CloudWatch: 7 metrics an instance at the custom-metric rate, EC2 pricing) and the
    /// hourly EBS-optimisation fee of the previous-generation types that offer it as an option.
    static func monitoringAndEBSOptimized(region: String, instanceType: String?, monitoring: Bool, ebsOptimized: Bool,
                                          count: Quantity, hours: Decimal, label: String = "") -> PricedUsage {
        var out = PricedUsage()
        if monitoring {
            out.add(UsageLine("\(label)EC2 detailed monitoring", unit: "metric-month", quantity: Quantities.scaled(count, by: 7),
                              priceKey: "aws/cloudwatch/\(region)/metrics"))
        }
        if ebsOptimized, let type = instanceType, ebsOptimizationFee.contains(type) {
            out.add(UsageLine("\(label)EBS-optimized usage", unit: "hour", quantity: Quantities.scaled(count, by: hours),
                              priceKey: "aws/ec2/\(region)/ebs-optimized/\(type)"))
        }
        return out
    }

    /// Types where EBS optimisation is optional at an hourly fee (EC2 User Guide, "Amazon EBS-optimized instance
    /// types", previous generation); current types are EBS-optimised by default at no charge, and the other
    /// previous-generation sizes do not support it.
    static let ebsOptimizationFee: Set<String> = ["c1.xlarge", "c3.xlarge", "c3.2xlarge", "c3.4xlarge", "g2.2xlarge", "i2.xlarge",
                                                  "i2.2xlarge", "i2.4xlarge", "m1.large", "m1.xlarge", "m2.2xlarge", "m2.4xlarge",
                                                  "m3.xlarge", "m3.2xlarge", "r3.xlarge", "r3.2xlarge", "r3.4xlarge"]

    /// vCPUs of T-family sizes (AWS instance specifications; hardware facts, not prices).
    static func tVCPUs(_ type: String) -> Decimal? {
        let parts = type.split(separator: ".")
        guard parts.count == 2 else { return nil }
        let size = String(parts[1])
        if parts[0] == "t2" {
            return ["nano": 1, "micro": 1, "small": 1, "medium": 2, "large": 2, "xlarge": 4, "2xlarge": 8][size]
        }
        return ["nano": 2, "micro": 2, "small": 2, "medium": 2, "large": 2, "xlarge": 4, "2xlarge": 8][size]
    }

    /// One EBS volume: storage, plus IOPS and throughput where the type bills them.
    static func volumeLines(region: String, type volumeType: Value, size: Value, iops: Value, throughput: Value,
                            count: Quantity = .value(1), label: String, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        // An optional attribute left out of the configuration is computed: it shows as unknown until apply.
        // EC2 then uses the AMI's or the API's default, gp2 with a 3,000 IOPS / 125 MiB/s gp3 baseline.
        if Quantities.isUnknown(volumeType) {
            out.assume("\(label)volume type not set: gp2 assumed (the AMI or EC2 default)")
        }
        let type = Quantities.isUnknown(volumeType) ? "gp2" : (volumeType.nonEmptyString ?? "gp2")
        var iops = iops, throughput = throughput
        if type == "gp3" && Quantities.isUnknown(iops) { iops = .null; out.assume("\(label)gp3 IOPS not set: the 3,000 IOPS baseline assumed") }
        if type == "gp3" && Quantities.isUnknown(throughput) { throughput = .null; out.assume("\(label)gp3 throughput not set: the 125 MiB/s baseline assumed") }
        let names = ["gp2": "general purpose SSD, gp2", "gp3": "general purpose SSD, gp3", "io1": "provisioned IOPS SSD, io1",
                     "io2": "provisioned IOPS SSD, io2", "st1": "throughput optimized HDD, st1", "sc1": "cold HDD, sc1",
                     "standard": "magnetic"]
        let sizeQ: Quantity = Quantities.isUnknown(size) ? .unknownUntilApply(attribute: "size") : .value(size.decimal ?? 0)
        out.add(UsageLine("\(label)Storage (\(names[type] ?? type))", unit: "GB-month", quantity: Quantities.scaled(sizeQ, by: count.decimal ?? 1),
                          priceKey: "aws/ebs/\(region)/storage/\(type)"))
        let n = count.decimal ?? 1
        switch type {
        case "gp3":
            if Quantities.isUnknown(iops) {
                out.add(UsageLine("\(label)Provisioned IOPS (above 3,000)", unit: "IOPS-month", quantity: .unknownUntilApply(attribute: "iops"),
                                  priceKey: "aws/ebs/\(region)/iops/gp3"))
            } else if let i = iops.decimal, i > 3000 {
                out.add(UsageLine("\(label)Provisioned IOPS (above 3,000)", unit: "IOPS-month", quantity: .value((i - 3000) * n),
                                  priceKey: "aws/ebs/\(region)/iops/gp3"))
            }
            if Quantities.isUnknown(throughput) {
                out.add(UsageLine("\(label)Provisioned throughput (above 125 MiB/s)", unit: "MiBps-month",
                                  quantity: .unknownUntilApply(attribute: "throughput"), priceKey: "aws/ebs/\(region)/throughput/gp3"))
            } else if let t = throughput.decimal, t > 125 {
                out.add(UsageLine("\(label)Provisioned throughput (above 125 MiB/s)", unit: "MiBps-month", quantity: .value((t - 125) * n),
                                  priceKey: "aws/ebs/\(region)/throughput/gp3"))
            }
        case "io1", "io2":
            let q: Quantity = Quantities.isUnknown(iops) ? .unknownUntilApply(attribute: "iops") : .value((iops.decimal ?? 0) * n)
            if type == "io2", let i = q.decimal, i > 32000 * n {
                out.add(UsageLine("\(label)Provisioned IOPS (first 32,000)", unit: "IOPS-month", quantity: .value(32000 * n),
                                  priceKey: "aws/ebs/\(region)/iops/io2"))
                out.add(UsageLine("\(label)Provisioned IOPS (above 32,000)", unit: "IOPS-month", quantity: .value(i - 32000 * n),
                                  priceKey: "aws/ebs/\(region)/iops/io2-tier2"))
            } else {
                out.add(UsageLine("\(label)Provisioned IOPS", unit: "IOPS-month", quantity: q, priceKey: "aws/ebs/\(region)/iops/\(type)"))
            }
        case "standard":
            out.add(UsageLine("\(label)I/O requests", unit: "1M requests",
                              quantity: Quantities.usage(.monthlyStandardIORequests, context, times: Decimal(string: "0.000001")!),
                              priceKey: "aws/ebs/\(region)/io-requests/standard", usageBased: true))
        default:
            break
        }
        return out
    }

    /// Root and extra block devices of an instance or launch template.
    static func blockDevices(region: String, root: Value, ebs: [Value], count: Quantity, context: PricingContext,
                             label: String = "") -> PricedUsage {
        var out = PricedUsage()
        let rootBlock = root.block
        if rootBlock.isUnknown || rootBlock.isNull || (rootBlock["volume_size"].isUnknown && rootBlock["volume_type"].isNull) {
            let size = context.usage[.rootVolumeSizeGB] ?? 8
            out.append(volumeLines(region: region, type: .string("gp2"), size: .number(Money.plain(size)), iops: .null, throughput: .null,
                                   count: count, label: "\(label)Root volume: ", context: context))
            out.assume("\(label.isEmpty ? "" : label)root volume comes from the AMI and is not in the plan: assumed \(Money.plain(size)) GB gp2 (set root_volume_size_gb in the usage file)")
        } else {
            out.append(volumeLines(region: region, type: rootBlock["volume_type"], size: rootBlock["volume_size"],
                                   iops: rootBlock["iops"], throughput: rootBlock["throughput"], count: count,
                                   label: "\(label)Root volume: ", context: context))
        }
        for (i, device) in ebs.enumerated() {
            let name = device["device_name"].nonEmptyString ?? "#\(i + 1)"
            out.append(volumeLines(region: region, type: device["volume_type"], size: device["volume_size"],
                                   iops: device["iops"], throughput: device["throughput"], count: count,
                                   label: "\(label)EBS volume \(name): ", context: context))
        }
        return out
    }

    /// The resource a configuration reference points at; of a counted resource (`lc.*.id[count.index]`,
    /// `lc[count.index].id`) the instance with the same key as `r`.
    static func referenced(_ type: String, from r: Resource, attribute: String, context: PricingContext) -> Resource? {
        guard let first = context.referenced(type, from: r, attribute: attribute) else { return nil }
        let base = ConfigIndex.stripKeys(first.address)
        let siblings = context.resources(ofType: type).filter { ConfigIndex.stripKeys($0.address) == base }
        guard siblings.count > 1 else { return first }
        let key = instanceKey(r.address)
        return siblings.first { instanceKey($0.address) == key } ?? first
    }

    /// The component price key of `name` for this resource's type (Infracost's golden facts).
    static func key(_ r: Resource, _ region: String, _ name: String, _ unit: String) -> String {
        PriceKeys.component(.aws, type: r.type, region: region, component: name, unit: unit)
    }

    /// Attributes of the Application Auto Scaling targets the autoscaled pricers read.
    static let scalingTargetAttributes: Set<String> = ["resource_id", "scalable_dimension", "min_capacity", "max_capacity"]

    /// The `min_capacity` of the Application Auto Scaling target of `resourceID` (`table/NAME`,
    /// `replication-group/ID`) and `dimension`: the least capacity the target keeps.
    /// A target whose `resource_id` refers to another resource of `owner`'s type is not `owner`'s.
    static func scalingMinimum(_ context: PricingContext, owner: Resource, resourceID: String?, dimension: String) -> Decimal? {
        guard let id = resourceID else { return nil }
        return context.resources(ofType: "aws_appautoscaling_target").first { t in
            guard t.attributes["resource_id"].string == id, t.attributes["scalable_dimension"].string == dimension else { return false }
            let referred = context.referenced(owner.type, from: t, attribute: "resource_id")
            return referred == nil || referred?.address == owner.address
        }?.attributes["min_capacity"].decimal
    }

    /// The trailing instance key of an address (`[1]`, `["a"]`), or "".
    static func instanceKey(_ address: String) -> String {
        guard address.hasSuffix("]"), let open = address.lastIndex(of: "[") else { return "" }
        return String(address[open...])
    }

    static func monthlyHours(_ context: PricingContext) -> Decimal { Quantities.monthlyHours(context) }

    static func os(_ context: PricingContext) -> String {
        context.usage.text(.operatingSystem)?.lowercased() == "windows" ? "windows" : "linux"
    }
}

import FoundationEssentials
/// `aws_eks_cluster`: the control plane by the hour; versions past standard support bill the extended rate.
struct EKSClusterPricer: Pricer {
    let resourceTypes = ["aws_eks_cluster"]
    let attributes: Set<String> = ["version", "upgrade_policy"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    /// End of EKS standard support per Kubernetes version (Amazon EKS release calendar).
    static let standardSupportEnds = ["1.23": "2024-10-11", "1.24": "2025-01-31", "1.25": "2025-05-01", "1.26": "2025-06-11",
                                      "1.27": "2025-07-24", "1.28": "2025-11-26", "1.29": "2026-03-23", "1.30": "2026-07-23",
                                      "1.31": "2026-11-26", "1.32": "2027-03-23"]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        var out = PricedUsage()
        let supportType = r.attributes["upgrade_policy"].block["support_type"].nonEmptyString ?? "EXTENDED"
        var extended = false
        if let v = r.attributes["version"].nonEmptyString, supportType == "EXTENDED" {
            let minor = v.split(separator: ".").prefix(2).joined(separator: ".")
            if let end = Self.standardSupportEnds[minor] {
                extended = end < context.asOf
            } else if let m = Int(minor.split(separator: ".").last ?? ""), minor.hasPrefix("1."), m < 23 {
                extended = true
            }
        }
        if extended {
            out.add(UsageLine("EKS cluster (extended support)", unit: "hour", quantity: .value(AWS.monthlyHours(context)),
                              priceKey: "aws/eks/\(region)/cluster-extended-support"))
        } else {
            out.add(UsageLine("EKS cluster", unit: "hour", quantity: .value(AWS.monthlyHours(context)), priceKey: "aws/eks/\(region)/cluster"))
        }
        return out
    }
}

/// `aws_eks_node_group`: desired size (or the usage file's `instances`) × instance type, plus each node's disk (or its launch template's).
struct EKSNodeGroupPricer: Pricer {
    let resourceTypes = ["aws_eks_node_group"]
    let attributes: Set<String> = ["scaling_config", "instance_types", "disk_size", "capacity_type", "launch_template", "ami_type"]
    let usageKeys: [UsageKey] = [.instances, .operatingSystem, .monthlyHrs, .monthlyCPUCreditHrs, AWSOldKeys.vcpuCount, .monthlyStandardIORequests]
    let relatedAttributes: [String: Set<String>] = ["aws_launch_template": LaunchTemplates.attributes]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let desired = a["scaling_config"].block["desired_size"]
        let count: Quantity = context.usage[.instances].map { .value($0) }
            ?? Quantities.number(desired, attribute: "scaling_config.desired_size") ?? .value(1)
        let os = (a["ami_type"].nonEmptyString ?? "").hasPrefix("WINDOWS") || context.usage.text(.operatingSystem)?.lowercased() == "windows" ? "windows" : "linux"
        let template = LaunchTemplates.find(r, attribute: "launch_template", context: context)
        if (a["capacity_type"].nonEmptyString ?? "ON_DEMAND") == "SPOT" {
            out.assume("spot capacity: spot prices are not in the price book, so the node hours show as price not found")
        }
        let tenancy = (a["capacity_type"].nonEmptyString ?? "ON_DEMAND") == "SPOT" ? "spot" : "shared"
        var instanceType = a["instance_types"].array.first ?? .null
        if Quantities.isUnknown(a["instance_types"]) { instanceType = .unknown }
        if instanceType.isNull, let lt = template { instanceType = lt.attributes["instance_type"] }
        if instanceType.isNull {
            instanceType = .string("t3.medium")
            out.assume("no instance type: t3.medium, the EKS default")
        }
        out.append(AWS.instanceLines(region: region, instanceType: instanceType, os: os, tenancy: tenancy, count: count,
                                     hours: AWS.monthlyHours(context)))
        if let lt = template, !lt.attributes["block_device_mappings"].array.isEmpty {
            out.append(LaunchTemplates.disks(lt, region: region, count: count, context: context))
        } else {
            let size = a["disk_size"].decimal ?? 20
            out.append(AWS.volumeLines(region: region, type: .string("gp2"), size: .number(Money.plain(size)), iops: .null,
                                       throughput: .null, count: count, label: "Node disk: ", context: context))
        }
        out.append(AWS.cpuCreditLines(region: region, instanceType: instanceType.nonEmptyString,
                                      creditSpec: template?.attributes["credit_specification"] ?? .null, os: os, count: count, context: context))
        return out
    }
}

/// `aws_autoscaling_group` with `aws_launch_template` or `aws_launch_configuration`: desired capacity (or the usage
/// file's `instances`) × the instance they launch, its disks, detailed monitoring and EBS-optimisation fee.
struct AutoscalingGroupPricer: Pricer {
    let resourceTypes = ["aws_autoscaling_group"]
    let attributes: Set<String> = ["desired_capacity", "min_size", "max_size", "launch_configuration", "launch_template",
                                   "mixed_instances_policy"]
    let usageKeys: [UsageKey] = [.instances, .monthlyHrs, .operatingSystem, .monthlyCPUCreditHrs, AWSOldKeys.vcpuCount, .rootVolumeSizeGB,
                                 .monthlyStandardIORequests]
    let relatedAttributes: [String: Set<String>] = [
        "aws_launch_template": LaunchTemplates.attributes,
        "aws_launch_configuration": ["name", "id", "instance_type", "root_block_device", "ebs_block_device", "placement_tenancy",
                                     "enable_monitoring", "ebs_optimized", "credit_specification"],
    ]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        var count: Quantity
        if let n = context.usage[.instances] {
            count = .value(n)
        } else if let q = Quantities.number(a["desired_capacity"], attribute: "desired_capacity"), case .value = q {
            count = q
        } else if let min = a["min_size"].decimal {
            // AWS: a group created without a desired capacity starts at its minimum size.
            count = .value(min)
            out.assume("desired capacity not set: min_size (\(Money.plain(min))) instances, where AWS starts the group")
        } else {
            count = .unknownUntilApply(attribute: "desired_capacity")
        }
        if let max = a["max_size"].decimal, let c = count.decimal, max > c {
            out.assume("scales up to max_size \(Money.plain(max)) instances")
        }
        let hours = AWS.monthlyHours(context)
        let os = AWS.os(context)
        // launch configuration (detailed monitoring is on unless enable_monitoring = false: AWS Auto Scaling default)
        if let lc = AWS.referenced("aws_launch_configuration", from: r, attribute: "launch_configuration", context: context)
            ?? a["launch_configuration"].nonEmptyString.flatMap({ context.find("aws_launch_configuration", where: "name", equals: $0) }) {
            let l = lc.attributes
            let tenancy = l["placement_tenancy"].string == "dedicated" ? "dedicated" : "shared"
            out.append(AWS.instanceLines(region: region, instanceType: l["instance_type"], os: os, tenancy: tenancy, count: count, hours: hours))
            out.append(AWS.monitoringAndEBSOptimized(region: region, instanceType: l["instance_type"].nonEmptyString,
                                                     monitoring: l["enable_monitoring"].bool ?? true, ebsOptimized: l["ebs_optimized"].bool ?? false,
                                                     count: count, hours: hours))
            out.append(AWS.blockDevices(region: region, root: l["root_block_device"], ebs: l["ebs_block_device"].array, count: count, context: context))
            out.append(AWS.cpuCreditLines(region: region, instanceType: l["instance_type"].nonEmptyString,
                                          creditSpec: l["credit_specification"], os: os, count: count, context: context))
            return out
        }
        // launch template, direct or inside a mixed instances policy
        let mixed = a["mixed_instances_policy"].block
        let template = LaunchTemplates.find(r, attribute: "launch_template", context: context)
            ?? LaunchTemplates.find(r, attribute: "mixed_instances_policy", context: context)
        var instanceType = template?.attributes["instance_type"] ?? .null
        let overrides = mixed["launch_template"].block["override"].array
        if let first = overrides.first, first["instance_type"].nonEmptyString != nil {
            instanceType = first["instance_type"]
            out.assume("mixed instances policy: priced as its first override, \(instanceType.string!)")
            // With weights, the desired capacity counts capacity units: instances = capacity / weight, rounded up.
            if let w = first["weighted_capacity"].decimal, w > 0, let c = count.decimal, context.usage[.instances] == nil {
                let up = HCLFunctions.ceiling(c / w)
                count = .value(up)
                out.assume("weighted capacity \(Money.plain(w)): \(Money.plain(up)) instances of \(instanceType.string!)")
            }
        }
        guard let lt = template else {
            out.add(UsageLine("Instance usage", unit: "hour", quantity: .unknownUntilApply(attribute: "launch_template"),
                              priceKey: "aws/ec2/\(region)/instance/?/linux/shared"))
            out.assume("the launch template or configuration is not in this plan")
            return out
        }
        let t = lt.attributes
        let tenancy = t["placement"].block["tenancy"].string == "dedicated" ? "dedicated" : "shared"
        out.append(AWS.instanceLines(region: region, instanceType: instanceType, os: os, tenancy: tenancy, count: count, hours: hours))
        out.append(AWS.monitoringAndEBSOptimized(region: region, instanceType: instanceType.nonEmptyString,
                                                 monitoring: t["monitoring"].block["enabled"].bool ?? false,
                                                 ebsOptimized: t["ebs_optimized"].bool ?? false, count: count, hours: hours))
        out.append(LaunchTemplates.disks(lt, region: region, count: count, context: context))
        out.append(AWS.cpuCreditLines(region: region, instanceType: instanceType.nonEmptyString,
                                      creditSpec: t["credit_specification"], os: os, count: count, context: context))
        return out
    }
}

enum LaunchTemplates {
    static let attributes: Set<String> = ["id", "name", "instance_type", "block_device_mappings", "credit_specification", "placement",
                                          "monitoring", "ebs_optimized"]

    /// An instance's block devices over its template's: the template's mappings (as `ebs_block_device`), each
    /// replaced by the instance's device of the same name, then the instance's others.
    static func merged(template lt: Resource, own: [Value]) -> [Value] {
        var out: [Value] = []
        var used = Set<Int>()
        for mapping in lt.attributes["block_device_mappings"].array {
            let ebs = mapping["ebs"].block
            guard !ebs.isNull else { continue }
            let name = mapping["device_name"].nonEmptyString ?? ""
            var m = ebs.objectMembers
            m["device_name"] = mapping["device_name"]
            if let i = own.firstIndex(where: { $0["device_name"].nonEmptyString == name }) {
                used.insert(i)
                for (k, v) in own[i].objectMembers where !v.isNull { m[k] = v }
            }
            out.append(.object(m))
        }
        for (i, d) in own.enumerated() where !used.contains(i) { out.append(d) }
        return out
    }

    /// The launch template a resource points at: by configuration reference, else by id or name.
    static func find(_ r: Resource, attribute: String, context: PricingContext) -> Resource? {
        if let lt = context.referenced("aws_launch_template", from: r, attribute: attribute) { return lt }
        let spec = attribute == "mixed_instances_policy"
            ? r.attributes[attribute].block["launch_template"].block["launch_template_specification"].block
            : r.attributes[attribute].block
        if let id = spec["id"].nonEmptyString ?? spec["launch_template_id"].nonEmptyString,
           let lt = context.find("aws_launch_template", where: "id", equals: id) { return lt }
        if let name = spec["name"].nonEmptyString ?? spec["launch_template_name"].nonEmptyString,
           let lt = context.find("aws_launch_template", where: "name", equals: name) { return lt }
        return nil
    }

    static func disks(_ lt: Resource, region: String, count: Quantity, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        for mapping in lt.attributes["block_device_mappings"].array {
            let ebs = mapping["ebs"].block
            guard !ebs.isNull else { continue }
            let name = mapping["device_name"].nonEmptyString ?? "volume"
            out.append(AWS.volumeLines(region: region, type: ebs["volume_type"], size: ebs["volume_size"], iops: ebs["iops"],
                                       throughput: ebs["throughput"], count: count, label: "\(name): ", context: context))
        }
        return out
    }
}

/// `aws_ecs_service` on Fargate (its launch type, its capacity-provider strategy or its cluster's default one):
/// desired tasks × the task definition's vCPU and memory.
struct ECSServicePricer: Pricer {
    let resourceTypes = ["aws_ecs_service"]
    let attributes: Set<String> = ["launch_type", "desired_count", "task_definition", "capacity_provider_strategy", "cluster", "id"]
    let usageKeys: [UsageKey] = []
    let relatedAttributes: [String: Set<String>] = ["aws_ecs_task_definition": ["cpu", "memory", "arn", "family"],
                                                    "aws_ecs_cluster": ["name", "id", "arn"],
                                                    "aws_ecs_cluster_capacity_providers": ["cluster_name", "default_capacity_provider_strategy"],
                                                    "aws_ecs_task_set": ["service", "task_definition"]]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        var strategy = a["capacity_provider_strategy"].array
        if a["launch_type"].isNull || Quantities.isUnknown(a["launch_type"]), strategy.isEmpty, let defaults = clusterDefaults(r, context) {
            // ECS: a service with neither launch type nor strategy uses its cluster's default strategy.
            strategy = defaults
            out.assume("no launch type: the cluster's default capacity provider strategy")
        }
        let providers = strategy.compactMap { $0["capacity_provider"].string }
        let fargate = a["launch_type"].string == "FARGATE" || providers.contains { $0.hasPrefix("FARGATE") }
        guard fargate else {
            out.assume("not a Fargate service: its tasks run on EC2 capacity that is priced with those instances")
            return out
        }
        let tasks = Quantities.number(a["desired_count"], attribute: "desired_count") ?? .value(1)
        guard let def = taskDefinition(r, context) else {
            out.add(UsageLine("Per vCPU", unit: "vCPU-month", quantity: .unknownUntilApply(attribute: "task_definition"),
                              priceKey: "aws/ecs/\(region)/fargate/vcpu"))
            out.assume("the task definition is not in this plan")
            return out
        }
        let cpu = Self.size(def.attributes["cpu"], attribute: "task_definition.cpu", unitWord: "vcpu")
        let mem = Self.size(def.attributes["memory"], attribute: "task_definition.memory", unitWord: "gb")
        func perTask(_ q: Quantity?, divisor: Decimal) -> Quantity {
            guard let q else { return .unknownUntilApply(attribute: "task_definition") }
            guard case .value(let v) = q else { return q }
            guard case .value(let n) = tasks else { return tasks }
            return .value(v / divisor * n)
        }
        out.add(UsageLine("Per vCPU", unit: "vCPU-month", quantity: perTask(cpu, divisor: 1024), priceKey: "aws/ecs/\(region)/fargate/vcpu"))
        out.add(UsageLine("Per GB of memory", unit: "GB-month", quantity: perTask(mem, divisor: 1024), priceKey: "aws/ecs/\(region)/fargate/memory"))
        return out
    }

    /// The task definition: by reference (arn or family), by arn or family value, else the one an
    /// `aws_ecs_task_set` of this service names (the EXTERNAL deployment controller).
    func taskDefinition(_ r: Resource, _ context: PricingContext) -> Resource? {
        let a = r.attributes
        if let td = context.referenced("aws_ecs_task_definition", from: r, attribute: "task_definition") { return td }
        if let v = a["task_definition"].nonEmptyString {
            return context.find("aws_ecs_task_definition", where: "arn", equals: v) ?? context.find("aws_ecs_task_definition", where: "family", equals: v)
        }
        for set in context.resources(ofType: "aws_ecs_task_set") {
            let mine = context.referenced("aws_ecs_service", from: set, attribute: "service")?.address == r.address
                || (a["id"].nonEmptyString.map { $0 == set.attributes["service"].nonEmptyString } ?? false)
            guard mine else { continue }
            if let td = context.referenced("aws_ecs_task_definition", from: set, attribute: "task_definition")
                ?? set.attributes["task_definition"].nonEmptyString.flatMap({ context.find("aws_ecs_task_definition", where: "arn", equals: $0) }) {
                return td
            }
        }
        return nil
    }

    /// The default capacity provider strategy of the service's cluster (`aws_ecs_cluster_capacity_providers`).
    func clusterDefaults(_ r: Resource, _ context: PricingContext) -> [Value]? {
        let cluster = context.referenced("aws_ecs_cluster", from: r, attribute: "cluster")
        let name = cluster?.attributes["name"].nonEmptyString ?? r.attributes["cluster"].nonEmptyString
        // by reference first; by name only for one that refers to no cluster resource
        let all = context.resources(ofType: "aws_ecs_cluster_capacity_providers")
        if let cluster, let ccp = all.first(where: { context.referenced("aws_ecs_cluster", from: $0, attribute: "cluster_name")?.address == cluster.address }) {
            return ccp.attributes["default_capacity_provider_strategy"].array
        }
        guard let name else { return nil }
        return all.first {
            context.referenced("aws_ecs_cluster", from: $0, attribute: "cluster_name") == nil && $0.attributes["cluster_name"].nonEmptyString == name
        }?.attributes["default_capacity_provider_strategy"].array
    }

    /// A task size in CPU units or MiB: a number ("1024"), or with its unit ("1 vCPU", "2 GB"), as the ECS
    /// task definition parameters allow (1 vCPU = 1,024 units, 1 GB = 1,024 MiB).
    static func size(_ v: Value, attribute: String, unitWord: String) -> Quantity? {
        if let q = Quantities.number(v, attribute: attribute) { return q }
        guard let text = v.nonEmptyString else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[1].lowercased() == unitWord, let n = Money.parseDecimal(String(parts[0])) else { return nil }
        return .value(n * 1024)
    }
}

/// `aws_lambda_function`: requests and GB-seconds of duration, both usage; ephemeral storage above 512 MB.
struct LambdaPricer: Pricer {
    let resourceTypes = ["aws_lambda_function"]
    let attributes: Set<String> = ["memory_size", "architectures", "ephemeral_storage"]
    let usageKeys: [UsageKey] = [.monthlyRequests, .requestDurationMs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let memoryMB = a["memory_size"].decimal ?? 128
        let arch = a["architectures"].array.first?.string == "arm64" ? "arm64" : "x86_64"
        let requests = context.usage[.monthlyRequests]
        let durationMs = context.usage[.requestDurationMs]
        out.add(UsageLine("Requests", unit: "1M requests", quantity: requests.map { .value($0 / 1_000_000) } ?? .usageNotGiven,
                          priceKey: "aws/lambda/\(region)/requests", usageBased: true))
        var gbSeconds: Quantity = .usageNotGiven
        if let n = requests, let ms = durationMs { gbSeconds = .value(n * ms / 1000 * memoryMB / 1024) }
        let firstTier: Decimal = arch == "arm64" ? 7_500_000_000 : 6_000_000_000
        if let g = gbSeconds.decimal, g > firstTier {
            out.add(UsageLine("Duration (\(arch), first tier)", unit: "GB-second", quantity: .value(firstTier),
                              priceKey: "aws/lambda/\(region)/duration/\(arch)", usageBased: true))
            out.add(UsageLine("Duration (\(arch), above the first tier)", unit: "GB-second", quantity: .value(g - firstTier),
                              priceKey: "aws/lambda/\(region)/duration/\(arch)-tier2", usageBased: true))
        } else {
            out.add(UsageLine("Duration (\(arch), \(Money.plain(memoryMB)) MB)", unit: "GB-second", quantity: gbSeconds,
                              priceKey: "aws/lambda/\(region)/duration/\(arch)", usageBased: true))
        }
        if let storage = a["ephemeral_storage"].block["size"].decimal, storage > 512 {
            var q: Quantity = .usageNotGiven
            if let n = requests, let ms = durationMs { q = .value(n * ms / 1000 * (storage - 512) / 1024) }
            out.add(UsageLine("Ephemeral storage (above 512 MB)", unit: "GB-second", quantity: q,
                              priceKey: "aws/lambda/\(region)/ephemeral-storage", usageBased: true))
        }
        return out
    }
}

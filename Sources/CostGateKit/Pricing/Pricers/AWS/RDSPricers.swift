import FoundationEssentials
/// `aws_db_instance`: instance hours by engine, class and deployment; storage by type, size and IOPS;
/// RDS Extended Support for engine versions past standard support.
struct DBInstancePricer: Pricer {
    let resourceTypes = ["aws_db_instance"]
    let attributes: Set<String> = ["engine", "engine_version", "instance_class", "multi_az", "storage_type", "allocated_storage",
                                   "iops", "license_model"]
    let usageKeys: [UsageKey] = [.additionalBackupStorageGB, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let multiAZ = a["multi_az"].bool ?? false
        let deployment = multiAZ ? "multi-az" : "single-az"
        let engineValue = a["engine"]
        let klass = a["instance_class"]
        if Quantities.isUnknown(engineValue) || Quantities.isUnknown(klass) || klass.nonEmptyString == nil {
            out.add(UsageLine("Database instance", unit: "hour", quantity: .unknownUntilApply(attribute: Quantities.isUnknown(engineValue) ? "engine" : "instance_class"),
                              priceKey: "aws/rds/\(region)/instance/?"))
        } else {
            let engine = RDS.engineKey(engineValue.nonEmptyString ?? "mysql", license: a["license_model"].nonEmptyString)
            let cls = klass.nonEmptyString!
            out.add(UsageLine("Database instance (on-demand, \(multiAZ ? "Multi-AZ" : "Single-AZ"), \(cls))", unit: "hour",
                              quantity: .value(AWS.monthlyHours(context)),
                              priceKey: "aws/rds/\(region)/instance/\(cls)/\(engine)/\(deployment)"))
            out.append(RDS.extendedSupport(region: region, engine: engineValue.nonEmptyString ?? "", version: a["engine_version"],
                                           instanceClass: cls, context: context))
        }
        // storage
        let iops = a["iops"]
        var storageType = a["storage_type"].nonEmptyString
        if Quantities.isUnknown(a["storage_type"]) || storageType == nil {
            storageType = (iops.decimal ?? 0) > 0 ? "io1" : "gp2"
            out.assume("storage type not known until apply: \(storageType!), the provider's default\((iops.decimal ?? 0) > 0 ? " when iops is set" : "")")
        }
        let type = storageType!
        let size = Quantities.number(a["allocated_storage"], attribute: "allocated_storage") ?? .value(0)
        let names = ["gp2": "general purpose SSD, gp2", "gp3": "general purpose SSD, gp3", "io1": "provisioned IOPS SSD, io1",
                     "io2": "provisioned IOPS SSD, io2", "standard": "magnetic"]
        if !(engineValue.nonEmptyString ?? "").hasPrefix("aurora") {
            out.add(UsageLine("Storage (\(names[type] ?? type))", unit: "GB-month", quantity: size,
                              priceKey: "aws/rds/\(region)/storage/\(type)/\(deployment)"))
            switch type {
            case "io1", "io2":
                out.add(UsageLine("Provisioned IOPS", unit: "IOPS-month", quantity: Quantities.number(iops, attribute: "iops") ?? .value(0),
                                  priceKey: "aws/rds/\(region)/iops/\(type)/\(deployment)"))
            case "gp3":
                let baseline: Decimal = (size.decimal ?? 0) >= 400 ? 12000 : 3000
                if let i = iops.decimal, i > baseline {
                    out.add(UsageLine("Provisioned GP3 IOPS (above \(baseline == 3000 ? "3,000" : "12,000"))", unit: "IOPS-month", quantity: .value(i - baseline),
                                      priceKey: "aws/rds/\(region)/iops/gp3/\(deployment)"))
                }
            default:
                break
            }
            out.add(UsageLine("Additional backup storage", unit: "GB-month", quantity: Quantities.usage(.additionalBackupStorageGB, context),
                              priceKey: "aws/rds/\(region)/backup", usageBased: true))
        }
        return out
    }
}

/// `aws_rds_cluster` (Aurora): storage and I/O are usage; serverless v1 capacity units are usage.
struct RDSClusterPricer: Pricer {
    let resourceTypes = ["aws_rds_cluster"]
    let attributes: Set<String> = ["engine", "engine_mode", "storage_type", "engine_version"]
    let usageKeys: [UsageKey] = [.storageGB, .monthlyIORequests, .capacityUnitsPerHr, .backupStorageGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let ioOptimized = a["storage_type"].string == "aurora-iopt1"
        out.add(UsageLine(ioOptimized ? "Storage (I/O-optimized)" : "Storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                          priceKey: "aws/rds/\(region)/aurora/\(ioOptimized ? "storage-io-optimized" : "storage")", usageBased: true))
        if !ioOptimized {
            out.add(UsageLine("I/O requests", unit: "1M requests",
                              quantity: Quantities.usage(.monthlyIORequests, context, times: Decimal(string: "0.000001")!),
                              priceKey: "aws/rds/\(region)/aurora/io-requests", usageBased: true))
        }
        if a["engine_mode"].string == "serverless" {
            out.add(UsageLine("Aurora serverless (v1)", unit: "ACU-hour", quantity: Quantities.usage(.capacityUnitsPerHr, context, times: Money.hoursPerMonth),
                              priceKey: "aws/rds/\(region)/aurora/serverless-v1", usageBased: true))
        }
        out.add(UsageLine("Backup storage", unit: "GB-month", quantity: Quantities.usage(.backupStorageGB, context),
                          priceKey: "aws/rds/\(region)/aurora/backup", usageBased: true))
        return out
    }
}

/// `aws_rds_cluster_instance`: Aurora instance hours; `db.serverless` capacity as usage.
struct RDSClusterInstancePricer: Pricer {
    let resourceTypes = ["aws_rds_cluster_instance"]
    let attributes: Set<String> = ["engine", "engine_version", "instance_class"]
    let usageKeys: [UsageKey] = [.averageACU, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let klass = a["instance_class"]
        guard let cls = klass.nonEmptyString, !Quantities.isUnknown(klass) else {
            out.add(UsageLine("Database instance", unit: "hour", quantity: .unknownUntilApply(attribute: "instance_class"),
                              priceKey: "aws/rds/\(region)/instance/?"))
            return out
        }
        var engine = a["engine"].nonEmptyString ?? "aurora-mysql"
        if engine == "aurora" { engine = "aurora-mysql" }
        if cls == "db.serverless" {
            out.add(UsageLine("Aurora serverless v2", unit: "ACU-hour", quantity: Quantities.usage(.averageACU, context, times: Money.hoursPerMonth),
                              priceKey: "aws/rds/\(region)/aurora/serverless-v2", usageBased: true))
            return out
        }
        out.add(UsageLine("Database instance (on-demand, \(cls))", unit: "hour", quantity: .value(AWS.monthlyHours(context)),
                          priceKey: "aws/rds/\(region)/instance/\(cls)/\(engine)/single-az"))
        out.append(RDS.extendedSupport(region: region, engine: engine, version: a["engine_version"], instanceClass: cls, context: context))
        return out
    }
}

enum RDS {
    /// Terraform engine → price-book engine (licence-included or BYOL for commercial engines).
    static func engineKey(_ engine: String, license: String?) -> String {
        if engine.hasPrefix("sqlserver") { return engine + "-li" }
        if engine.hasPrefix("oracle") { return engine + (license == "bring-your-own-license" ? "-byol" : "-li") }
        if engine == "aurora" { return "aurora-mysql" }
        return engine
    }

    /// End of RDS standard support by engine family and major version (AWS release calendars).
    static let standardSupportEnds: [String: [String: String]] = [
        "mysql": ["5.7": "2024-02-29", "8.0": "2026-07-31"],
        "postgres": ["11": "2024-02-29", "12": "2025-02-28", "13": "2026-02-28", "14": "2027-02-28"],
        "aurora-mysql": ["5.7": "2024-10-31", "2": "2024-10-31"],
        "aurora-postgresql": ["11": "2024-02-29", "12": "2025-02-28", "13": "2026-02-28"],
    ]

    static func majorVersion(engine: String, version: String) -> String {
        let parts = version.split(separator: ".")
        if engine == "mysql" || engine == "aurora-mysql" {
            if engine == "aurora-mysql", version.contains("mysql_aurora.2") || parts.first == "2" { return "2" }
            return parts.prefix(2).joined(separator: ".")
        }
        return parts.first.map(String.init) ?? version
    }

    static func extendedSupport(region: String, engine: String, version: Value, instanceClass: String,
                                context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        guard let v = version.nonEmptyString, let family = ["mysql": "mysql", "postgres": "postgres", "aurora-mysql": "aurora-mysql",
                                                             "aurora-postgresql": "aurora-postgresql"][engine] else { return out }
        let major = majorVersion(engine: engine, version: v)
        guard let end = standardSupportEnds[family]?[major], end < context.asOf else { return out }
        guard let vcpus = vCPUs(instanceClass) else {
            out.assume("\(engine) \(major) is past standard support (\(end)) but the vCPU count of \(instanceClass) is unknown: Extended Support not counted")
            return out
        }
        out.add(UsageLine("Extended support (\(engine) \(major), standard support ended \(end), \(vcpus) vCPU)", unit: "vCPU-hour",
                          quantity: .value(vcpus * AWS.monthlyHours(context)),
                          priceKey: "aws/rds/\(region)/extended-support/\(family)/year1"))
        out.assume("RDS Extended Support priced at the year 1 rate, the only Extended Support rate in the price book; AWS charges more from year 3")
        return out
    }

    /// vCPUs of a DB instance class (AWS instance specifications: T sizes up to large have 2; medium 1 on other
    /// families; large 2; xlarge 4; Nxlarge 4N).
    static func vCPUs(_ instanceClass: String) -> Decimal? {
        let parts = instanceClass.split(separator: ".")
        guard parts.count == 3, parts[0] == "db" else { return nil }
        let family = parts[1], size = String(parts[2])
        if family.hasPrefix("t") {
            if ["micro", "small", "medium", "large"].contains(size) { return 2 }
        }
        switch size {
        case "medium": return 1
        case "large": return 2
        case "xlarge": return 4
        default:
            // checked: `db.m5.2305843009213693952xlarge` is no instance class (the largest has a few hundred vCPUs)
            if size.hasSuffix("xlarge"), let n = Int(size.dropLast(6)), n > 0, n <= 10_000 { return Decimal(n * 4) }
            return nil
        }
    }
}

import FoundationEssentials
/// Usage keys the AWS pricers of this file set read under Infracost's names.
enum AWSOldKeys {
    static let monthlyAdditionalPerformanceInsightsRequests = UsageKey("monthly_additional_performance_insights_requests", unit: "requests",
                                                                       "Performance Insights API requests a month beyond the free tier")
    static let vcpuCount = UsageKey("vcpu_count", unit: "vCPUs", "vCPUs of the instance (when costgate does not know the class)")
    static let writeRequestsPerSec = UsageKey("write_requests_per_sec", unit: "requests/s", "average write I/O requests a second")
    static let readRequestsPerSec = UsageKey("read_requests_per_sec", unit: "requests/s", "average read I/O requests a second")
    static let backupSnapshotSizeGB = UsageKey("backup_snapshot_size_gb", unit: "GB", "size of one backup snapshot")
    static let averageStatementsPerHr = UsageKey("average_statements_per_hr", unit: "statements", "write statements an hour (Backtrack)")
    static let changeRecordsPerStatement = UsageKey("change_records_per_statement", unit: "records", "change records each statement makes")
    static let backtrackWindowHrs = UsageKey("backtrack_window_hrs", unit: "hours", "the Backtrack window")
    static let snapshotExportSizeGB = UsageKey("snapshot_export_size_gb", unit: "GB", "snapshot data exported to S3 a month")
}

/// `aws_db_instance`: instance hours by engine, class and deployment; storage by type, size and IOPS;
/// RDS Extended Support for engine versions past standard support; Performance Insights; T-class CPU credits.
struct DBInstancePricer: Pricer {
    let resourceTypes = ["aws_db_instance"]
    let attributes: Set<String> = ["engine", "engine_version", "instance_class", "multi_az", "storage_type", "allocated_storage",
                                   "iops", "license_model", "replicate_source_db", "performance_insights_enabled",
                                   "performance_insights_retention_period"]
    let usageKeys: [UsageKey] = [.additionalBackupStorageGB, .monthlyHrs, .monthlyCPUCreditHrs, AWSOldKeys.vcpuCount,
                                 AWSOldKeys.monthlyAdditionalPerformanceInsightsRequests]
    let relatedAttributes: [String: Set<String>] = ["aws_db_instance": ["engine", "allocated_storage", "storage_type", "iops", "id", "identifier"]]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        var a = r.attributes
        var out = PricedUsage()
        // A read replica without its own settings has its source's engine and storage (RDS creates it so).
        if !a["replicate_source_db"].isNull,
           let source = context.referenced("aws_db_instance", from: r, attribute: "replicate_source_db")
            ?? a["replicate_source_db"].nonEmptyString.flatMap({ context.find("aws_db_instance", where: "identifier", equals: $0) }) {
            var members = a.objectMembers
            for k in ["engine", "allocated_storage", "storage_type", "iops"] where a[k].isNull && !source.attributes[k].isNull {
                members[k] = source.attributes[k]
            }
            a = .object(members)
            out.assume("read replica: engine and storage as its source \(source.address)")
        }
        let multiAZ = a["multi_az"].bool ?? false
        let deployment = multiAZ ? "multi-az" : "single-az"
        let engineValue = a["engine"]
        let engineName = engineValue.nonEmptyString ?? "mysql"
        let aurora = engineName.hasPrefix("aurora")
        let klass = a["instance_class"]
        if Quantities.isUnknown(engineValue) || Quantities.isUnknown(klass) || klass.nonEmptyString == nil {
            out.add(UsageLine("Database instance", unit: "hour", quantity: .unknownUntilApply(attribute: Quantities.isUnknown(engineValue) ? "engine" : "instance_class"),
                              priceKey: "aws/rds/\(region)/instance/?"))
        } else {
            let engine = RDS.engineKey(engineName, license: a["license_model"].nonEmptyString)
            let cls = klass.nonEmptyString!
            out.add(UsageLine("Database instance (on-demand, \(multiAZ ? "Multi-AZ" : "Single-AZ"), \(cls))", unit: "hour",
                              quantity: .value(AWS.monthlyHours(context)),
                              priceKey: "aws/rds/\(region)/instance/\(cls)/\(engine)/\(deployment)"))
            out.append(RDS.extendedSupport(r, region: region, engine: engineName, version: a["engine_version"],
                                           instanceClass: cls, context: context))
            out.append(RDS.performanceInsights(r, region: region, instanceClass: cls, context: context))
            out.append(RDS.cpuCredits(r, region: region, instanceClass: cls, context: context))
        }
        if aurora {
            // AWS bills Aurora storage, I/O and backups per cluster volume (aws_rds_cluster), not per instance.
            out.assume("Aurora engine: storage, I/O and backups are billed by the cluster (aws_rds_cluster), not by the instance")
            return out
        }
        out.append(storage(a, engine: engineName, region: region, deployment: deployment, context: context))
        return out
    }

    /// Storage by type: RDS's minimum sizes and IOPS for Provisioned IOPS storage (RDS User Guide, "Amazon RDS DB
    /// instance storage": io1/io2 100 GiB and 1,000 IOPS at least, SQL Server 20 GiB; General Purpose 20 GiB at least).
    func storage(_ a: Value, engine: String, region: String, deployment: String, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let iops = a["iops"]
        var storageType = a["storage_type"].nonEmptyString
        if Quantities.isUnknown(a["storage_type"]) || storageType == nil {
            storageType = (iops.decimal ?? 0) > 0 ? "io1" : "gp2"
            out.assume("storage type not known until apply: \(storageType!), the provider's default\((iops.decimal ?? 0) > 0 ? " when iops is set" : "")")
        }
        let type = storageType!
        var size: Quantity
        if a["allocated_storage"].isNull {
            size = .value(20)
            out.assume("allocated_storage not set: 20 GB, the smallest RDS allocation")
        } else {
            size = Quantities.number(a["allocated_storage"], attribute: "allocated_storage") ?? .value(20)
        }
        let provisioned = type == "io1" || type == "io2"
        if provisioned {
            let minimum: Decimal = engine.hasPrefix("sqlserver") ? 20 : 100
            if let s = size.decimal, s < minimum {
                size = .value(minimum)
                out.assume("\(type) storage below the RDS minimum: \(Money.plain(minimum)) GB billed")
            }
        }
        let names = ["gp2": "general purpose SSD, gp2", "gp3": "general purpose SSD, gp3", "io1": "provisioned IOPS SSD, io1",
                     "io2": "provisioned IOPS SSD, io2", "standard": "magnetic"]
        out.add(UsageLine("Storage (\(names[type] ?? type))", unit: "GB-month", quantity: size,
                          priceKey: "aws/rds/\(region)/storage/\(type)/\(deployment)"))
        switch type {
        case "io1", "io2":
            var q = Quantities.number(iops, attribute: "iops") ?? .value(1000)
            if let i = q.decimal, i < 1000 {
                q = .value(1000)
                out.assume("\(type) IOPS \(iops.isNull ? "not set" : "below the RDS minimum"): 1,000 IOPS billed")
            }
            out.add(UsageLine("Provisioned IOPS", unit: "IOPS-month", quantity: q, priceKey: "aws/rds/\(region)/iops/\(type)/\(deployment)"))
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
        return out
    }
}

/// `aws_rds_cluster` (Aurora): serverless v1 capacity, storage, I/O, backups beyond the free allowance, Backtrack
/// and snapshot export, all usage.
struct RDSClusterPricer: Pricer {
    let resourceTypes = ["aws_rds_cluster"]
    let attributes: Set<String> = ["engine", "engine_mode", "storage_type", "engine_version", "backup_retention_period"]
    let usageKeys: [UsageKey] = [.storageGB, AWSOldKeys.writeRequestsPerSec, AWSOldKeys.readRequestsPerSec, .monthlyIORequests, .capacityUnitsPerHr, .backupStorageGB,
                                 AWSOldKeys.backupSnapshotSizeGB, AWSOldKeys.averageStatementsPerHr, AWSOldKeys.changeRecordsPerStatement,
                                 AWSOldKeys.backtrackWindowHrs, AWSOldKeys.snapshotExportSizeGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        let u = context.usage
        var out = PricedUsage()
        let engine = a["engine"].nonEmptyString ?? "aurora-mysql"
        let serverless = a["engine_mode"].string == "serverless"
        let ioOptimized = a["storage_type"].string == "aurora-iopt1"
        if serverless {
            out.add(UsageLine("Aurora serverless", unit: "ACU-hour", quantity: Quantities.usage(.capacityUnitsPerHr, context, times: AWS.monthlyHours(context)),
                              priceKey: "aws/rds/\(region)/aurora/serverless-v1", usageBased: true))
        }
        out.add(UsageLine(ioOptimized ? "Storage (I/O-optimized)" : "Storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                          priceKey: "aws/rds/\(region)/aurora/\(ioOptimized ? "storage-io-optimized" : "storage")", usageBased: true))
        if !ioOptimized {
            // Infracost's keys: average read and write requests a second; monthly_io_requests is costgate's older key.
            var io: Quantity = Quantities.usage(.monthlyIORequests, context, times: Decimal(string: "0.000001")!)
            if u[AWSOldKeys.writeRequestsPerSec] != nil || u[AWSOldKeys.readRequestsPerSec] != nil {
                let perSec = (u[AWSOldKeys.writeRequestsPerSec] ?? 0) + (u[AWSOldKeys.readRequestsPerSec] ?? 0)
                io = .value(perSec * AWS.monthlyHours(context) * 3600 / 1_000_000)
            }
            out.add(UsageLine("I/O requests", unit: "1M requests", quantity: io, priceKey: "aws/rds/\(region)/aurora/io-requests", usageBased: true))
        }
        // Backups beyond the free allowance (100% of the cluster's storage, Aurora pricing): snapshots × retention days − storage.
        var backup: Quantity = Quantities.usage(.backupStorageGB, context)
        if let snapshot = u[AWSOldKeys.backupSnapshotSizeGB] {
            let days = a["backup_retention_period"].decimal ?? 1
            backup = .value(max(0, snapshot * days - (u[.storageGB] ?? 0)))
        }
        out.add(UsageLine("Backup storage", unit: "GB-month", quantity: backup, priceKey: "aws/rds/\(region)/aurora/backup", usageBased: true))
        // Backtrack exists for Aurora MySQL provisioned clusters only.
        let backtrackGiven = [AWSOldKeys.averageStatementsPerHr, AWSOldKeys.changeRecordsPerStatement, AWSOldKeys.backtrackWindowHrs].contains { u[$0] != nil }
        if (engine == "aurora-mysql" || engine == "aurora") && !serverless && backtrackGiven {
            var changes: Quantity = .usageNotGiven
            if let st = u[AWSOldKeys.averageStatementsPerHr], let per = u[AWSOldKeys.changeRecordsPerStatement], let window = u[AWSOldKeys.backtrackWindowHrs] {
                changes = .value(st * per * window * AWS.monthlyHours(context) / 1_000_000)
            }
            out.add(UsageLine("Backtrack", unit: "1M change-records", quantity: changes,
                              priceKey: AWS.key(r, region, "Backtrack", "1M change-records"), usageBased: true))
        }
        if u[AWSOldKeys.snapshotExportSizeGB] != nil {
            out.add(UsageLine("Snapshot export", unit: "GB", quantity: Quantities.usage(AWSOldKeys.snapshotExportSizeGB, context),
                              priceKey: AWS.key(r, region, "Snapshot export", "GB"), usageBased: true))
        }
        return out
    }
}

/// `aws_rds_cluster_instance`: Aurora instance hours; `db.serverless` capacity as usage; Extended Support;
/// Performance Insights; T-class CPU credits.
struct RDSClusterInstancePricer: Pricer {
    let resourceTypes = ["aws_rds_cluster_instance"]
    let attributes: Set<String> = ["engine", "engine_version", "instance_class", "performance_insights_enabled",
                                   "performance_insights_retention_period"]
    let usageKeys: [UsageKey] = [.capacityUnitsPerHr, .averageACU, .monthlyHrs, .monthlyCPUCreditHrs, AWSOldKeys.vcpuCount,
                                 AWSOldKeys.monthlyAdditionalPerformanceInsightsRequests]

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
            // Infracost's key is capacity_units_per_hr; average_acu is costgate's older name for the same value.
            let acu = context.usage[.capacityUnitsPerHr] ?? context.usage[.averageACU]
            out.add(UsageLine("Aurora serverless v2", unit: "ACU-hour", quantity: acu.map { .value($0 * AWS.monthlyHours(context)) } ?? .usageNotGiven,
                              priceKey: "aws/rds/\(region)/aurora/serverless-v2", usageBased: true))
            out.append(RDS.performanceInsights(r, region: region, instanceClass: cls, context: context, serverlessACUs: acu))
            return out
        }
        out.add(UsageLine("Database instance (on-demand, \(cls))", unit: "hour", quantity: .value(AWS.monthlyHours(context)),
                          priceKey: "aws/rds/\(region)/instance/\(cls)/\(engine)/single-az"))
        out.append(RDS.extendedSupport(r, region: region, engine: engine, version: a["engine_version"], instanceClass: cls, context: context))
        out.append(RDS.performanceInsights(r, region: region, instanceClass: cls, context: context))
        out.append(RDS.cpuCredits(r, region: region, instanceClass: cls, context: context))
        return out
    }
}

enum RDS {
    /// Terraform engine → price-book engine (licence-included or BYOL for commercial engines). RDS offers
    /// Oracle Enterprise Edition and the legacy Standard Edition only with your own licence; SE1 and SE2 default
    /// to licence included.
    static func engineKey(_ engine: String, license: String?) -> String {
        if engine.hasPrefix("sqlserver") { return engine + "-li" }
        if engine.hasPrefix("oracle") {
            let byolOnly = engine.hasPrefix("oracle-ee") || engine == "oracle-se"
            let byol = license.map { $0 == "bring-your-own-license" } ?? byolOnly
            return engine + (byol ? "-byol" : "-li")
        }
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

    /// RDS Extended Support (MySQL, PostgreSQL, Aurora MySQL, Aurora PostgreSQL) per vCPU-hour once standard
    /// support ends, at the year 1 rate.
    static func extendedSupport(_ r: Resource, region: String, engine: String, version: Value, instanceClass: String,
                                context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let family = engine == "aurora" ? "aurora-mysql" : engine
        guard let v = version.nonEmptyString, standardSupportEnds[family] != nil else { return out }
        let major = majorVersion(engine: family, version: v)
        guard let end = standardSupportEnds[family]?[major], end < context.asOf else { return out }
        guard let vcpus = context.usage[AWSOldKeys.vcpuCount] ?? vCPUs(instanceClass) else {
            out.assume("\(family) \(major) is past standard support (\(end)) but the vCPU count of \(instanceClass) is unknown: Extended Support not counted (set vcpu_count)")
            return out
        }
        // MySQL's rate has its own key in every book; the other engines' come from the golden facts
        let priceKey = family == "mysql" ? "aws/rds/\(region)/extended-support/mysql/year1" : AWS.key(r, region, "Extended support (year 1)", "vCPU-hours")
        out.add(UsageLine("Extended support (year 1)", unit: family == "mysql" ? "vCPU-hour" : "vCPU-hours",
                          quantity: .value(vcpus * AWS.monthlyHours(context)), priceKey: priceKey))
        out.assume("\(family) \(major): standard support ended \(end); RDS Extended Support priced at the year 1 rate, the only one in the price book (AWS charges more from year 3)")
        return out
    }

    /// Performance Insights: retention beyond the free 7 days per vCPU-month (per ACU for Serverless v2), and
    /// API requests beyond the free tier as usage (AWS Performance Insights pricing).
    static func performanceInsights(_ r: Resource, region: String, instanceClass: String, context: PricingContext,
                                    serverlessACUs: Decimal? = nil) -> PricedUsage {
        var out = PricedUsage()
        let a = r.attributes
        guard a["performance_insights_enabled"].bool == true else { return out }
        if (a["performance_insights_retention_period"].decimal ?? 7) > 7 {
            if instanceClass == "db.serverless" {
                out.add(UsageLine("Performance Insights Long Term Retention (serverless)", unit: "ACUs",
                                  quantity: serverlessACUs.map { .value($0) } ?? .usageNotGiven,
                                  priceKey: AWS.key(r, region, "Performance Insights Long Term Retention (serverless)", "ACUs"), usageBased: true))
            } else if let vcpus = context.usage[AWSOldKeys.vcpuCount] ?? vCPUs(instanceClass) {
                out.add(UsageLine("Performance Insights Long Term Retention (\(instanceClass))", unit: "vCPU-month", quantity: .value(vcpus),
                                  priceKey: AWS.key(r, region, "Performance Insights Long Term Retention (\(instanceClass))", "vCPU-month")))
            } else {
                out.assume("Performance Insights long-term retention: the vCPU count of \(instanceClass) is unknown (set vcpu_count)")
            }
        }
        // usage-only lines appear when the usage file gives their quantity
        guard context.usage[AWSOldKeys.monthlyAdditionalPerformanceInsightsRequests] != nil else { return out }
        out.add(UsageLine("Performance Insights API", unit: "1000 requests",
                          quantity: Quantities.usage(AWSOldKeys.monthlyAdditionalPerformanceInsightsRequests, context, times: Decimal(string: "0.001")!),
                          priceKey: AWS.key(r, region, "Performance Insights API", "1000 requests"), usageBased: true))
        return out
    }

    /// T-class DB instances run in unlimited mode on RDS: surplus CPU credits per vCPU-hour, as usage
    /// (`monthly_cpu_credit_hrs` per vCPU), when the usage file gives it.
    static func cpuCredits(_ r: Resource, region: String, instanceClass: String, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let parts = instanceClass.split(separator: ".")
        guard parts.count == 3, ["t3", "t4g"].contains(String(parts[1])) else { return out }
        guard let hrs = context.usage[.monthlyCPUCreditHrs], let vcpus = context.usage[AWSOldKeys.vcpuCount] ?? vCPUs(instanceClass) else { return out }
        let q: Quantity = .value(hrs * vcpus)
        out.add(UsageLine("CPU credits", unit: "vCPU-hours", quantity: q, priceKey: AWS.key(r, region, "CPU credits", "vCPU-hours"), usageBased: true))
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

import FoundationEssentials

enum AWSElasticBeanstalkPricer {
    static let logsStoredGB = UsageKey("cloudwatch.storage_gb", unit: "GB", "GB of streamed logs held in CloudWatch")
    static let logsIngestedGB = UsageKey("cloudwatch.monthly_data_ingested_gb", unit: "GB", "GB of logs a month streamed to CloudWatch")
    static let logsScannedGB = UsageKey("cloudwatch.monthly_data_scanned_gb", unit: "GB", "GB a month scanned by CloudWatch Logs Insights")
    static let elbProcessedGB = UsageKey("elb.monthly_data_processed_gb", unit: "GB", "GB a month processed by the classic load balancer")
    static let lbNewConnections = UsageKey("lb.new_connections", unit: "connections/s", "new connections a second to the load balancer, on average")
    static let lbActiveConnections = UsageKey("lb.active_connections", unit: "connections/min", "active connections a minute, on average")
    static let lbProcessedGB = UsageKey("lb.processed_bytes_gb", unit: "GB", "GB processed by the load balancer")
    static let lbRuleEvaluations = UsageKey("lb.rule_evaluations", unit: "evaluations/s", "rule evaluations a second (application load balancers)")
    static let dbBackupGB = UsageKey("db.additional_backup_storage_gb", unit: "GB", "database backup storage beyond 100% of its storage")

    /// `aws_elastic_beanstalk_environment`: what its settings launch — instances (MinSize of them) with their root
    /// volumes, the load balancer, an RDS instance (DBInstanceClass) and streamed CloudWatch logs — each priced as
    /// the nested resource Infracost names (`aws_launch_configuration > …`).
    static let pricer = ComponentPricer(["aws_elastic_beanstalk_environment"], attributes: ["setting"],
                                        usage: [.monthlyHrs, logsStoredGB, logsIngestedGB, logsScannedGB, elbProcessedGB, lbNewConnections,
                                                lbActiveConnections, lbProcessedGB, lbRuleEvaluations, dbBackupGB]) { c in
        var settings: [String: String] = [:]
        var unknown: [String] = []
        for s in c.resource.attributes["setting"].array {
            guard let name = s["name"].string else { continue }
            let v = s["value"]
            if Quantities.isUnknown(v) { unknown.append(name); continue }
            settings[name] = v.string ?? v.decimal.map { "\($0)" } ?? v.bool.map { "\($0)" }
        }
        instances(&c, settings, unknown)
        loadBalancer(&c, settings)
        database(&c, settings)
        if let stream = settings["StreamLogs"], stream.lowercased() != "false" {
            c.usage("aws_cloudwatch_log_group > Data ingested", unit: "GB", logsIngestedGB)
            c.usage("aws_cloudwatch_log_group > Archival Storage", unit: "GB", logsStoredGB)
            c.usage("aws_cloudwatch_log_group > Insights queries data scanned", unit: "GB", logsScannedGB)
        }
    }

    static func instances(_ c: inout Components, _ s: [String: String], _ unknown: [String]) {
        let p = "aws_launch_configuration > "
        let count = Decimal(string: s["MinSize"] ?? "1") ?? 1
        if unknown.contains("InstanceTypes") || unknown.contains("InstanceType") {
            c.line("\(p)Instance usage", unit: "hour", quantity: .unknownUntilApply(attribute: "setting"))
        } else if let type = (s["InstanceTypes"] ?? s["InstanceType"])?.split(separator: ",").first.map({ String($0.filter { $0 != " " }) }) {
            c.hours("\(p)Instance usage (Linux/UNIX, on-demand, \(type))", count: .value(count))
        } else {
            c.line("\(p)Instance usage", unit: "hour", quantity: .notDeclared(reason: "no InstanceTypes setting: Elastic Beanstalk's default type"))
        }
        // the root volume of each instance: gp2, 8 GB unless the settings say otherwise
        let v = "\(p)aws_ebs_volume > "
        let type = s["RootVolumeType"] ?? "gp2"
        let size = Decimal(string: s["RootVolumeSize"] ?? "8") ?? 8
        let label = ["gp2": "general purpose SSD, gp2", "gp3": "general purpose SSD, gp3", "io1": "provisioned IOPS SSD, io1",
                     "standard": "magnetic"][type] ?? type
        c.monthly("\(v)Storage (\(label))", count: .value(size * count), unit: "GB")
        if type == "io1", let iops = s["RootVolumeIOPS"].flatMap({ Decimal(string: $0) }) {
            c.monthly("\(v)Provisioned IOPS", count: .value(iops * count), unit: "IOPS")
        }
    }

    static func loadBalancer(_ c: inout Components, _ s: [String: String]) {
        let kind = (s["LoadBalancerType"] ?? "").lowercased()
        if kind == "classic" {
            c.hours("aws_elb > Classic load balancer")
            c.usage("aws_elb > Data processed", unit: "GB", elbProcessedGB)
            return
        }
        if kind.isEmpty { c.assume("no LoadBalancerType setting: a network load balancer assumed (as Infracost does)") }
        let application = kind == "application"
        let p = "aws_loadbalancer > "
        c.hours(application ? "\(p)Application load balancer" : "\(p)Network load balancer")
        // capacity units: the largest of the dimensions (new and active connections, GB processed, rule evaluations)
        let u = c.context.usage
        var lcu: Decimal?
        for (key, per) in [(lbNewConnections, Decimal(100)), (lbActiveConnections, 3000), (lbProcessedGB, 1)] {
            if let v = u[key] { lcu = max(lcu ?? 0, v / per) }
        }
        if application, let rules = u[lbRuleEvaluations], let current = lcu { lcu = max(current, rules / 1000) }
        let unit = "LCU-month (LCU averaged over 730 h)"
        // an application load balancer's capacity units are another product than a network one's
        let key = application ? "\(p)Load balancer capacity units (application)" : "\(p)Load balancer capacity units"
        c.line("\(p)Load balancer capacity units", unit: unit, quantity: lcu.map { .value($0 / Money.hoursPerMonth) } ?? .usageNotGiven,
               keyName: key, usageBased: true)
    }

    static func database(_ c: inout Components, _ s: [String: String]) {
        guard let cls = s["DBInstanceClass"] else { return }
        let p = "aws_db_instance > "
        let az = s["MultiAZDatabase"]?.lowercased() == "true" ? "Multi-AZ" : "Single-AZ"
        // the facts price the default engine; another engine names its own price
        let engine = s["DBEngine"]?.lowercased() ?? "mysql"
        let suffix = engine == "mysql" ? "" : " (\(engine))"
        c.hours("\(p)Database instance (on-demand, \(az), \(cls))", keyName: "\(p)Database instance (on-demand, \(az), \(cls))\(suffix)")
        let storageName = "\(p)Storage (general purpose SSD, gp2)"
        let storageKey = az == "Multi-AZ" ? storageName : "\(storageName) (Single-AZ)"
        if let gb = s["DBAllocatedStorage"].flatMap({ Decimal(string: $0) }) {
            c.line(storageName, unit: "GB", quantity: .value(gb), keyName: storageKey)
        } else {
            c.line(storageName, unit: "GB", quantity: .notDeclared(reason: "no DBAllocatedStorage setting"), keyName: storageKey)
        }
        c.usage("\(p)Additional backup storage", unit: "GB", dbBackupGB)
    }
}

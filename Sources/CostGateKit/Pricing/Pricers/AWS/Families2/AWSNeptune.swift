import FoundationEssentials
enum AWSNeptuneFamily {
    static let pricers: [any Pricer] = [cluster, instance, snapshot]

    /// `aws_neptune_cluster`: storage GB and I/O requests (usage); backup storage when backups are kept more than a day.
    static let cluster = ComponentPricer(["aws_neptune_cluster"], attributes: ["backup_retention_period"],
                                         usage: [.storageGB, .monthlyIORequests, .backupStorageGB]) { c in
        c.usage("Storage", unit: "GB", .storageGB)
        c.usage("I/O requests", unit: "1M request", .monthlyIORequests, times: Decimal(1) / 1_000_000)
        if let days = c.resource.attributes["backup_retention_period"].decimal, days > 1 {
            c.usage("Backup storage", unit: "GB", .backupStorageGB)
        }
    }

    /// `aws_neptune_cluster_instance`: instance-hours of the instance class (the price depends on whether the
    /// cluster's storage is I/O-optimized); T3 instances also bill CPU credits (usage `monthly_cpu_credit_hrs`, taken per hour as Infracost does).
    static let instance = ComponentPricer(["aws_neptune_cluster_instance"], attributes: ["instance_class", "cluster_identifier"],
                                          usage: [.monthlyHrs, .monthlyCPUCreditHrs],
                                          related: ["aws_neptune_cluster": ["storage_type", "cluster_identifier"]]) { c in
        let a = c.resource.attributes
        guard let cls = a["instance_class"].nonEmptyString, !Quantities.isUnknown(a["instance_class"]) else {
            c.line("Database instance", unit: "hour", quantity: .unknownUntilApply(attribute: "instance_class"))
            return
        }
        var cluster = c.context.referenced("aws_neptune_cluster", from: c.resource, attribute: "cluster_identifier")
        if cluster == nil, let id = a["cluster_identifier"].nonEmptyString {
            cluster = c.context.find("aws_neptune_cluster", where: "cluster_identifier", equals: id)
        }
        if cluster == nil { c.assume("cluster not in this run: standard (not I/O-optimized) storage assumed") }
        let storage = cluster?.attributes["storage_type"].nonEmptyString == "iopt1" ? "iopt1" : "standard"
        c.keyed("Database instance (on-demand, \(cls))", unit: "hour",
                quantity: Quantities.scaled(.value(1), by: Quantities.monthlyHours(c.context)), suffix: "storage=\(storage)")
        if cls.lowercased().hasPrefix("db.t3.") {
            c.usage("CPU credits", unit: "vCPU-hours", .monthlyCPUCreditHrs, times: Quantities.monthlyHours(c.context))   // Infracost bills the value per hour
        }
    }

    /// `aws_neptune_cluster_snapshot`: backup GB (usage); none for a cluster of this run that keeps backups a day or less.
    static let snapshot = ComponentPricer(["aws_neptune_cluster_snapshot"], attributes: ["db_cluster_identifier"], usage: [.backupStorageGB],
                                          related: ["aws_neptune_cluster": ["backup_retention_period"]]) { c in
        if let cluster = c.context.referenced("aws_neptune_cluster", from: c.resource, attribute: "db_cluster_identifier") {
            let days = cluster.attributes["backup_retention_period"].decimal ?? 1
            if days <= 1 {
                c.assume("the cluster keeps backups a day or less: its snapshot storage is free")
                return
            }
        }
        c.usage("Backup storage", unit: "GB", .backupStorageGB)
    }
}

import FoundationEssentials

enum AWSDocumentDBPricers {
    static let dataStorageGB = UsageKey("data_storage_gb", unit: "GB", "GB of data stored")
    static let monthlyIORequests = UsageKey("monthly_io_requests", unit: "requests", "storage I/O requests a month")
    static let monthlyCPUCreditHrs = UsageKey("monthly_cpu_credit_hrs", unit: "vCPU-hours", "CPU credits a month beyond the baseline")

    /// `aws_docdb_cluster_instance`: the instance by the hour (on demand), storage and I/O requests (usage), and
    /// CPU credits for T3 instances (usage).
    static let instance = ComponentPricer(["aws_docdb_cluster_instance"], attributes: ["instance_class"],
                                          usage: [.monthlyHrs, dataStorageGB, monthlyIORequests, monthlyCPUCreditHrs]) { c in
        guard let cls = c.awsaString("instance_class") else {
            c.line("Database instance", unit: "hour", quantity: .unknownUntilApply(attribute: "instance_class"))
            return
        }
        c.hours("Database instance (on-demand, \(cls))")
        c.usage("Storage", unit: "GB", dataStorageGB)
        c.usage("I/O requests", unit: "1M requests", monthlyIORequests, times: 1 / Decimal(1_000_000))
        if cls.hasPrefix("db.t3.") {
            c.usage("CPU credits", unit: "vCPU-hours", monthlyCPUCreditHrs)
        }
    }

    /// `aws_docdb_cluster`, `aws_docdb_cluster_snapshot`: backup storage (usage).
    static let backup = ComponentPricer(["aws_docdb_cluster", "aws_docdb_cluster_snapshot"], usage: [AWSAKeys.backupStorageGB]) { c in
        c.usage("Backup storage", unit: "GB", AWSAKeys.backupStorageGB)
    }
}

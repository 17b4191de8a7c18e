import FoundationEssentials
/// Usage keys of FSx for Windows and S3 bucket add-ons (Infracost's names).
enum AWSStorageExtrasKeys {
    static let monitoredObjects = UsageKey("monthly_monitored_objects", unit: "objects", "objects storage class analysis monitors a month")
    static let listedObjects = UsageKey("monthly_listed_objects", unit: "objects", "objects an inventory lists a month")
}

enum AWSStorageExtrasFamily {
    static let pricers: [any Pricer] = [fsxWindows, s3Analytics, s3Inventory]

    /// `aws_fsx_windows_file_system`: throughput capacity (MBps), storage capacity (GB, SSD or HDD) and backup GB
    /// (usage); prices differ for single- and multi-AZ deployments.
    static let fsxWindows = ComponentPricer(["aws_fsx_windows_file_system"],
                                            attributes: ["throughput_capacity", "storage_capacity", "storage_type", "deployment_type"],
                                            usage: [.backupStorageGB]) { c in
        let a = c.resource.attributes
        let deployment = "deployment=\((a["deployment_type"].nonEmptyString ?? "SINGLE_AZ_1").contains("MULTI_AZ") ? "multi-az" : "single-az")"
        let hdd = a["storage_type"].nonEmptyString?.uppercased() == "HDD"
        c.keyed("Throughput capacity", unit: "MBps", quantity: c.number("throughput_capacity") ?? .unknownUntilApply(attribute: "throughput_capacity"),
                suffix: deployment)
        c.keyed(hdd ? "HDD storage" : "SSD storage", unit: "GB",
                quantity: c.number("storage_capacity") ?? .unknownUntilApply(attribute: "storage_capacity"), suffix: deployment)
        c.keyed("Backup storage", unit: "GB", quantity: Quantities.usage(.backupStorageGB, c.context), suffix: deployment, usageBased: true)
    }

    /// `aws_s3_bucket_analytics_configuration`: objects monitored by storage class analysis, per million (usage).
    static let s3Analytics = ComponentPricer(["aws_s3_bucket_analytics_configuration"], usage: [AWSStorageExtrasKeys.monitoredObjects]) { c in
        c.usage("Objects monitored", unit: "1M objects", AWSStorageExtrasKeys.monitoredObjects, times: Decimal(1) / 1_000_000)
    }

    /// `aws_s3_bucket_inventory`: objects listed by the inventory, per million (usage).
    static let s3Inventory = ComponentPricer(["aws_s3_bucket_inventory"], usage: [AWSStorageExtrasKeys.listedObjects]) { c in
        c.usage("Objects listed", unit: "1M objects", AWSStorageExtrasKeys.listedObjects, times: Decimal(1) / 1_000_000)
    }
}

import FoundationEssentials

enum AWSFSxOpenZFSPricer {
    static let compressionSavingsPercent = UsageKey("compression_savings_percent", unit: "%", "storage saved by data compression (default 50)")

    /// `aws_fsx_openzfs_file_system`: throughput capacity, IOPS provisioned beyond 3 per GB, SSD storage (less the
    /// compression savings when compression is on) and backup storage (usage).
    static let pricer = ComponentPricer(["aws_fsx_openzfs_file_system"],
                                        attributes: ["deployment_type", "throughput_capacity", "storage_capacity", "disk_iops_configuration", "root_volume_configuration"],
                                        usage: [AWSAKeys.backupStorageGB, compressionSavingsPercent]) { c in
        // the facts price single-AZ file systems; a multi-AZ one names its own (absent) prices
        let multiAZ = c.awsaString("deployment_type")?.hasPrefix("MULTI_AZ") ?? false
        func key(_ name: String) -> String? { multiAZ ? "\(name) (multi-AZ)" : nil }
        if let q = c.number("throughput_capacity") { c.line("Throughput capacity", unit: "MBps", quantity: q, keyName: key("Throughput capacity")) }
        let storage = c.number("storage_capacity")
        let iops = c.resource.attributes["disk_iops_configuration"].block
        if iops["mode"].string == "USER_PROVISIONED" {
            if case .value(let gb)? = storage, let provisioned = iops["iops"].decimal {
                let billed = provisioned - 3 * gb
                if billed > 0 { c.line("Provisioned IOPS", unit: "IOPS", quantity: .value(billed), keyName: key("Provisioned IOPS")) }
            } else {
                c.line("Provisioned IOPS", unit: "IOPS", quantity: .unknownUntilApply(attribute: "disk_iops_configuration"))
            }
        }
        let compression = c.resource.attributes["root_volume_configuration"].block["data_compression_type"].nonEmptyString ?? "NONE"
        if compression != "NONE", !Quantities.isUnknown(c.resource.attributes["root_volume_configuration"]) {
            let percent = c.context.usage[compressionSavingsPercent] ?? 50
            let quantity: Quantity
            if case .value(let gb)? = storage { quantity = .value(awsaCeiling(gb * (1 - percent / 100))) } else { quantity = storage ?? .value(0) }
            // compressed storage is the same SSD storage product, fewer GB of it
            c.line("SSD storage (\(compression) compression, \(percent)%)", unit: "GB", quantity: quantity, keyName: key("SSD storage") ?? "SSD storage")
        } else if let storage {
            c.line("SSD storage", unit: "GB", quantity: storage, keyName: key("SSD storage"))
        }
        c.usage("Backup storage", unit: "GB", AWSAKeys.backupStorageGB)
    }
}

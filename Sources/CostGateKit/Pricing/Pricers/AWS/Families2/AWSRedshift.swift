import FoundationEssentials
/// Usage keys of Redshift (Infracost's names).
enum AWSRedshiftKeys {
    static let managedStorageGB = UsageKey("managed_storage_gb", unit: "GB", "GB of RA3 managed storage")
    static let concurrencySecs = UsageKey("excess_concurrency_scaling_secs", unit: "node-seconds", "concurrency scaling seconds past the free daily credits")
    static let spectrumTB = UsageKey("spectrum_data_scanned_tb", unit: "TB", "TB Redshift Spectrum scans a month")
}

enum AWSRedshiftFamily {
    static let pricers: [any Pricer] = [cluster]

    /// `aws_redshift_cluster`: node-hours of the node type; RA3 managed storage, concurrency scaling, Spectrum
    /// scans and backup storage (in 50 TB / 450 TB / rest tiers) from the usage file.
    static let cluster = ComponentPricer(["aws_redshift_cluster"], attributes: ["node_type", "number_of_nodes", "cluster_type"],
                                         usage: [.monthlyHrs, AWSRedshiftKeys.managedStorageGB, AWSRedshiftKeys.concurrencySecs,
                                                 AWSRedshiftKeys.spectrumTB, .backupStorageGB]) { c in
        let a = c.resource.attributes
        guard let nodeType = a["node_type"].nonEmptyString, !Quantities.isUnknown(a["node_type"]) else {
            c.line("Cluster usage", unit: "hour", quantity: .unknownUntilApply(attribute: "node_type"))
            return
        }
        let single = a["cluster_type"].nonEmptyString == "single-node"
        let nodes: Quantity = single ? .value(1) : (c.number("number_of_nodes", default: 1) ?? .value(1))
        c.hours("Cluster usage (on-demand, \(nodeType))", count: nodes)
        if nodeType.hasPrefix("ra3") {
            c.usage("Managed storage (\(nodeType))", unit: "GB", AWSRedshiftKeys.managedStorageGB)
        }
        if ["ra3", "ds2", "dc2"].contains(where: { nodeType.hasPrefix($0) }) {
            c.usage("Concurrency scaling (\(nodeType))", unit: "node-seconds", AWSRedshiftKeys.concurrencySecs)
        }
        c.usage("Spectrum", unit: "TB", AWSRedshiftKeys.spectrumTB)
        c.tiered(["Backup storage (first 50 TB)", "Backup storage (next 450 TB)", "Backup storage (over 500 TB)"], unit: "GB",
                 .backupStorageGB, sizes: [51_200, 512_000])
    }
}

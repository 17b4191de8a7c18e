import FoundationEssentials
/// Memorystore for Redis instances and clusters, priced by component keys.
enum GCPRedisFamily {
    static let pricers: [any Pricer] = [
        /// `google_redis_instance`: provisioned GB a month at the price of its tier (basic or standard) and capacity band (M1–M5).
        ComponentPricer(["google_redis_instance"], attributes: ["memory_size_gb", "tier"]) { c in
            let tier = c.resource.attributes["tier"].nonEmptyString == "STANDARD_HA" ? "standard" : "basic"
            let size = c.resource.attributes["memory_size_gb"]
            guard let gb = size.decimal, !Quantities.isUnknown(size) else {
                c.line("Redis instance (\(tier))", unit: "GB", quantity: .unknownUntilApply(attribute: "memory_size_gb"))
                return
            }
            let band = gb <= 4 ? "M1" : gb <= 10 ? "M2" : gb <= 35 ? "M3" : gb <= 100 ? "M4" : "M5"
            c.line("Redis instance (\(tier), \(band))", unit: "GB", quantity: .value(gb))
        },
        /// `google_redis_cluster`: node hours (shards × (1 + replicas)), AOF persistence of the node type's provisioned GB
        /// when `persistence_config` is AOF, and backup GB (usage `backup_storage_gb`) when automated backups are on.
        ComponentPricer(["google_redis_cluster"], attributes: ["node_type", "shard_count", "replica_count", "persistence_config", "automated_backup_config"],
                        usage: [.backupStorageGB, .monthlyHrs]) { c in
            let a = c.resource.attributes
            let type = (a["node_type"].nonEmptyString ?? "REDIS_HIGHMEM_MEDIUM").uppercased()
            if a["node_type"].isNull { c.assume("node_type not set: REDIS_HIGHMEM_MEDIUM, the default") }
            let nodes: [String: (name: String, aofGB: Decimal)] = [
                "REDIS_SHARED_CORE_NANO": ("shared core nano", 2), "REDIS_STANDARD_SMALL": ("standard small", 7),
                "REDIS_HIGHMEM_MEDIUM": ("highmem medium", 13), "REDIS_HIGHMEM_XLARGE": ("highmem xlarge", 58)]
            guard let node = nodes[type] else {
                c.reject("node type \(type) is not known")
                return
            }
            let shards = c.number("shard_count", default: 1) ?? .value(1)
            let replicas = a["replica_count"].decimal ?? 0
            c.hours("Cluster node (\(node.name))", count: Quantities.scaled(shards, by: 1 + replicas))
            if (a["persistence_config"].block["mode"].nonEmptyString ?? "").uppercased() == "AOF" {
                c.line("AOF persistence", unit: "GB", quantity: .value(node.aofGB * Quantities.monthlyHours(c.context)))
            }
            if !a["automated_backup_config"].block.isNull {
                c.usage("Backups", unit: "GB", .backupStorageGB)
            }
        },
    ]
}

import FoundationEssentials
/// Usage keys of the azure-c families (Infracost's names; keys are matched by name).
enum AzureCKeys {
    static let monthlyQueries = UsageKey("monthly_queries", unit: "queries", "DNS queries a month")
    static let monthlyDNSQueries = UsageKey("monthly_dns_queries", unit: "queries", "DNS queries a month")
    static let trafficViewDataPoints = UsageKey("monthly_traffic_view_data_points", unit: "data points", "Traffic View data points a month")
    static let inboundGB = UsageKey("monthly_inbound_data_processed_gb", unit: "GB", "GB a month into the endpoint")
    static let outboundGB = UsageKey("monthly_outbound_data_processed_gb", unit: "GB", "GB a month out of the endpoint")
}

/// A component pricer whose region may come from another resource (a traffic manager endpoint is where its
/// profile's resource group is).
struct AzureCPricer: Pricer {
    let resourceTypes: [String]
    let attributes: Set<String>
    let usageKeys: [UsageKey]
    let relatedAttributes: [String: Set<String>]
    let region: @Sendable (Resource, PricingContext) -> String?
    let body: @Sendable (inout Components) -> Void

    init(_ types: [String], attributes: Set<String> = [], usage: [UsageKey] = [], related: [String: Set<String>] = [:],
         region: @escaping @Sendable (Resource, PricingContext) -> String? = { _, _ in nil },
         _ body: @escaping @Sendable (inout Components) -> Void) {
        self.resourceTypes = types
        self.attributes = attributes.union(["location", "resource_group_name"])
        self.usageKeys = usage
        self.relatedAttributes = related.merging(["azurerm_resource_group": ["name", "location"]]) { $0.union($1) }
        self.region = region
        self.body = body
    }

    func usage(of resource: Resource, context: PricingContext) -> PricedUsage {
        var c = Components(resource, context, region: region(resource, context))
        body(&c)
        return c.out
    }
}

enum AzureC {
    /// A usage quantity split into price tiers: `tiers` are (line name, size in the line's unit), the last one
    /// without a size. Without the usage, the first tier "depends on usage"; with it, every tier that has some.
    /// A `free` allowance (in the line's unit) comes first and bills nothing.
    static func tiered(_ c: inout Components, _ key: UsageKey, unit: String, per divisor: Decimal = 1, free: Decimal = 0,
                       _ tiers: [(name: String, size: Decimal?)]) {
        guard let total = c.context.usage[key] else {
            if let first = tiers.first { c.line(first.name, unit: unit, quantity: .usageNotGiven, usageBased: true) }
            return
        }
        var rest = max(0, total / divisor - free)
        for (i, tier) in tiers.enumerated() {
            let q = tier.size.map { min($0, rest) } ?? rest
            guard q > 0 || i == 0 else { break }
            c.line(tier.name, unit: unit, quantity: .value(q), usageBased: true)
            rest -= q
        }
    }

    /// A line whose price key ends with what its price depends on (`/hot.grs`), as the rule module keys it.
    static func keyed(_ c: inout Components, _ name: String, unit: String, quantity: Quantity, suffix: String, usageBased: Bool = true) {
        c.append(PricedUsage(lines: [UsageLine(name, unit: unit, quantity: quantity, priceKey: c.key(name, unit: unit) + "/" + suffix,
                                               usageBased: usageBased)]))
    }

    /// The region of the resource a reference attribute names (its location, else its resource group's).
    static func regionOf(_ type: String, _ r: Resource, _ context: PricingContext, via attribute: String) -> String? {
        guard let other = context.referenced(type, from: r, attribute: attribute) else { return nil }
        return other.region ?? Components.resourceGroupRegion(other, context)
    }
}

extension AzureCKeys {
    static let p2sConnection = UsageKey("p2s_connection", unit: "tunnels", "point-to-site tunnels in use (the first 128 are included)")
    static let monthlyDataTransferGB = UsageKey("monthly_data_transfer_gb", unit: "GB", "GB transferred a month")
}

extension AzureCKeys {
    static let extraDataStorageGB = UsageKey("extra_data_storage_gb", unit: "GB", "storage beyond what a DTU database includes")
    static let ltrStorageGB = UsageKey("long_term_retention_storage_gb", unit: "GB", "long-term retention backup storage")
    static let backupStorageGB = UsageKey("backup_storage_gb", unit: "GB", "point-in-time restore backup storage")
    static let additionalBackupStorageGB = UsageKey("additional_backup_storage_gb", unit: "GB", "backup storage beyond the server's storage size")
}

extension AzureCKeys {
    static let storageGB = UsageKey("storage_gb", unit: "GB", "data stored")
    static let snapshotsGB = UsageKey("snapshots_storage_gb", unit: "GB", "snapshot data stored")
    static let metadataGB = UsageKey("metadata_at_rest_storage_gb", unit: "GB", "metadata stored")
    static let writeOperations = UsageKey("monthly_write_operations", unit: "operations", "write operations a month")
    static let listOperations = UsageKey("monthly_list_operations", unit: "operations", "list operations a month")
    static let readOperations = UsageKey("monthly_read_operations", unit: "operations", "read operations a month")
    static let otherOperations = UsageKey("monthly_other_operations", unit: "operations", "other operations a month")
    static let dataRetrievalGB = UsageKey("monthly_data_retrieval_gb", unit: "GB", "GB read back from a cool tier a month")
}

extension AzureCKeys {
    static let messagingOperations = UsageKey("monthly_messaging_operations", unit: "operations", "messaging operations a month")
    static let brokeredConnections = UsageKey("monthly_brokered_connections", unit: "connections", "brokered connections a month")
    static let additionalMessages = UsageKey("monthly_additional_messages", unit: "messages", "messages beyond the units' daily allowance, a month")
}


/// Synapse usage keys (Infracost's names).
enum AzureCSynapseKeys {
    static let serverlessTB = UsageKey("serverless_sql_pool_size_tb", unit: "TB", "data the serverless SQL pool processes a month")
    static let basicInstances = UsageKey("dataflow_basic_instances", unit: "instances", "basic data flow clusters")
    static let basicVCores = UsageKey("dataflow_basic_vcores", unit: "vCores", "vCores of each basic data flow cluster")
    static let basicHours = UsageKey("monthly_dataflow_basic_hours", unit: "hours", "hours the basic data flows run a month")
    static let standardInstances = UsageKey("dataflow_standard_instances", unit: "instances", "standard data flow clusters")
    static let standardVCores = UsageKey("dataflow_standard_vcores", unit: "vCores", "vCores of each standard data flow cluster")
    static let standardHours = UsageKey("monthly_dataflow_standard_hours", unit: "hours", "hours the standard data flows run a month")
    static let azureActivityRuns = UsageKey("monthly_datapipeline_azure_hosted_activity_runs", unit: "1k runs", "Azure-hosted pipeline activity runs, in thousands")
    static let azureDIUs = UsageKey("monthly_datapipeline_azure_hosted_data_integration_units", unit: "DIUs", "data integration units of Azure-hosted copies")
    static let azureDIUHours = UsageKey("monthly_datapipeline_azure_hosted_data_integration_hours", unit: "hours", "hours of Azure-hosted copies")
    static let azureRuntimeHours = UsageKey("monthly_datapipeline_azure_hosted_integration_runtime_hours", unit: "hours", "Azure-hosted pipeline activity hours")
    static let azureExternalHours = UsageKey("monthly_datapipeline_azure_hosted_external_integration_runtime_hours", unit: "hours", "Azure-hosted external activity hours")
    static let selfActivityRuns = UsageKey("monthly_datapipeline_self_hosted_activity_runs", unit: "1k runs", "self-hosted pipeline activity runs, in thousands")
    static let selfMovementHours = UsageKey("monthly_datapipeline_self_hosted_data_movement_hours", unit: "hours", "self-hosted data movement hours")
    static let selfRuntimeHours = UsageKey("monthly_datapipeline_self_hosted_integration_runtime_hours", unit: "hours", "self-hosted pipeline activity hours")
    static let selfExternalHours = UsageKey("monthly_datapipeline_self_hosted_external_integration_runtime_hours", unit: "hours", "self-hosted external activity hours")
    static let monthlyHours = UsageKey("monthly_hours", unit: "hours", "hours the Spark pool's nodes run a month")
    static let storageTB = UsageKey("storage_tb", unit: "TB", "data the dedicated SQL pool stores")
    static let disasterRecovery = UsageKey("disaster_recovery_enabled", unit: "true|false", "whether geo-redundant backups are kept (default true)", text: true)
}

extension AzureCKeys {
    static let monthlyExecutions = UsageKey("monthly_executions", unit: "executions", "function executions a month")
    static let executionDurationMS = UsageKey("execution_duration_ms", unit: "ms", "average duration of one execution")
    static let memoryMB = UsageKey("memory_mb", unit: "MB", "average memory of one execution (billed in steps of 128 MB)")
}

extension AzureCKeys {
    static let imagesExtracted = UsageKey("monthly_images_extracted", unit: "images", "images the search service's skillsets extract a month")
    static let bandwidthGB = UsageKey("monthly_bandwidth_gb", unit: "GB", "GB the static web app serves a month (the first 100 GB are included)")
}

extension AzureCKeys {
    static let monthlyStorageGB = UsageKey("monthly_storage_gb", unit: "GB", "data stored")
    static let class1Operations = UsageKey("monthly_class_1_operations", unit: "operations", "class 1 (write, list, create) operations a month")
    static let class2Operations = UsageKey("monthly_class_2_operations", unit: "operations", "class 2 (read and other) operations a month")
    static let geoReplicationGB = UsageKey("monthly_geo_replication_data_transfer_gb", unit: "GB", "GB replicated to the secondary region a month")
}

extension AzureCKeys {
    static let batchWriteOperations = UsageKey("monthly_batch_write_operations", unit: "operations", "batch write operations a month")
    static let scanOperations = UsageKey("monthly_scan_operations", unit: "operations", "scan operations a month")
    static let deleteOperations = UsageKey("monthly_delete_operations", unit: "operations", "delete operations a month")
}

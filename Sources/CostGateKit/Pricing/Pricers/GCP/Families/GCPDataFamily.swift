import FoundationEssentials
/// Usage keys of the Google data and operations family (Infracost's names).
enum GCPDataKeys {
    static let queriesTB = UsageKey("monthly_queries_tb", unit: "TB", "TB scanned by on-demand queries a month")
    static let activeStorageGB = UsageKey("monthly_active_storage_gb", unit: "GB", "active table storage")
    static let longTermStorageGB = UsageKey("monthly_long_term_storage_gb", unit: "GB", "long-term table storage")
    static let streamingInsertsMB = UsageKey("monthly_streaming_inserts_mb", unit: "MB", "MB of streaming inserts a month")
    static let storageWriteAPIGB = UsageKey("monthly_storage_write_api_gb", unit: "GB", "GB written through the Storage Write API a month")
    static let storageReadAPITB = UsageKey("monthly_storage_read_api_tb", unit: "TB", "TB read through the Storage Read API a month")
    static let messageDataTB = UsageKey("monthly_message_data_tb", unit: "TiB", "message data published or delivered a month")
    static let snapshotStorageGB = UsageKey("snapshot_storage_gb", unit: "GiB", "snapshot message backlog stored")
    static let loggingDataGB = UsageKey("monthly_logging_data_gb", unit: "GB", "log data ingested a month")
    static let monitoringDataMB = UsageKey("monthly_monitoring_data_mb", unit: "MB", "metric data ingested a month")
    static let apiCalls = UsageKey("monthly_api_calls", unit: "calls", "Monitoring API read calls a month")
    static let activeSecretVersions = UsageKey("active_secret_versions", unit: "versions", "active secret versions a month (per replica)")
    static let accessOperations = UsageKey("monthly_access_operations", unit: "operations", "secret access operations a month")
    static let rotationNotifications = UsageKey("monthly_rotation_notifications", unit: "rotations", "rotation notifications a month")
    static let keyVersions = UsageKey("key_versions", unit: "versions", "active key versions a month")
    static let keyOperations = UsageKey("monthly_key_operations", unit: "operations", "cryptographic operations a month")
    static let queries = UsageKey("monthly_queries", unit: "queries", "DNS queries a month")
}

/// BigQuery, Pub/Sub, Cloud Logging and Monitoring, Secret Manager, Cloud KMS and Cloud DNS, priced by component keys.
enum GCPDataFamily {
    static let loggingTypes = ["google_logging_billing_account_bucket_config", "google_logging_billing_account_sink",
                               "google_logging_folder_bucket_config", "google_logging_folder_sink",
                               "google_logging_organization_bucket_config", "google_logging_organization_sink",
                               "google_logging_project_bucket_config", "google_logging_project_sink"]

    static let pricers: [any Pricer] = [
        /// `google_bigquery_dataset`: on-demand query TB (usage `monthly_queries_tb`).
        ComponentPricer(["google_bigquery_dataset"], usage: [GCPDataKeys.queriesTB]) { c in
            c.usage("Queries (on-demand)", unit: "TB", GCPDataKeys.queriesTB)
        },
        /// `google_bigquery_table`: active and long-term storage, streaming inserts and the Storage Write and Read APIs.
        ComponentPricer(["google_bigquery_table"], usage: [GCPDataKeys.activeStorageGB, GCPDataKeys.longTermStorageGB, GCPDataKeys.streamingInsertsMB,
                                                          GCPDataKeys.storageWriteAPIGB, GCPDataKeys.storageReadAPITB]) { c in
            c.usage("Active storage", unit: "GB", GCPDataKeys.activeStorageGB)
            c.usage("Long-term storage", unit: "GB", GCPDataKeys.longTermStorageGB)
            c.usage("Streaming inserts", unit: "MB", GCPDataKeys.streamingInsertsMB)
            c.usage("Storage write API", unit: "GB", GCPDataKeys.storageWriteAPIGB)
            c.usage("Storage read API", unit: "TB", GCPDataKeys.storageReadAPITB)
        },
        /// `google_pubsub_subscription`: delivered message TiB, retained acknowledged messages and snapshot backlog GiB.
        ComponentPricer(["google_pubsub_subscription"], usage: [GCPDataKeys.messageDataTB, .storageGB, GCPDataKeys.snapshotStorageGB]) { c in
            c.usage("Message delivery data", unit: "TiB", GCPDataKeys.messageDataTB)
            c.usage("Retained acknowledged message storage", unit: "GiB", .storageGB)
            c.usage("Snapshot message backlog storage", unit: "GiB", GCPDataKeys.snapshotStorageGB)
        },
        /// `google_pubsub_topic`: published message TiB.
        ComponentPricer(["google_pubsub_topic"], usage: [GCPDataKeys.messageDataTB]) { c in
            c.usage("Message ingestion data", unit: "TiB", GCPDataKeys.messageDataTB)
        },
        /// Cloud Logging sinks and bucket configurations: ingested log GB (usage `monthly_logging_data_gb`), priced globally.
        ComponentPricer(loggingTypes, usage: [GCPDataKeys.loggingDataGB]) { c in
            c.region = "global"
            c.usage("Logging data", unit: "GB", GCPDataKeys.loggingDataGB)
        },
        /// `google_monitoring_metric_descriptor`: ingested metric MB in tiers (first 100K, next 150K, over 250K) and API calls.
        ComponentPricer(["google_monitoring_metric_descriptor"], usage: [GCPDataKeys.monitoringDataMB, GCPDataKeys.apiCalls]) { c in
            GCPTiers.lines(&c, "Monitoring data", unit: "MB", GCPDataKeys.monitoringDataMB,
                                [("first 100K", 100_000), ("next 150K", 250_000), ("over 250K", nil)])
            c.usage("API calls", unit: "1k calls", GCPDataKeys.apiCalls, times: Decimal(1) / 1000)
        },
        /// `google_secret_manager_secret`: active versions (usage, × its user-managed replicas), access operations and rotations.
        ComponentPricer(["google_secret_manager_secret"], attributes: ["replication"],
                        usage: [GCPDataKeys.activeSecretVersions, GCPDataKeys.accessOperations, GCPDataKeys.rotationNotifications]) { c in
            let replicas = GCPDataFamily.replicas(c.resource)
            c.usage("Active secret versions", unit: "versions", GCPDataKeys.activeSecretVersions, times: replicas)
            c.usage("Access operations", unit: "10K requests", GCPDataKeys.accessOperations, times: Decimal(1) / 10000)
            c.usage("Rotation notifications", unit: "rotations", GCPDataKeys.rotationNotifications)
        },
        /// `google_secret_manager_secret_version`: one active version per replica of its secret, and access operations.
        ComponentPricer(["google_secret_manager_secret_version"], attributes: ["secret"], usage: [GCPDataKeys.accessOperations],
                        related: ["google_secret_manager_secret": ["replication"]]) { c in
            var replicas: Decimal = 1
            if let secret = c.context.referenced("google_secret_manager_secret", from: c.resource, attribute: "secret") {
                replicas = GCPDataFamily.replicas(secret)
            } else {
                c.assume("secret not found in the configuration: one replica assumed")
            }
            // the version price is the secret's (the same SKU)
            c.keyType = "google_secret_manager_secret"
            c.monthly("Active secret versions", count: .value(replicas), unit: "versions")
            c.keyType = c.resource.type
            c.usage("Access operations", unit: "10K requests", GCPDataKeys.accessOperations, times: Decimal(1) / 10000)
        },
        /// `google_kms_crypto_key`: key versions (usage `key_versions`, else one per rotation in 30 days; HSM asymmetric keys in
        /// tiers) and operations, priced by the key's algorithm and protection level.
        ComponentPricer(["google_kms_crypto_key"], attributes: ["version_template", "rotation_period"],
                        usage: [GCPDataKeys.keyVersions, GCPDataKeys.keyOperations]) { c in
            GCPDataFamily.kms(&c)
        },
        /// `google_dns_managed_zone`: the zone's monthly fee.
        ComponentPricer(["google_dns_managed_zone"]) { c in
            c.monthly("Managed zone")
        },
        /// `google_dns_record_set`: queries (usage `monthly_queries`), per million.
        ComponentPricer(["google_dns_record_set"], usage: [GCPDataKeys.queries]) { c in
            c.usage("Queries", unit: "1M queries", GCPDataKeys.queries, times: Decimal(1) / 1_000_000)
        },
    ]

    /// A secret's replicas: its user-managed locations, else one (automatic replication).
    static func replicas(_ secret: Resource) -> Decimal {
        let managed = secret.attributes["replication"].block["user_managed"].block
        let n = managed["replicas"].array.count
        return n > 0 ? Decimal(n) : 1
    }

    static func kms(_ c: inout Components) {
        let template = c.resource.attributes["version_template"].block
        let algorithm = (template["algorithm"].nonEmptyString ?? "GOOGLE_SYMMETRIC_ENCRYPTION").uppercased()
        let protection = (template["protection_level"].nonEmptyString ?? "SOFTWARE").uppercased()
        let symmetric = algorithm == "GOOGLE_SYMMETRIC_ENCRYPTION"
        // the facts price software symmetric keys, and HSM ECDSA P-256 key versions; others are keyed apart (price not found)
        let kind = "\(protection.lowercased())-\(PriceKeys.slug(algorithm))"
        let generic = protection == "SOFTWARE" && symmetric
        var versions: Quantity = .usageNotGiven
        if let v = c.context.usage[GCPDataKeys.keyVersions] {
            versions = .value(v)
        } else if let period = c.resource.attributes["rotation_period"].nonEmptyString,
                  let seconds = Decimal(string: String(period.prefix { $0 != "s" })), seconds > 0 {
            versions = .value(2_592_000 / seconds)
        }
        let tiered = protection == "HSM" && (algorithm.hasPrefix("EC_SIGN_P") || algorithm.contains("_3072_") || algorithm.contains("_4096_"))
        if tiered {
            let suffix = algorithm == "EC_SIGN_P256_SHA256" ? "" : "/key=\(kind)"
            if case .value(let total) = versions {
                GCPTiers.line(&c, "Key versions (first 2K)", unit: "month", .value(min(total, 2000)), suffix: suffix)
                if total > 2000 { GCPTiers.line(&c, "Key versions (over 2K)", unit: "month", .value(total - 2000), suffix: suffix) }
            } else {
                GCPTiers.line(&c, "Key versions (first 2K)", unit: "month", versions, suffix: suffix)
            }
        } else {
            GCPTiers.line(&c, "Key versions", unit: "month", versions, suffix: generic ? "" : "/key=\(kind)")
        }
        GCPTiers.line(&c, "Operations", unit: "10k operations", Quantities.usage(GCPDataKeys.keyOperations, c.context, times: Decimal(1) / 10000),
                suffix: generic ? "" : "/key=\(kind)")
    }
}

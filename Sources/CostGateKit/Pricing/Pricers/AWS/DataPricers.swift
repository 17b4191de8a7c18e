import FoundationEssentials
/// `aws_s3_bucket`: storage, requests, retrievals, S3 Select, lifecycle transitions and early deletes of each
/// storage class, all usage (Infracost's nested keys: `standard.storage_gb`, `glacier_deep_archive.early_delete_gb`, …).
struct S3BucketPricer: Pricer {
    let resourceTypes = ["aws_s3_bucket"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.storageGB, .monthlyTier1Requests, .monthlyTier2Requests, S3Keys.objectTags] + S3Keys.all

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let u = context.usage
        let perK = Decimal(string: "0.001")!
        var out = PricedUsage()
        // Standard: Infracost's `standard.*` keys; the top-level storage_gb and monthly_tier_*_requests are costgate's older names.
        func standard(_ key: String, _ old: UsageKey, _ factor: Decimal) -> Quantity {
            if let v = u[S3Keys.key("standard", key)] ?? u[old] { return .value(v * factor) }
            return .usageNotGiven
        }
        out.add(UsageLine("Standard storage", unit: "GB-month", quantity: standard("storage_gb", .storageGB, 1),
                          priceKey: "aws/s3/\(region)/storage/standard", usageBased: true))
        out.add(UsageLine("PUT, COPY, POST, LIST requests", unit: "1k requests", quantity: standard("monthly_tier_1_requests", .monthlyTier1Requests, perK),
                          priceKey: "aws/s3/\(region)/requests/standard/tier1", usageBased: true))
        out.add(UsageLine("GET, SELECT and other requests", unit: "1k requests", quantity: standard("monthly_tier_2_requests", .monthlyTier2Requests, perK),
                          priceKey: "aws/s3/\(region)/requests/standard/tier2", usageBased: true))
        if let tags = u[S3Keys.objectTags] {
            out.add(UsageLine("Object tagging", unit: "10k tags", quantity: .value(tags / 10_000),
                              priceKey: AWS.key(r, region, "Object tagging", "10k tags"), usageBased: true))
        }
        for (cls, label, lines) in S3Keys.classes {
            // the other lines and classes show when the usage file gives any of their keys
            let given = lines.contains { u[S3Keys.key(cls, $0.key)] != nil }
            guard given else { continue }
            for line in lines where !(cls == "standard" && ["storage_gb", "monthly_tier_1_requests", "monthly_tier_2_requests"].contains(line.key)) {
                let name = "\(label) > \(line.name)"
                let factor: Decimal = line.unit.hasPrefix("1k") ? perK : 1
                out.add(UsageLine(name, unit: line.unit, quantity: Quantities.usage(S3Keys.key(cls, line.key), context, times: factor),
                                  priceKey: AWS.key(r, region, name, line.unit), usageBased: true))
            }
        }
        return out
    }
}

/// S3 storage classes, their lines and usage keys (Infracost's names, nested under the class).
enum S3Keys {
    typealias Line = (name: String, unit: String, key: String)
    static let put: Line = ("PUT, COPY, POST, LIST requests", "1k requests", "monthly_tier_1_requests")
    static let get: Line = ("GET, SELECT, and all other requests", "1k requests", "monthly_tier_2_requests")
    static let lifecycle: Line = ("Lifecycle transition", "1k requests", "monthly_lifecycle_transition_requests")
    static let scanned: Line = ("Select data scanned", "GB", "monthly_select_data_scanned_gb")
    static let returned: Line = ("Select data returned", "GB", "monthly_select_data_returned_gb")
    static let storage: Line = ("Storage", "GB", "storage_gb")
    static let retrievals: Line = ("Retrievals", "GB", "monthly_data_retrieval_gb")
    static let infrequent: [Line] = [storage, put, get, lifecycle, retrievals, scanned, returned]
    static let classes: [(String, String, [Line])] = [
        ("standard", "Standard", [storage, put, get, scanned, returned]),
        ("intelligent_tiering", "Intelligent tiering", [
            ("Storage (frequent access)", "GB", "frequent_access_storage_gb"), ("Storage (infrequent access)", "GB", "infrequent_access_storage_gb"),
            ("Storage (archive access)", "GB", "archive_access_storage_gb"), ("Storage (deep archive access)", "GB", "deep_archive_access_storage_gb"),
            ("Monitoring and automation", "1k objects", "monitored_objects"), put, get, lifecycle, scanned, returned,
            ("Early delete (within 30 days)", "GB", "early_delete_gb")]),
        ("standard_infrequent_access", "Standard - infrequent access", infrequent),
        ("one_zone_infrequent_access", "One zone - infrequent access", infrequent),
        ("glacier_flexible_retrieval", "Glacier flexible retrieval", [
            storage, put, get, lifecycle,
            ("Retrieval requests (standard)", "1k requests", "monthly_standard_data_retrieval_requests"),
            ("Retrievals (standard)", "GB", "monthly_standard_data_retrieval_gb"),
            ("Select data scanned (standard)", "GB", "monthly_standard_select_data_scanned_gb"),
            ("Select data returned (standard)", "GB", "monthly_standard_select_data_returned_gb"),
            ("Retrieval requests (expedited)", "1k requests", "monthly_expedited_data_retrieval_requests"),
            ("Retrievals (expedited)", "GB", "monthly_expedited_data_retrieval_gb"),
            ("Select data scanned (expedited)", "GB", "monthly_expedited_select_data_scanned_gb"),
            ("Select data returned (expedited)", "GB", "monthly_expedited_select_data_returned_gb"),
            ("Select data scanned (bulk)", "GB", "monthly_bulk_select_data_scanned_gb"),
            ("Select data returned (bulk)", "GB", "monthly_bulk_select_data_returned_gb"),
            ("Early delete (within 90 days)", "GB", "early_delete_gb")]),
        ("glacier_deep_archive", "Glacier deep archive", [
            storage, put, get, lifecycle,
            ("Retrieval requests (standard)", "1k requests", "monthly_standard_data_retrieval_requests"),
            ("Retrievals (standard)", "GB", "monthly_standard_data_retrieval_gb"),
            ("Retrieval requests (bulk)", "1k requests", "monthly_bulk_data_retrieval_requests"),
            ("Retrievals (bulk)", "GB", "monthly_bulk_data_retrieval_gb"),
            ("Early delete (within 180 days)", "GB", "early_delete_gb")]),
    ]

    static let objectTags = UsageKey("object_tags", unit: "tags", "object tags stored")

    /// Every nested key, declared once: `CLASS.KEY`.
    static let all: [UsageKey] = classes.flatMap { cls, label, lines in
        lines.map { UsageKey("\(cls).\($0.key)", unit: $0.unit == "GB" ? "GB" : ($0.unit == "1k objects" ? "objects" : "requests"),
                             "\(label): \($0.name.lowercased()) a month") }
    }

    static func key(_ cls: String, _ name: String) -> UsageKey {
        all.first { $0.name == "\(cls).\(name)" }!
    }
}

/// `aws_dynamodb_table`: provisioned capacity units, or on-demand request units (usage); storage, backups,
/// restores and stream reads are usage; global-table replicas bill replicated write capacity in their region.
struct DynamoDBTablePricer: Pricer {
    let resourceTypes = ["aws_dynamodb_table"]
    let attributes: Set<String> = ["billing_mode", "read_capacity", "write_capacity", "replica", "name"]
    let relatedAttributes: [String: Set<String>] = ["aws_appautoscaling_target": AWS.scalingTargetAttributes]
    let usageKeys: [UsageKey] = [.monthlyWriteRequestUnits, .monthlyReadRequestUnits, .storageGB, DynamoKeys.pitrBackupStorageGB,
                                 DynamoKeys.onDemandBackupStorageGB, DynamoKeys.monthlyDataRestoredGB, DynamoKeys.monthlyStreamsReadRequestUnits]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let onDemand = (a["billing_mode"].nonEmptyString ?? "PROVISIONED") == "PAY_PER_REQUEST"
        if onDemand {
            let perM = Decimal(string: "0.000001")!
            out.add(UsageLine("Write request units", unit: "1M WRUs", quantity: Quantities.usage(.monthlyWriteRequestUnits, context, times: perM),
                              priceKey: "aws/dynamodb/\(region)/write-request-units", usageBased: true))
            out.add(UsageLine("Read request units", unit: "1M RRUs", quantity: Quantities.usage(.monthlyReadRequestUnits, context, times: perM),
                              priceKey: "aws/dynamodb/\(region)/read-request-units", usageBased: true))
        } else {
            let id = a["name"].nonEmptyString.map { "table/\($0)" }
            for (short, word, dimension) in [("WCU", "Write", "WriteCapacityUnits"), ("RCU", "Read", "ReadCapacityUnits")] {
                let attribute = short == "WCU" ? "write_capacity" : "read_capacity"
                if let min = AWS.scalingMinimum(context, owner: r, resourceID: id, dimension: "dynamodb:table:\(dimension)") {
                    // autoscaled: the least the scaling target keeps
                    let name = "\(word) capacity unit (\(short), autoscaling)"
                    out.add(UsageLine(name, unit: short, quantity: .value(min), priceKey: AWS.key(r, region, name, short)))
                    out.assume("\(short) autoscaled: priced at the scaling target's min_capacity \(Money.plain(min))")
                } else {
                    out.add(UsageLine("\(word) capacity units", unit: "\(short)-month", quantity: Quantities.number(a[attribute], attribute: attribute) ?? .value(0),
                                      priceKey: "aws/dynamodb/\(region)/\(short.lowercased())"))
                }
            }
        }
        out.add(UsageLine("Data storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                          priceKey: "aws/dynamodb/\(region)/storage", usageBased: true))
        // backups, restores and stream reads appear when the usage file gives them
        let optional: [(String, String, UsageKey)] = [
            ("Point-In-Time Recovery (PITR) backup storage", "GB", DynamoKeys.pitrBackupStorageGB),
            ("On-demand backup storage", "GB", DynamoKeys.onDemandBackupStorageGB),
            ("Table data restored", "GB", DynamoKeys.monthlyDataRestoredGB),
            ("Streams read request unit (sRRU)", "sRRUs", DynamoKeys.monthlyStreamsReadRequestUnits),
        ]
        for (name, unit, k) in optional where context.usage[k] != nil {
            out.add(UsageLine(name, unit: unit, quantity: Quantities.usage(k, context), priceKey: AWS.key(r, region, name, unit), usageBased: true))
        }
        // Global tables: each replica region bills the table's writes again as replicated write capacity.
        for replica in a["replica"].array {
            guard let replicaRegion = replica["region_name"].nonEmptyString else { continue }
            let name = "Global table (\(replicaRegion)) > Replicated write capacity unit (rWCU)"
            if onDemand {
                out.add(UsageLine("Global table (\(replicaRegion)) > Replicated write request units", unit: "1M rWRUs",
                                  quantity: Quantities.usage(.monthlyWriteRequestUnits, context, times: Decimal(string: "0.000001")!),
                                  priceKey: "aws/dynamodb/\(region)/replicated-write-request-units/\(replicaRegion)", usageBased: true))
            } else {
                out.add(UsageLine(name, unit: "rWCU", quantity: Quantities.number(a["write_capacity"], attribute: "write_capacity") ?? .value(0),
                                  priceKey: AWS.key(r, region, name, "rWCU")))
            }
        }
        return out
    }
}

/// Usage keys of DynamoDB tables (Infracost's names).
enum DynamoKeys {
    static let pitrBackupStorageGB = UsageKey("pitr_backup_storage_gb", unit: "GB", "point-in-time recovery backup storage")
    static let onDemandBackupStorageGB = UsageKey("on_demand_backup_storage_gb", unit: "GB", "on-demand backup storage")
    static let monthlyDataRestoredGB = UsageKey("monthly_data_restored_gb", unit: "GB", "table data restored a month")
    static let monthlyStreamsReadRequestUnits = UsageKey("monthly_streams_read_request_units", unit: "sRRUs", "DynamoDB Streams read request units a month")
}

/// `aws_elasticache_cluster`, `aws_elasticache_replication_group`: node hours × node count (autoscaled groups at their
/// scaling targets' minimum).
struct ElastiCachePricer: Pricer {
    let resourceTypes = ["aws_elasticache_cluster", "aws_elasticache_replication_group"]
    let attributes: Set<String> = ["node_type", "num_cache_nodes", "engine", "num_cache_clusters", "number_cache_clusters",
                                   "num_node_groups", "replicas_per_node_group", "snapshot_retention_limit", "replication_group_id"]
    let relatedAttributes: [String: Set<String>] = ["aws_appautoscaling_target": AWS.scalingTargetAttributes]
    let usageKeys: [UsageKey] = [.snapshotStorageSizeGB, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        var nodes: Quantity
        if r.type == "aws_elasticache_cluster" {
            nodes = Quantities.number(a["num_cache_nodes"], attribute: "num_cache_nodes") ?? .value(1)
        } else if var groups = a["num_node_groups"].decimal, groups > 0 {
            // autoscaled node groups and replicas: the least the scaling targets keep
            let id = a["replication_group_id"].nonEmptyString.map { "replication-group/\($0)" }
            var replicas = a["replicas_per_node_group"].decimal ?? 0
            if let min = AWS.scalingMinimum(context, owner: r, resourceID: id, dimension: "elasticache:replication-group:NodeGroups") {
                groups = min
                out.assume("node groups autoscaled: priced at the scaling target's min_capacity \(Money.plain(min))")
            }
            if let min = AWS.scalingMinimum(context, owner: r, resourceID: id, dimension: "elasticache:replication-group:Replicas") {
                replicas = min
                out.assume("replicas autoscaled: priced at the scaling target's min_capacity \(Money.plain(min))")
            }
            nodes = .value(groups * (replicas + 1))
        } else {
            nodes = Quantities.number(a["num_cache_clusters"], attribute: "num_cache_clusters")
                ?? Quantities.number(a["number_cache_clusters"], attribute: "number_cache_clusters") ?? .value(1)
        }
        let engine = (a["engine"].nonEmptyString ?? "redis").lowercased()
        let type = a["node_type"]
        guard let nodeType = type.nonEmptyString, !Quantities.isUnknown(type) else {
            out.add(UsageLine("Cache nodes", unit: "hour", quantity: .unknownUntilApply(attribute: "node_type"),
                              priceKey: "aws/elasticache/\(region)/node/?/\(engine)"))
            return out
        }
        out.add(UsageLine("ElastiCache (on-demand, \(nodeType), \(engine))", unit: "hour", quantity: Quantities.scaled(nodes, by: AWS.monthlyHours(context)),
                          priceKey: "aws/elasticache/\(region)/node/\(nodeType)/\(engine)"))
        if (a["snapshot_retention_limit"].decimal ?? 0) > 1 {
            out.add(UsageLine("Backup storage", unit: "GB-month", quantity: Quantities.usage(.snapshotStorageSizeGB, context),
                              priceKey: "aws/elasticache/\(region)/backup", usageBased: true))
        }
        return out
    }
}

/// `aws_cloudwatch_log_group`: GB ingested and stored, both usage.
struct CloudWatchLogGroupPricer: Pricer {
    let resourceTypes = ["aws_cloudwatch_log_group"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyDataIngestedGB, .storageGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        return PricedUsage(lines: [
            UsageLine("Data ingested", unit: "GB", quantity: Quantities.usage(.monthlyDataIngestedGB, context),
                      priceKey: "aws/cloudwatch/\(region)/logs-ingestion", usageBased: true),
            UsageLine("Archival storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                      priceKey: "aws/cloudwatch/\(region)/logs-storage", usageBased: true),
        ])
    }
}

/// `aws_kms_key`: a monthly fee per customer managed key; requests are usage.
struct KMSKeyPricer: Pricer {
    let resourceTypes = ["aws_kms_key"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyRequests]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        return PricedUsage(lines: [
            UsageLine("Customer managed key", unit: "month", quantity: .value(1), priceKey: "aws/kms/\(region)/key"),
            UsageLine("Requests", unit: "10k requests", quantity: Quantities.usage(.monthlyRequests, context, times: Decimal(string: "0.0001")!),
                      priceKey: "aws/kms/\(region)/requests", usageBased: true),
        ])
    }
}

/// `aws_secretsmanager_secret`: a monthly fee per secret; API calls are usage.
struct SecretsManagerPricer: Pricer {
    let resourceTypes = ["aws_secretsmanager_secret"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyRequests]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        return PricedUsage(lines: [
            UsageLine("Secret", unit: "month", quantity: .value(1), priceKey: "aws/secretsmanager/\(region)/secret"),
            UsageLine("API requests", unit: "10k requests", quantity: Quantities.usage(.monthlyRequests, context, times: Decimal(string: "0.0001")!),
                      priceKey: "aws/secretsmanager/\(region)/api-requests", usageBased: true),
        ])
    }
}

/// `aws_efs_file_system`: storage (usage) by class; provisioned throughput.
struct EFSPricer: Pricer {
    let resourceTypes = ["aws_efs_file_system"]
    let attributes: Set<String> = ["throughput_mode", "provisioned_throughput_in_mibps", "availability_zone_name"]
    let usageKeys: [UsageKey] = [.storageGB, .infrequentAccessStorageGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let oneZone = a["availability_zone_name"].nonEmptyString != nil
        let cls = oneZone ? "one-zone" : "standard"
        out.add(UsageLine("Storage (\(oneZone ? "one zone" : "standard"))", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                          priceKey: "aws/efs/\(region)/storage/\(cls)", usageBased: true))
        out.add(UsageLine("Storage (\(oneZone ? "one zone" : "standard"), infrequent access)", unit: "GB-month",
                          quantity: Quantities.usage(.infrequentAccessStorageGB, context),
                          priceKey: "aws/efs/\(region)/storage/\(cls)-ia", usageBased: true))
        if a["throughput_mode"].string == "provisioned" {
            out.add(UsageLine("Provisioned throughput", unit: "MiBps-month",
                              quantity: Quantities.number(a["provisioned_throughput_in_mibps"], attribute: "provisioned_throughput_in_mibps") ?? .value(0),
                              priceKey: "aws/efs/\(region)/provisioned-throughput"))
        }
        return out
    }
}

/// `aws_sqs_queue`: requests (usage), standard or FIFO.
struct SQSQueuePricer: Pricer {
    let resourceTypes = ["aws_sqs_queue"]
    let attributes: Set<String> = ["fifo_queue"]
    let usageKeys: [UsageKey] = [.monthlyRequests]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let kind = (r.attributes["fifo_queue"].bool ?? false) ? "fifo" : "standard"
        return PricedUsage(lines: [
            UsageLine("Requests (\(kind))", unit: "1M requests", quantity: Quantities.usage(.monthlyRequests, context, times: Decimal(string: "0.000001")!),
                      priceKey: "aws/sqs/\(Quantities.region(r))/requests/\(kind)", usageBased: true),
        ])
    }
}

/// `aws_sns_topic`: publish requests (in 64 KB chunks) beyond the free million and deliveries per subscription
/// type beyond their free tiers, as usage; FIFO topics bill publish requests, payload and deliveries to their
/// subscriptions. SMS deliveries are not priced: their price depends on the destination country.
struct SNSTopicPricer: Pricer {
    let resourceTypes = ["aws_sns_topic"]
    let attributes: Set<String> = ["fifo_topic", "arn"]
    let usageKeys: [UsageKey] = [.monthlyRequests, SNSKeys.requestSizeKB, SNSKeys.http, SNSKeys.email, SNSKeys.kinesis, SNSKeys.mobilePush,
                                 SNSKeys.macos, SNSKeys.sms]
    let relatedAttributes: [String: Set<String>] = ["aws_sns_topic_subscription": ["topic_arn"]]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let u = context.usage
        var out = PricedUsage()
        let requests = u[.monthlyRequests]
        let sizeKB = u[SNSKeys.requestSizeKB] ?? 64
        if r.attributes["fifo_topic"].bool == true {
            let subscriptions = Decimal(context.resources(ofType: "aws_sns_topic_subscription").filter { s in
                context.referenced("aws_sns_topic", from: s, attribute: "topic_arn")?.address == r.address
                    || (r.attributes["arn"].nonEmptyString.map { $0 == s.attributes["topic_arn"].nonEmptyString } ?? false)
            }.count)
            // payload in GB of 1,000,000 KB, as the request size is given in KB
            func q(_ f: (Decimal) -> Decimal) -> Quantity { requests.map { .value(f($0)) } ?? .usageNotGiven }
            out.add(UsageLine("FIFO Publish API requests", unit: "1M requests", quantity: q { $0 / 1_000_000 },
                              priceKey: AWS.key(r, region, "FIFO Publish API requests", "1M requests"), usageBased: true))
            out.add(UsageLine("FIFO Publish API payload", unit: "GB", quantity: q { $0 * sizeKB / 1_000_000 },
                              priceKey: AWS.key(r, region, "FIFO Publish API payload", "GB"), usageBased: true))
            if subscriptions > 0 {
                out.add(UsageLine("FIFO notifications", unit: "1M notifications", quantity: q { $0 * subscriptions / 1_000_000 },
                                  priceKey: AWS.key(r, region, "FIFO notifications", "1M notifications"), usageBased: true))
                out.add(UsageLine("FIFO notification payload", unit: "GB", quantity: q { $0 * subscriptions * sizeKB / 1_000_000 },
                                  priceKey: AWS.key(r, region, "FIFO notification payload", "GB"), usageBased: true))
            }
            return out
        }
        // Standard topics: each 64 KB chunk of a request is billed as one request; the first 1M a month are free.
        var chunks = sizeKB / 64
        chunks = HCLFunctions.ceiling(chunks)
        let api: Quantity = requests.map { .value(max(0, $0 * max(chunks, 1) - 1_000_000) / 1_000_000) } ?? .usageNotGiven
        out.add(UsageLine("API requests (over 1M)", unit: "1M requests", quantity: api, priceKey: "aws/sns/\(region)/requests", usageBased: true))
        // deliveries: subscriptions × requests, less the free tier of the protocol (AWS SNS pricing)
        let kinds: [(String, UsageKey, Decimal, Decimal, String)] = [
            ("HTTP/HTTPS notifications (over 100k)", SNSKeys.http, 100_000, 100_000, "100k notifications"),
            ("Email/Email-JSON notifications (over 1k)", SNSKeys.email, 1_000, 100_000, "100k notifications"),
            ("Kinesis Firehose notifications", SNSKeys.kinesis, 0, 1_000_000, "1M notifications"),
            ("Mobile Push notifications", SNSKeys.mobilePush, 0, 1_000_000, "1M notifications"),
            ("MacOS notifications", SNSKeys.macos, 0, 1_000_000, "1M notifications"),
        ]
        for (name, k, free, per, unit) in kinds {
            guard let subs = u[k] else { continue }   // shown when the usage file gives the subscriptions
            let q: Quantity = requests.map { .value(max(0, $0 * subs - free) / per) } ?? .usageNotGiven
            out.add(UsageLine(name, unit: unit, quantity: q, priceKey: AWS.key(r, region, name, unit), usageBased: true))
        }
        if (u[SNSKeys.sms] ?? 0) > 0 {
            out.assume("SMS deliveries are not priced: their price depends on the destination country")
        }
        return out
    }
}

/// Usage keys of SNS topics (Infracost's names).
enum SNSKeys {
    static let requestSizeKB = UsageKey("request_size_kb", unit: "KB", "size of a published message (billed in 64 KB chunks)")
    static let http = UsageKey("http_subscriptions", unit: "subscriptions", "HTTP/HTTPS subscriptions")
    static let email = UsageKey("email_subscriptions", unit: "subscriptions", "email and email-JSON subscriptions")
    static let kinesis = UsageKey("kinesis_subscriptions", unit: "subscriptions", "Kinesis Data Firehose subscriptions")
    static let mobilePush = UsageKey("mobile_push_subscriptions", unit: "subscriptions", "mobile push subscriptions")
    static let macos = UsageKey("macos_subscriptions", unit: "subscriptions", "macOS push subscriptions")
    static let sms = UsageKey("sms_subscriptions", unit: "subscriptions", "SMS subscriptions (not priced)")
}

/// `aws_ecr_repository`: image storage (usage).
struct ECRRepositoryPricer: Pricer {
    let resourceTypes = ["aws_ecr_repository"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.storageGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        PricedUsage(lines: [
            UsageLine("Image storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                      priceKey: "aws/ecr/\(Quantities.region(r))/storage", usageBased: true),
        ])
    }
}

/// `aws_opensearch_domain`, `aws_elasticsearch_domain`: data, master and warm node hours; EBS storage, IOPS and throughput.
struct OpenSearchPricer: Pricer {
    let resourceTypes = ["aws_opensearch_domain", "aws_elasticsearch_domain"]
    let attributes: Set<String> = ["cluster_config", "ebs_options"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let c = r.attributes["cluster_config"].block
        var out = PricedUsage()
        let hours = AWS.monthlyHours(context)
        func node(_ label: String, _ typeValue: Value, _ count: Quantity) {
            guard let t = typeValue.nonEmptyString, !Quantities.isUnknown(typeValue) else {
                out.add(UsageLine(label, unit: "hour", quantity: .unknownUntilApply(attribute: "cluster_config.instance_type"),
                                  priceKey: "aws/opensearch/\(region)/instance/?"))
                return
            }
            let normalized = t.hasSuffix(".elasticsearch") ? String(t.dropLast(".elasticsearch".count)) + ".search" : t
            out.add(UsageLine("\(label) (on-demand, \(t))", unit: "hour", quantity: Quantities.scaled(count, by: hours),
                              priceKey: "aws/opensearch/\(region)/instance/\(normalized)"))
        }
        node("Instance", c["instance_type"].isNull ? .string("m4.large.search") : c["instance_type"],
             Quantities.number(c["instance_count"], attribute: "instance_count") ?? .value(1))
        if c["dedicated_master_enabled"].bool == true {
            node("Dedicated master", c["dedicated_master_type"], Quantities.number(c["dedicated_master_count"], attribute: "dedicated_master_count") ?? .value(3))
        }
        if c["warm_enabled"].bool == true {
            node("UltraWarm instance", c["warm_type"], Quantities.number(c["warm_count"], attribute: "warm_count") ?? .value(2))
        }
        let ebs = r.attributes["ebs_options"].block
        if ebs["ebs_enabled"].bool ?? false {
            let type = ebs["volume_type"].nonEmptyString ?? "gp2"
            let nodes = Quantities.number(c["instance_count"], attribute: "instance_count") ?? .value(1)
            let size = Quantities.number(ebs["volume_size"], attribute: "volume_size") ?? .value(0)
            let perNode: Quantity = (nodes.decimal != nil && size.decimal != nil) ? .value(nodes.decimal! * size.decimal!) : size
            out.add(UsageLine("Storage (\(type))", unit: "GB-month", quantity: perNode, priceKey: "aws/opensearch/\(region)/storage/\(type)"))
            if type == "io1", let iops = ebs["iops"].decimal {
                out.add(UsageLine("Storage IOPS (io1)", unit: "IOPS-month", quantity: .value(iops * (nodes.decimal ?? 1)),
                                  priceKey: "aws/opensearch/\(region)/iops/io1"))
            }
        }
        return out
    }
}

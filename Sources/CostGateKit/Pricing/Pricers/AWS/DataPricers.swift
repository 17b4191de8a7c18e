import FoundationEssentials
/// `aws_s3_bucket`: Standard storage and requests, all usage.
struct S3BucketPricer: Pricer {
    let resourceTypes = ["aws_s3_bucket"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.storageGB, .monthlyTier1Requests, .monthlyTier2Requests]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let perK = Decimal(string: "0.001")!
        return PricedUsage(lines: [
            UsageLine("Standard storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                      priceKey: "aws/s3/\(region)/storage/standard", usageBased: true),
            UsageLine("PUT, COPY, POST, LIST requests", unit: "1k requests", quantity: Quantities.usage(.monthlyTier1Requests, context, times: perK),
                      priceKey: "aws/s3/\(region)/requests/standard/tier1", usageBased: true),
            UsageLine("GET, SELECT and other requests", unit: "1k requests", quantity: Quantities.usage(.monthlyTier2Requests, context, times: perK),
                      priceKey: "aws/s3/\(region)/requests/standard/tier2", usageBased: true),
        ])
    }
}

/// `aws_dynamodb_table`: provisioned capacity units, or on-demand request units (usage); storage, backups,
/// restores and stream reads are usage; global-table replicas bill replicated write capacity in their region.
struct DynamoDBTablePricer: Pricer {
    let resourceTypes = ["aws_dynamodb_table"]
    let attributes: Set<String> = ["billing_mode", "read_capacity", "write_capacity", "replica"]
    let usageKeys: [UsageKey] = [.monthlyWriteRequestUnits, .monthlyReadRequestUnits, .storageGB, DynamoKeys.pitrBackupStorageGB,
                                 DynamoKeys.onDemandBackupStorageGB, DynamoKeys.monthlyDataRestoredGB, DynamoKeys.monthlyStreamsReadRequestUnits]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        func key(_ name: String, _ unit: String) -> String { PriceKeys.component(.aws, type: r.type, region: region, component: name, unit: unit) }
        let onDemand = (a["billing_mode"].nonEmptyString ?? "PROVISIONED") == "PAY_PER_REQUEST"
        if onDemand {
            let perM = Decimal(string: "0.000001")!
            out.add(UsageLine("Write request units", unit: "1M WRUs", quantity: Quantities.usage(.monthlyWriteRequestUnits, context, times: perM),
                              priceKey: "aws/dynamodb/\(region)/write-request-units", usageBased: true))
            out.add(UsageLine("Read request units", unit: "1M RRUs", quantity: Quantities.usage(.monthlyReadRequestUnits, context, times: perM),
                              priceKey: "aws/dynamodb/\(region)/read-request-units", usageBased: true))
        } else {
            out.add(UsageLine("Write capacity units", unit: "WCU-month", quantity: Quantities.number(a["write_capacity"], attribute: "write_capacity") ?? .value(0),
                              priceKey: "aws/dynamodb/\(region)/wcu"))
            out.add(UsageLine("Read capacity units", unit: "RCU-month", quantity: Quantities.number(a["read_capacity"], attribute: "read_capacity") ?? .value(0),
                              priceKey: "aws/dynamodb/\(region)/rcu"))
        }
        out.add(UsageLine("Data storage", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                          priceKey: "aws/dynamodb/\(region)/storage", usageBased: true))
        out.add(UsageLine("Point-In-Time Recovery (PITR) backup storage", unit: "GB", quantity: Quantities.usage(DynamoKeys.pitrBackupStorageGB, context),
                          priceKey: key("Point-In-Time Recovery (PITR) backup storage", "GB"), usageBased: true))
        out.add(UsageLine("On-demand backup storage", unit: "GB", quantity: Quantities.usage(DynamoKeys.onDemandBackupStorageGB, context),
                          priceKey: key("On-demand backup storage", "GB"), usageBased: true))
        out.add(UsageLine("Table data restored", unit: "GB", quantity: Quantities.usage(DynamoKeys.monthlyDataRestoredGB, context),
                          priceKey: key("Table data restored", "GB"), usageBased: true))
        out.add(UsageLine("Streams read request unit (sRRU)", unit: "sRRUs", quantity: Quantities.usage(DynamoKeys.monthlyStreamsReadRequestUnits, context),
                          priceKey: key("Streams read request unit (sRRU)", "sRRUs"), usageBased: true))
        // Global tables: each replica region bills the table's writes again as replicated write capacity.
        for replica in a["replica"].array {
            guard let replicaRegion = replica["region_name"].nonEmptyString else { continue }
            let name = "Global table (\(replicaRegion)) > Replicated write capacity unit (rWCU)"
            if onDemand {
                out.assume("global table replica \(replicaRegion): replicated write request units are not priced (no per-request price in the facts)")
            } else {
                out.add(UsageLine(name, unit: "rWCU", quantity: Quantities.number(a["write_capacity"], attribute: "write_capacity") ?? .value(0),
                                  priceKey: key(name, "rWCU")))
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

/// `aws_elasticache_cluster`, `aws_elasticache_replication_group`: node hours × node count.
struct ElastiCachePricer: Pricer {
    let resourceTypes = ["aws_elasticache_cluster", "aws_elasticache_replication_group"]
    let attributes: Set<String> = ["node_type", "num_cache_nodes", "engine", "num_cache_clusters", "number_cache_clusters",
                                   "num_node_groups", "replicas_per_node_group", "snapshot_retention_limit"]
    let usageKeys: [UsageKey] = [.snapshotStorageSizeGB, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        var nodes: Quantity
        if r.type == "aws_elasticache_cluster" {
            nodes = Quantities.number(a["num_cache_nodes"], attribute: "num_cache_nodes") ?? .value(1)
        } else if let groups = a["num_node_groups"].decimal, groups > 0 {
            nodes = .value(groups * ((a["replicas_per_node_group"].decimal ?? 0) + 1))
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

/// `aws_sns_topic`: API requests (usage).
struct SNSTopicPricer: Pricer {
    let resourceTypes = ["aws_sns_topic"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyRequests]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        PricedUsage(lines: [
            UsageLine("API requests", unit: "1M requests", quantity: Quantities.usage(.monthlyRequests, context, times: Decimal(string: "0.000001")!),
                      priceKey: "aws/sns/\(Quantities.region(r))/requests", usageBased: true),
        ])
    }
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

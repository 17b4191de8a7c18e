import FoundationEssentials
/// Usage keys of the Kinesis family (Infracost's names).
enum AWSKinesisKeys {
    static let onDemandIn = UsageKey("monthly_on_demand_data_in_gb", unit: "GB", "GB an on-demand stream ingests a month")
    static let onDemandOut = UsageKey("monthly_on_demand_data_out_gb", unit: "GB", "GB read from an on-demand stream a month (all consumers)")
    static let onDemandEFOOut = UsageKey("monthly_on_demand_efo_data_out_gb", unit: "GB", "GB read by enhanced fan-out consumers of an on-demand stream")
    static let onDemandExtended = UsageKey("monthly_on_demand_extended_retention_gb", unit: "GB", "GB an on-demand stream keeps past 24 hours, up to 7 days")
    static let onDemandLongTerm = UsageKey("monthly_on_demand_long_term_retention_gb", unit: "GB", "GB an on-demand stream keeps past 7 days")
    static let putUnits = UsageKey("monthly_provisioned_put_units", unit: "units", "PUT payload units (25 KB) a provisioned stream takes a month")
    static let provExtended = UsageKey("monthly_provisioned_extended_retention_gb", unit: "GB", "GB a provisioned stream keeps past 24 hours, up to 7 days")
    static let provLongTerm = UsageKey("monthly_provisioned_long_term_retention_gb", unit: "GB", "GB a provisioned stream keeps past 7 days")
    static let provLongTermRetrieval = UsageKey("monthly_provisioned_long_term_retrieval_gb", unit: "GB", "GB read back from past 7 days' retention")
    static let provEFOOut = UsageKey("monthly_provisioned_efo_data_out_gb", unit: "GB", "GB read by enhanced fan-out consumers of a provisioned stream")
    static let provEFOHours = UsageKey("monthly_provisioned_efo_consumer_hours", unit: "consumer-shard hours", "enhanced fan-out consumer-shard hours a month")
    static let kpu = UsageKey("kinesis_processing_units", unit: "KPU", "Kinesis processing units the application runs on average")
    static let durableBackupGB = UsageKey("durable_application_backup_gb", unit: "GB", "GB of durable application backups (snapshots)")
}

enum AWSKinesisFamily {
    static let pricers: [any Pricer] = [stream, firehose, analytics, analyticsV2, analyticsV2Snapshot]

    /// `aws_kinesis_stream`: shard-hours (provisioned) or stream-hours (on demand), plus the data, retention and
    /// enhanced fan-out a stream's mode bills, from the usage file.
    static let stream = ComponentPricer(["aws_kinesis_stream"], attributes: ["stream_mode_details", "shard_count"],
                                        usage: [.monthlyHrs, AWSKinesisKeys.onDemandIn, AWSKinesisKeys.onDemandOut, AWSKinesisKeys.onDemandEFOOut,
                                                AWSKinesisKeys.onDemandExtended, AWSKinesisKeys.onDemandLongTerm, AWSKinesisKeys.putUnits,
                                                AWSKinesisKeys.provExtended, AWSKinesisKeys.provLongTerm, AWSKinesisKeys.provLongTermRetrieval,
                                                AWSKinesisKeys.provEFOOut, AWSKinesisKeys.provEFOHours]) { c in
        let modeValue = AWSB.block(c.resource.attributes, "stream_mode_details")["stream_mode"]
        if Quantities.isUnknown(modeValue) {
            c.line("Stream", unit: "hour", quantity: .unknownUntilApply(attribute: "stream_mode_details.stream_mode"))
            return
        }
        let mode = (modeValue.nonEmptyString ?? "PROVISIONED").uppercased()
        func usage(_ name: String, unit: String = "GB", _ key: UsageKey, suffix: String? = nil) {
            let q = Quantities.usage(key, c.context)
            if let suffix { c.keyed(name, unit: unit, quantity: q, suffix: suffix, usageBased: true) } else { c.line(name, unit: unit, quantity: q, usageBased: true) }
        }
        if mode == "ON_DEMAND" {
            c.hours("ON_DEMAND")
            usage("Data ingested", AWSKinesisKeys.onDemandIn)
            usage("Data retrieval", AWSKinesisKeys.onDemandOut)
            usage("Enhanced Fan Out (EFO) Data retrieval", AWSKinesisKeys.onDemandEFOOut, suffix: "mode=on-demand")
            usage("Extended retention (24H to 7D)", AWSKinesisKeys.onDemandExtended, suffix: "mode=on-demand")
            usage("Long term retention (7D+)", AWSKinesisKeys.onDemandLongTerm)
        } else {
            c.hours("PROVISIONED", count: c.number("shard_count", default: 1) ?? .value(1))
            usage("Put request unit", unit: "units", AWSKinesisKeys.putUnits)
            usage("Extended retention (24H to 7D)", AWSKinesisKeys.provExtended, suffix: "mode=provisioned")
            usage("Long term retention (7D+)", AWSKinesisKeys.provLongTerm)
            usage("Extended retention retrieval (7D+)", AWSKinesisKeys.provLongTermRetrieval)
            usage("Enhanced Fan Out (EFO) Data retrieval", AWSKinesisKeys.provEFOOut, suffix: "mode=provisioned")
            usage("Enhanced Fan Out (EFO)", unit: "consumer-shard hour", AWSKinesisKeys.provEFOHours)
        }
    }

    /// `aws_kinesis_firehose_delivery_stream`: GB ingested in volume tiers (usage), format conversion when the S3
    /// destination converts records, and VPC delivery (GB plus hours per subnet) for a destination in a VPC.
    static let firehose = ComponentPricer(["aws_kinesis_firehose_delivery_stream"],
                                          attributes: ["extended_s3_configuration", "elasticsearch_configuration", "opensearch_configuration"],
                                          usage: [.monthlyHrs, .monthlyDataIngestedGB]) { c in
        let a = c.resource.attributes
        c.tiered(["Data ingested (first 500TB)", "Data ingested (next 1.5PB)", "Data ingested (next 3PB)"], unit: "GB",
                 .monthlyDataIngestedGB, sizes: [512_000, 1_536_000])
        let conversion = AWSB.block(a, "extended_s3_configuration", "data_format_conversion_configuration")
        if !conversion.isNull && conversion["enabled"].bool != false {
            c.usage("Format conversion", unit: "GB", .monthlyDataIngestedGB)
        }
        let vpc = [AWSB.block(a, "elasticsearch_configuration", "vpc_config"), AWSB.block(a, "opensearch_configuration", "vpc_config")]
            .first { !$0.isNull }
        if let vpc {
            c.usage("VPC data", unit: "GB", .monthlyDataIngestedGB)
            let subnets = vpc["subnet_ids"]
            let azs: Quantity = Quantities.isUnknown(subnets) ? .unknownUntilApply(attribute: "subnet_ids") : .value(Decimal(subnets.array.count))
            c.hours("VPC AZ delivery", count: azs)
        }
    }

    /// `aws_kinesis_analytics_application` (SQL applications): Kinesis processing units a month (usage).
    static let analytics = ComponentPricer(["aws_kinesis_analytics_application"], usage: [AWSKinesisKeys.kpu]) { c in
        c.usage("Processing (stream)", unit: "KPU", AWSKinesisKeys.kpu)
    }

    /// `aws_kinesisanalyticsv2_application`: processing KPUs (usage, a month each); Flink applications also bill one
    /// orchestration KPU, running storage (50 GB per KPU) and durable backups.
    static let analyticsV2 = ComponentPricer(["aws_kinesisanalyticsv2_application"], attributes: ["runtime_environment"],
                                             usage: [AWSKinesisKeys.kpu, AWSKinesisKeys.durableBackupGB]) { c in
        c.usage("Processing (stream)", unit: "KPU", AWSKinesisKeys.kpu)
        let runtime = c.resource.attributes["runtime_environment"]
        if runtime.nonEmptyString?.uppercased().hasPrefix("FLINK") == true {
            c.monthly("Processing (orchestration)", unit: "KPU")
            c.usage("Running storage", unit: "GB", AWSKinesisKeys.kpu, times: 50)   // 50 GB per KPU
            c.usage("Backup", unit: "GB", AWSKinesisKeys.durableBackupGB)
        } else if Quantities.isUnknown(runtime) {
            c.line("Processing (orchestration)", unit: "KPU", quantity: .unknownUntilApply(attribute: "runtime_environment"))
        }
    }

    /// `aws_kinesisanalyticsv2_application_snapshot`: GB of durable application backup (usage).
    static let analyticsV2Snapshot = ComponentPricer(["aws_kinesisanalyticsv2_application_snapshot"], usage: [AWSKinesisKeys.durableBackupGB]) { c in
        c.usage("Backup", unit: "GB", AWSKinesisKeys.durableBackupGB)
    }
}

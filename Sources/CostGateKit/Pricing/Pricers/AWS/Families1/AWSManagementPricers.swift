import FoundationEssentials

enum AWSManagementPricers {
    static let additionalManagementEvents = UsageKey("monthly_additional_management_events", unit: "events",
                                                     "management events a month delivered to this trail as an additional copy")
    static let dataEvents = UsageKey("monthly_data_events", unit: "events", "data events a month delivered")
    static let insightEvents = UsageKey("monthly_insight_events", unit: "events", "events a month analyzed by CloudTrail Insights")
    static let customEvents = UsageKey("monthly_custom_events", unit: "events", "custom events a month published to the bus")
    static let thirdPartyEvents = UsageKey("monthly_third_party_events", unit: "events", "SaaS partner events a month published to the bus")
    static let archiveProcessingGB = UsageKey("monthly_archive_processing_gb", unit: "GB", "GB of events a month archived")
    static let archiveStorageGB = UsageKey("archive_storage_gb", unit: "GB", "GB of archived events held")
    static let schemaDiscoveryEvents = UsageKey("monthly_schema_discovery_events", unit: "events", "events a month ingested by schema discovery")
    static let configItems = UsageKey("monthly_config_items", unit: "records", "configuration items a month recorded")
    static let customConfigItems = UsageKey("monthly_custom_config_items", unit: "records", "custom configuration items a month recorded")

    /// `aws_cloudformation_stack`, `aws_cloudformation_stack_set`: third-party resource handler operations and
    /// their time above 30 seconds (usage); templates of AWS::, Alexa:: or Custom:: resources are free.
    static let cloudFormation = ComponentPricer(["aws_cloudformation_stack", "aws_cloudformation_stack_set"], attributes: ["template_body"],
                                                usage: [AWSAKeys.monthlyHandlerOperations, AWSAKeys.monthlyDurationSecs]) { c in
        if let body = c.awsaString("template_body")?.lowercased(),
           ["aws::", "alexa::", "custom::"].contains(where: { body.contains($0) }) {
            c.assume("the template's resources are in the free AWS::, Alexa:: or Custom:: namespaces")
            return
        }
        c.usage("Handler operations", unit: "operations", AWSAKeys.monthlyHandlerOperations)
        c.usage("Durations above 30s", unit: "seconds", AWSAKeys.monthlyDurationSecs)
    }

    /// `aws_cloudtrail`: additional copies of management events, data events and (with an insight selector)
    /// Insights events, per 100k events (usage). The first copy of management events is free.
    static let cloudTrail = ComponentPricer(["aws_cloudtrail"], attributes: ["include_global_service_events", "insight_selector"],
                                            usage: [additionalManagementEvents, dataEvents, insightEvents]) { c in
        let perHundredK = 1 / Decimal(100_000)
        let usage = c.context.usage
        if c.resource.attributes["include_global_service_events"].bool != false || usage[additionalManagementEvents] != nil {
            c.usage("Management events (additional copies)", unit: "100k events", additionalManagementEvents, times: perHundredK)
        }
        c.usage("Data events", unit: "100k events", dataEvents, times: perHundredK)
        if !c.resource.attributes["insight_selector"].array.isEmpty || c.resource.attributes["insight_selector"].block != .null
            || usage[insightEvents] != nil {
            c.usage("Insight events", unit: "100k events", insightEvents, times: perHundredK)
        }
    }

    /// `aws_cloudwatch_event_bus`: events published (custom and third-party), archive processing and storage,
    /// and schema discovery (usage).
    static let eventBus = ComponentPricer(["aws_cloudwatch_event_bus"],
                                          usage: [customEvents, thirdPartyEvents, archiveProcessingGB, archiveStorageGB, schemaDiscoveryEvents]) { c in
        let perMillion = 1 / Decimal(1_000_000)
        c.usage("Custom events published", unit: "1M events", customEvents, times: perMillion)
        c.usage("Third-party events published", unit: "1M events", thirdPartyEvents, times: perMillion)
        c.usage("Archive processing", unit: "GB", archiveProcessingGB)
        c.usage("Archive storage", unit: "GB", archiveStorageGB)
        c.usage("Schema discovery", unit: "1M events", schemaDiscoveryEvents, times: perMillion)
    }

    /// `aws_cloudwatch_dashboard`: a monthly fee per dashboard.
    static let dashboard = ComponentPricer(["aws_cloudwatch_dashboard"]) { c in
        c.monthly("Dashboard")
    }

    /// `aws_cloudwatch_metric_alarm`: a monthly fee per alarm metric, by resolution (a period under 60 s is high
    /// resolution); anomaly-detection alarms count three metrics each.
    static let metricAlarm = ComponentPricer(["aws_cloudwatch_metric_alarm"], attributes: ["metric_query", "period", "comparison_operator"]) { c in
        let a = c.resource.attributes
        let anomaly = ["LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"]
            .contains(c.awsaString("comparison_operator") ?? "")
        var metrics: Decimal = 1
        var period = a["period"]
        let queries = a["metric_query"].array
        if !queries.isEmpty {
            let withMetric = queries.filter { $0["metric"].block != .null }
            metrics = Decimal(withMetric.count)
            period = withMetric.lazy.map { $0["metric"].block["period"] }.first { !$0.isNull } ?? .null
        }
        if Quantities.isUnknown(period) {
            c.line("Alarm metrics", unit: "alarm metrics", quantity: .unknownUntilApply(attribute: "period"))
            return
        }
        guard let seconds = period.decimal else {
            c.line("Alarm metrics", unit: "alarm metrics", quantity: .notDeclared(reason: "no metric period: the resolution is not known"))
            return
        }
        let resolution = seconds >= 60 ? "Standard resolution" : "High resolution"
        if anomaly {
            c.monthly("\(resolution) anomaly detection", count: .value(metrics * 3), unit: "alarms")
        } else {
            c.monthly(resolution, count: .value(metrics), unit: "alarm metrics")
        }
    }

    /// `aws_config_configuration_recorder`: configuration items recorded (usage).
    static let configRecorder = ComponentPricer(["aws_config_configuration_recorder"], usage: [configItems, customConfigItems]) { c in
        c.usage("Config items", unit: "records", configItems)
        c.usage("Custom config items", unit: "records", customConfigItems)
    }

    /// `aws_config_config_rule`, `aws_config_organization_custom_rule`, `aws_config_organization_managed_rule`:
    /// rule evaluations a month, in volume tiers (usage).
    static let configRules = ComponentPricer(["aws_config_config_rule", "aws_config_organization_custom_rule", "aws_config_organization_managed_rule"],
                                             usage: [AWSAKeys.monthlyRuleEvaluations]) { c in
        c.awsaTiered(AWSAKeys.monthlyRuleEvaluations, unit: "evaluations",
                     tiers: [("Rule evaluations (first 100K)", 100_000), ("Rule evaluations (next 400K)", 400_000),
                             ("Rule evaluations (over 500K)", nil)])
    }
}

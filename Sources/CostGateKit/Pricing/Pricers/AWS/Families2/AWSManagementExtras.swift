import FoundationEssentials
/// Usage keys of Systems Manager, Managed Grafana and MWAA (Infracost's names).
enum AWSManagementKeys {
    static let instanceTier = UsageKey("instance_tier", unit: "standard|advanced", "the on-premises instance tier (default standard)", text: true)
    static let parameterStorageHrs = UsageKey("parameter_storage_hrs", unit: "hours", "hours an advanced parameter is stored a month (default 730)")
    static let apiThroughputLimit = UsageKey("api_throughput_limit", unit: "standard|advanced|higher", "the parameter API throughput (default the tier)", text: true)
    static let apiInteractions = UsageKey("monthly_api_interactions", unit: "interactions", "parameter API interactions a month")
    static let editors = UsageKey("editors_administrator_licenses", unit: "users", "editor and administrator users (default 1)")
    static let viewers = UsageKey("viewer_licenses", unit: "users", "viewer users")
    static let additionalWorkers = UsageKey("additional_workers", unit: "workers", "workers past the environment's included one, on average")
    static let additionalSchedulers = UsageKey("additional_schedulers", unit: "schedulers", "schedulers past the included ones, on average")
    static let metaDatabaseGB = UsageKey("meta_database_gb", unit: "GB", "GB of the Airflow meta database")
}

enum AWSManagementExtrasFamily {
    static let pricers: [any Pricer] = [ssmActivation, ssmParameter, kmsExternalKey, grafana, mwaa]

    /// `aws_ssm_activation`: advanced-tier on-premises instances bill instance-hours (usage `instances`); the tier is the
    /// usage's `instance_tier`, else advanced above 1000 registrations; standard instances are free.
    static let ssmActivation = ComponentPricer(["aws_ssm_activation"], attributes: ["registration_limit"],
                                               usage: [.monthlyHrs, AWSManagementKeys.instanceTier, .instances]) { c in
        let tier = c.context.usage.text(AWSManagementKeys.instanceTier)
            ?? ((c.resource.attributes["registration_limit"].decimal ?? 0) > 1000 ? "advanced" : "standard")
        guard tier.lowercased() == "advanced" else { return c.assume("standard-tier on-premises instances are free") }
        c.usage("On-prem managed instances (advanced)", unit: "hour", .instances, times: Quantities.monthlyHours(c.context))
    }

    /// `aws_ssm_parameter`: an advanced parameter bills storage hours (usage, default 730) and, with advanced or higher
    /// throughput, API interactions per 10k (usage); standard parameters are free.
    static let ssmParameter = ComponentPricer(["aws_ssm_parameter"], attributes: ["tier"],
                                              usage: [AWSManagementKeys.parameterStorageHrs, AWSManagementKeys.apiThroughputLimit,
                                                      AWSManagementKeys.apiInteractions]) { c in
        let tier = (c.resource.attributes["tier"].nonEmptyString ?? "Standard").lowercased()
        if tier != "standard" {
            c.line("Parameter storage (advanced)", unit: "hour",
                   quantity: .value(c.context.usage[AWSManagementKeys.parameterStorageHrs] ?? 730), usageBased: true)
        }
        let throughput = (c.context.usage.text(AWSManagementKeys.apiThroughputLimit) ?? tier).lowercased()
        if throughput != "standard" {
            c.usage("API interactions (\(throughput))", unit: "10k interactions", AWSManagementKeys.apiInteractions, times: Decimal(1) / 10_000)
        }
        if tier == "standard" && throughput == "standard" { c.assume("standard parameters are free") }
    }

    /// `aws_kms_external_key`: a monthly fee per key with imported key material.
    static let kmsExternalKey = ComponentPricer(["aws_kms_external_key"]) { c in
        c.monthly("Customer master key")
    }

    /// `aws_grafana_workspace`: a monthly licence per editor/administrator (usage, default 1) and per viewer (usage).
    static let grafana = ComponentPricer(["aws_grafana_workspace"], usage: [AWSManagementKeys.editors, AWSManagementKeys.viewers]) { c in
        c.monthly("Editor/administrator licenses", count: .value(c.context.usage[AWSManagementKeys.editors] ?? 1), unit: "users")
        c.usage("Viewer licenses", unit: "users", AWSManagementKeys.viewers)
    }

    /// `aws_mwaa_environment`: environment-hours of its class (small, medium, large), plus additional workers and
    /// schedulers (hours, usage) and the meta database GB (usage).
    static let mwaa = ComponentPricer(["aws_mwaa_environment"], attributes: ["environment_class"],
                                      usage: [.monthlyHrs, AWSManagementKeys.additionalWorkers, AWSManagementKeys.additionalSchedulers,
                                              AWSManagementKeys.metaDatabaseGB]) { c in
        let raw = (c.resource.attributes["environment_class"].nonEmptyString ?? "mw1.small").lowercased()
        let size = raw.split(separator: ".").last.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Small"
        c.hours("Environment (\(size))")
        let hours = Quantities.monthlyHours(c.context)
        c.usage("Worker (\(size))", unit: "hour", AWSManagementKeys.additionalWorkers, times: hours)
        c.usage("Scheduler (\(size))", unit: "hour", AWSManagementKeys.additionalSchedulers, times: hours)
        c.usage("Meta database", unit: "GB", AWSManagementKeys.metaDatabaseGB)
    }
}

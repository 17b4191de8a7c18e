import FoundationEssentials
/// Usage keys of the Glue family and Step Functions (Infracost's names).
enum AWSGlueKeys {
    static let monthlyHours = UsageKey("monthly_hours", unit: "hours", "hours it runs a month")
    static let monthlyObjects = UsageKey("monthly_objects", unit: "objects", "objects stored in the Data Catalog")
    static let monthlyTransitions = UsageKey("monthly_transitions", unit: "transitions", "state transitions a month (standard workflows)")
    static let workflowDurationMs = UsageKey("workflow_duration_ms", unit: "ms", "average duration of an express workflow")
}

enum AWSGlueFamily {
    static let pricers: [any Pricer] = [catalogDatabase, crawler, job, stateMachine]

    /// `aws_glue_catalog_database`: stored objects per 100k and requests per million (usage); below 100k objects or
    /// 1M requests a month nothing is billed (the free tier, as Infracost takes it).
    static let catalogDatabase = ComponentPricer(["aws_glue_catalog_database"], usage: [AWSGlueKeys.monthlyObjects, .monthlyRequests]) { c in
        func line(_ name: String, unit: String, _ key: UsageKey, per: Decimal) {
            guard let v = c.context.usage[key] else { return c.line(name, unit: unit, quantity: .usageNotGiven, usageBased: true) }
            c.line(name, unit: unit, quantity: .value(v < per ? 0 : v / per), usageBased: true)
        }
        line("Storage", unit: "100k objects", AWSGlueKeys.monthlyObjects, per: 100_000)
        line("Requests", unit: "1M requests", .monthlyRequests, per: 1_000_000)
    }

    /// `aws_glue_crawler`: crawler hours a month (usage).
    static let crawler = ComponentPricer(["aws_glue_crawler"], usage: [AWSGlueKeys.monthlyHours]) { c in
        c.usage("Duration", unit: "hour", AWSGlueKeys.monthlyHours)
    }

    /// `aws_glue_job`: job hours a month (usage) at the job's DPUs (workers × DPUs per worker, else `max_capacity`,
    /// default 1); the price is per hour of that many DPUs.
    static let job = ComponentPricer(["aws_glue_job"], attributes: ["max_capacity", "number_of_workers", "worker_type"],
                                     usage: [AWSGlueKeys.monthlyHours]) { c in
        let a = c.resource.attributes
        var dpus: Decimal = a["max_capacity"].decimal ?? 1
        if Quantities.isUnknown(a["number_of_workers"]) || Quantities.isUnknown(a["max_capacity"]) {
            c.line("Duration", unit: "hours", quantity: .unknownUntilApply(attribute: "number_of_workers"))
            return
        }
        if let workers = a["number_of_workers"].decimal {
            let perWorker: Decimal = a["worker_type"].nonEmptyString?.lowercased() == "g.2x" ? 2 : 1
            dpus = workers * perWorker
        }
        let unit = dpus == 1 ? "hours (1 DPU)" : "hours (\(dpus) DPUs)"
        c.usage("Duration", unit: unit, AWSGlueKeys.monthlyHours)
    }

    /// `aws_sfn_state_machine`: standard workflows bill state transitions per thousand; express workflows bill
    /// requests per million and GB-hours of duration in 1K / 4K / rest tiers (memory rounded up to 64 MB, duration to
    /// 100 ms), all from the usage file.
    static let stateMachine = ComponentPricer(["aws_sfn_state_machine"], attributes: ["type"],
                                              usage: [.monthlyRequests, AWSGlueKeys.workflowDurationMs, AWSBKeys.memoryMB,
                                                      AWSGlueKeys.monthlyTransitions]) { c in
        let kind = (c.resource.attributes["type"].nonEmptyString ?? "STANDARD").uppercased()
        let u = c.context.usage
        if kind == "STANDARD" {
            c.usage("Transitions", unit: "1K transitions", AWSGlueKeys.monthlyTransitions, times: Decimal(1) / 1000)
            return
        }
        c.usage("Requests", unit: "1M requests", .monthlyRequests, times: Decimal(1) / 1_000_000)
        let names = ["Duration (first 1K)", "Duration (next 4K)", "Duration (over 5K)"]
        guard let requests = u[.monthlyRequests], let ms = u[AWSGlueKeys.workflowDurationMs], let mb = u[AWSBKeys.memoryMB] else {
            c.line(names[0], unit: "GB-hours", quantity: .usageNotGiven, usageBased: true)
            return
        }
        let memory = roundUp(max(mb, 64), to: 64)
        let duration = roundUp(ms, to: 100)
        let gbHours = requests * duration / 1000 * memory / 1024 / 3600
        for (i, q) in AWSB.tiers(gbHours, sizes: [1000, 4000]).enumerated() where i == 0 || q > 0 {
            c.line(names[i], unit: "GB-hours", quantity: .value(q), usageBased: true)
        }
    }

    /// `value` rounded up to a multiple of `step`.
    static func roundUp(_ value: Decimal, to step: Decimal) -> Decimal {
        HCLFunctions.ceiling(value / step) * step
    }
}

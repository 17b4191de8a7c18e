import FoundationEssentials
/// Usage keys of Cloud Run and Cloud Functions (Infracost's names).
enum GCPServerlessKeys {
    static let averageRequestDurationMs = UsageKey("average_request_duration_ms", unit: "ms", "average duration of a request")
    static let concurrentRequests = UsageKey("concurrent_requests_per_instance", unit: "requests", "requests one instance serves at once")
    static let instanceHrs = UsageKey("instance_hrs", unit: "hours", "hours each minimum instance runs a month")
    static let jobExecutions = UsageKey("monthly_job_executions", unit: "executions", "job executions a month")
    static let taskExecutionMins = UsageKey("average_task_execution_mins", unit: "minutes", "average minutes one task runs")
    static let functionInvocations = UsageKey("monthly_function_invocations", unit: "invocations", "function invocations a month")
    static let outboundDataGB = UsageKey("monthly_outbound_data_gb", unit: "GB", "data the function sends out a month")
}

/// Cloud Run services and jobs and Cloud Functions (1st gen), priced by component keys.
enum GCPServerlessFamily {
    static let pricers: [any Pricer] = [
        /// `google_cloud_run_v2_service`: CPU and memory seconds — per request (CPU throttled, `cpu_idle` true: requests ×
        /// duration ÷ concurrency) plus requests, or for the always-allocated minimum instances — at the region tier's price.
        ComponentPricer(["google_cloud_run_v2_service"], attributes: ["template"],
                        usage: [.monthlyRequests, GCPServerlessKeys.averageRequestDurationMs, GCPServerlessKeys.concurrentRequests,
                                GCPServerlessKeys.instanceHrs]) { c in
            let template = c.resource.attributes["template"].block
            let resources = template["containers"].array.first?["resources"].block ?? .null
            let (cpu, gib) = limits(resources["limits"])
            let throttled = resources["cpu_idle"].bool ?? true
            let tier = tierSuffix(c.region)
            let suffix = "/throttling=\(throttled ? "enabled" : "disabled")"
            let u = c.context.usage
            var seconds: Quantity
            if throttled {
                if let n = u[.monthlyRequests], let ms = u[GCPServerlessKeys.averageRequestDurationMs], let conc = u[GCPServerlessKeys.concurrentRequests], conc > 0 {
                    seconds = .value(n * ms / 1000 / conc)
                } else {
                    seconds = .usageNotGiven
                }
            } else {
                let minimum = template["scaling"].block["min_instance_count"].decimal ?? 0
                let hours = u[GCPServerlessKeys.instanceHrs].flatMap { $0 > 0 ? $0 : nil } ?? Money.hoursPerMonth
                seconds = .value(hours * 3600 * minimum)
            }
            GCPTiers.line(&c, "CPU allocation time\(tier)", unit: "vCPU-seconds", Quantities.scaled(seconds, by: cpu), suffix: suffix)
            GCPTiers.line(&c, "Memory allocation time\(tier)", unit: "GiB-seconds", Quantities.scaled(seconds, by: gib), suffix: suffix)
            if throttled {
                c.usage("Number of requests", unit: "requests", .monthlyRequests)
            }
        },
        /// `google_cloud_run_v2_job`: CPU and memory seconds of its tasks (executions × tasks × minutes), at the region tier's price.
        ComponentPricer(["google_cloud_run_v2_job"], attributes: ["template"],
                        usage: [GCPServerlessKeys.jobExecutions, GCPServerlessKeys.taskExecutionMins]) { c in
            let template = c.resource.attributes["template"].block
            let (cpu, gib) = limits(template["template"].block["containers"].array.first?["resources"].block["limits"] ?? .null)
            let tasks = template["task_count"].decimal ?? 1
            var seconds: Quantity = .usageNotGiven
            if let runs = c.context.usage[GCPServerlessKeys.jobExecutions], let mins = c.context.usage[GCPServerlessKeys.taskExecutionMins] {
                seconds = .value(runs * tasks * mins * 60)
            }
            let tier = tierSuffix(c.region)
            c.line("CPU allocation time\(tier)", unit: "vCPU-seconds", quantity: Quantities.scaled(seconds, by: cpu), usageBased: true)
            c.line("Memory allocation time\(tier)", unit: "GiB-seconds", quantity: Quantities.scaled(seconds, by: gib), usageBased: true)
        },
        /// `google_cloudfunctions_function`: GHz- and GB-seconds of invocations (duration rounded up to 100 ms, the CPU
        /// of the memory size), invocations and outbound GB.
        ComponentPricer(["google_cloudfunctions_function"], attributes: ["available_memory_mb"],
                        usage: [.requestDurationMs, GCPServerlessKeys.functionInvocations, GCPServerlessKeys.outboundDataGB]) { c in
            let mb = c.resource.attributes["available_memory_mb"].decimal ?? 256
            let mhz: [Decimal: Decimal] = [128: 200, 256: 400, 512: 800, 1024: 1400, 2048: 2400, 4096: 4800]
            var ms: Decimal = 100
            if let d = c.context.usage[.requestDurationMs] { ms = HCLFunctions.ceiling(d / 100) * 100 }
            let invocations = Quantities.usage(GCPServerlessKeys.functionInvocations, c.context)
            c.line("CPU", unit: "GHz-seconds", quantity: Quantities.scaled(invocations, by: (mhz[mb] ?? 0) / 1000 * ms / 1000), usageBased: true)
            if mhz[mb] == nil { c.assume("memory size \(Money.plain(mb)) MB has no CPU allocation in the 1st gen table: CPU not counted") }
            c.line("Memory", unit: "GB-seconds", quantity: Quantities.scaled(invocations, by: mb / 1024 * ms / 1000), usageBased: true)
            c.line("Invocations", unit: "invocations", quantity: invocations, usageBased: true)
            c.usage("Outbound data transfer", unit: "GB", GCPServerlessKeys.outboundDataGB)
        },
    ]

    /// Cloud Run's tier 1 regions (lower prices); every other region is tier 2.
    static let tier1: Set<String> = ["asia-east1", "asia-northeast1", "asia-northeast2", "europe-north1", "europe-southwest1", "europe-west1",
                                     "europe-west4", "europe-west8", "europe-west9", "me-west1", "us-central1", "us-east1", "us-east4",
                                     "us-east5", "us-south1", "us-west1"]

    static func tierSuffix(_ region: String) -> String { tier1.contains(region) ? "" : " (tier 2)" }

    /// A container's CPU (vCPUs; default 1) and memory (GiB; default 512Mi) limits.
    static func limits(_ limits: Value) -> (Decimal, Decimal) {
        var cpu: Decimal = 1
        if let s = limits["cpu"].string {
            if s.hasSuffix("m"), let m = Decimal(string: String(s.dropLast())) { cpu = m / 1000 } else if let v = Decimal(string: s) { cpu = v }
        }
        var gib = Decimal(1) / 2
        if let s = limits["memory"].string {
            let units: [(String, Decimal)] = [("Ki", 1024), ("Mi", 1024 * 1024), ("Gi", 1024 * 1024 * 1024), ("k", 1000), ("K", 1000),
                                              ("M", 1_000_000), ("G", 1_000_000_000)]
            if let (suffix, factor) = units.first(where: { s.hasSuffix($0.0) }), let v = Decimal(string: String(s.dropLast(suffix.count))) {
                gib = v * factor / (1024 * 1024 * 1024)
            } else if let v = Decimal(string: s) {
                gib = v / (1024 * 1024 * 1024)
            }
        }
        return (cpu, gib)
    }
}

import FoundationEssentials
/// Usage keys of Lambda provisioned concurrency, Transfer Family and SNS subscriptions (Infracost's names).
enum AWSServiceExtrasKeys {
    static let durationHrs = UsageKey("monthly_duration_hrs", unit: "hours", "hours a month provisioned concurrency is on")
    static let architecture = UsageKey("architecture", unit: "x86_64|arm64", "the function's architecture (default x86_64)", text: true)
    static let downloadedGB = UsageKey("monthly_data_downloaded_gb", unit: "GB", "GB downloaded through the server a month")
    static let uploadedGB = UsageKey("monthly_data_uploaded_gb", unit: "GB", "GB uploaded through the server a month")
    static let requestSizeKB = UsageKey("request_size_kb", unit: "KB", "size of a notification (billed in 64 KB chunks, default 64)")
}

enum AWSServiceExtrasFamily {
    static let pricers: [any Pricer] = [lambdaProvisioned, lightsail, transferServer, snsSubscription]

    /// `aws_lambda_provisioned_concurrency_config`: requests per million, provisioned concurrency GB-seconds
    /// (executions × memory × hours on) and duration GB-seconds of the requests (usage); arm64 has its own prices.
    static let lambdaProvisioned = ComponentPricer(["aws_lambda_provisioned_concurrency_config"], attributes: ["provisioned_concurrent_executions"],
                                                   usage: [.monthlyRequests, .requestDurationMs, AWSBKeys.memoryMB,
                                                           AWSServiceExtrasKeys.durationHrs, AWSServiceExtrasKeys.architecture]) { c in
        let u = c.context.usage
        let arch = "arch=\(u.text(AWSServiceExtrasKeys.architecture)?.lowercased() == "arm64" ? "arm64" : "x86-64")"
        let gb = (u[AWSBKeys.memoryMB] ?? 512) / 1024
        c.usage("Requests", unit: "1M requests", .monthlyRequests, times: Decimal(1) / 1_000_000)
        let executions = c.number("provisioned_concurrent_executions") ?? .unknownUntilApply(attribute: "provisioned_concurrent_executions")
        let concurrency: Quantity
        switch (executions, u[AWSServiceExtrasKeys.durationHrs]) {
        case (.value(let n), let hours?): concurrency = .value(n * gb * hours * 3600)
        case (.value, nil): concurrency = .usageNotGiven
        default: concurrency = executions
        }
        c.keyed("Provisioned Concurrency", unit: "GB-seconds", quantity: concurrency, suffix: arch, usageBased: true)
        let duration: Quantity = u[.monthlyRequests].map { .value($0 * (u[.requestDurationMs] ?? 1) / 1000 * gb) } ?? .usageNotGiven
        c.keyed("Duration", unit: "GB-seconds", quantity: duration, suffix: arch, usageBased: true)
    }

    /// `aws_lightsail_instance`: bundle-hours; the price depends on the bundle size and the operating system.
    static let lightsail = ComponentPricer(["aws_lightsail_instance"], attributes: ["bundle_id"], usage: [.monthlyHrs]) { c in
        let bundleValue = c.resource.attributes["bundle_id"]
        guard let bundle = bundleValue.nonEmptyString?.lowercased(), !Quantities.isUnknown(bundleValue) else {
            c.line("Virtual server", unit: "hour", quantity: .unknownUntilApply(attribute: "bundle_id"))
            return
        }
        let os = bundle.contains("_win_") ? "Windows" : "Linux/UNIX"
        let size = bundle.split(separator: "_").first.map(String.init) ?? bundle
        c.keyed("Virtual server (\(os))", unit: "hour", quantity: Quantities.scaled(.value(1), by: Quantities.monthlyHours(c.context)),
                suffix: "bundle=\(size)")
    }

    /// `aws_transfer_server`: hours per enabled protocol (default SFTP), plus GB downloaded and uploaded (usage).
    static let transferServer = ComponentPricer(["aws_transfer_server"], attributes: ["protocols"],
                                                usage: [.monthlyHrs, AWSServiceExtrasKeys.downloadedGB, AWSServiceExtrasKeys.uploadedGB]) { c in
        let value = c.resource.attributes["protocols"]
        if Quantities.isUnknown(value) {
            c.line("Protocol enabled", unit: "hour", quantity: .unknownUntilApply(attribute: "protocols"))
        } else {
            let listed = Set(value.array.compactMap { $0.nonEmptyString?.uppercased() })
            for p in (listed.isEmpty ? ["SFTP"] : listed.sorted()) { c.hours("\(p) protocol enabled") }
        }
        c.usage("Data downloaded", unit: "GB", AWSServiceExtrasKeys.downloadedGB)
        c.usage("Data uploaded", unit: "GB", AWSServiceExtrasKeys.uploadedGB)
    }

    /// `aws_sns_topic_subscription`: HTTP(S) deliveries per million (usage requests × 64 KB chunks); other protocols
    /// are billed with the topic or not at all.
    static let snsSubscription = ComponentPricer(["aws_sns_topic_subscription"], attributes: ["protocol"],
                                                 usage: [.monthlyRequests, AWSServiceExtrasKeys.requestSizeKB]) { c in
        let proto = c.resource.attributes["protocol"].nonEmptyString?.lowercased() ?? ""
        guard proto == "http" || proto == "https" else { return c.assume("\(proto) subscriptions have no delivery charge of their own") }
        let chunks = HCLFunctions.ceiling((c.context.usage[AWSServiceExtrasKeys.requestSizeKB] ?? 64) / 64)
        c.usage("HTTP notifications", unit: "1M notifications", .monthlyRequests, times: chunks / 1_000_000)
    }
}

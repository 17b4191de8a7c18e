import FoundationEssentials
/// Azure Monitor: Log Analytics workspaces, action groups, data collection rules, diagnostic settings, metric alerts
/// and log (scheduled query) alerts.
enum AzureMonitorPricers {
    static let all: [any Pricer] = [logAnalyticsWorkspace, actionGroup, dataCollectionRule, diagnosticSetting, metricAlert,
                                    scheduledQueryRulesAlert, scheduledQueryRulesAlertV2]

    static let monthlyNotifications = UsageKey("monthly_notifications", unit: "notifications", "notifications each receiver gets a month")
    static let customMetricsSamples = UsageKey("monthly_custom_metrics_samples", unit: "samples", "custom metric samples ingested a month")
    static let platformLogGB = UsageKey("monthly_platform_log_gb", unit: "GB", "platform logs processed a month, GB")
    static let logIngestionGB = UsageKey("monthly_log_data_ingestion_gb", unit: "GB", "log data ingested a month, GB")
    static let sentinelIngestionGB = UsageKey("monthly_sentinel_data_ingestion_gb", unit: "GB", "Sentinel data ingested a month, GB")
    static let retentionGB = UsageKey("monthly_additional_log_data_retention_gb", unit: "GB", "log data kept beyond the free 30 days, GB")
    static let exportGB = UsageKey("monthly_log_data_export_gb", unit: "GB", "log data exported a month, GB")
    static let basicIngestionGB = UsageKey("monthly_basic_log_data_ingestion_gb", unit: "GB", "basic logs ingested a month, GB")
    static let basicSearchGB = UsageKey("monthly_basic_log_search_gb", unit: "GB", "basic logs searched a month, GB")
    static let archiveGB = UsageKey("monthly_archive_data_gb", unit: "GB", "archived log data, GB")
    static let archiveRestoredGB = UsageKey("monthly_archive_data_restored_gb", unit: "GB", "archived log data restored a month, GB")
    static let archiveSearchedGB = UsageKey("monthly_archive_data_searched_gb", unit: "GB", "archived log data searched a month, GB")

    /// Sentinel data connectors: a workspace they name (directly or through a Log Analytics solution) runs Sentinel.
    static let sentinelConnectors = [
        "azurerm_sentinel_data_connector_aws_cloud_trail", "azurerm_sentinel_data_connector_azure_active_directory",
        "azurerm_sentinel_data_connector_azure_advanced_threat_protection", "azurerm_sentinel_data_connector_azure_security_center",
        "azurerm_sentinel_data_connector_microsoft_cloud_app_security",
        "azurerm_sentinel_data_connector_microsoft_defender_advanced_threat_protection", "azurerm_sentinel_data_connector_office_365",
        "azurerm_sentinel_data_connector_threat_intelligence",
    ]

    /// Commitment tiers of Log Analytics, GB a day (a reservation between two is billed at the lower one).
    static let commitmentTiers: [Decimal] = [100, 200, 300, 400, 500, 1000, 2000, 5000]

    static func sentinelEnabled(_ c: Components) -> Bool {
        let ws = c.resource.address
        for type in sentinelConnectors {
            for conn in c.context.resources(ofType: type) {
                if c.context.referenced("azurerm_log_analytics_workspace", from: conn, attribute: "log_analytics_workspace_id")?.address == ws {
                    return true
                }
                if let sol = c.context.referenced("azurerm_log_analytics_solution", from: conn, attribute: "log_analytics_workspace_id"),
                   c.context.referenced("azurerm_log_analytics_workspace", from: sol, attribute: "workspace_resource_id")?.address == ws {
                    return true
                }
            }
        }
        return false
    }

    /// `azurerm_log_analytics_workspace`: log (and, when Sentinel connectors name the workspace, Sentinel) ingestion per
    /// GB on PerGB2018 or as the commitment tier's daily price on CapacityReservation, retention beyond 30 days, export,
    /// basic logs and archive (usage). Free and legacy SKUs are not priced.
    static let logAnalyticsWorkspace = ComponentPricer(
        ["azurerm_log_analytics_workspace"], attributes: ["sku", "reservation_capacity_in_gb_per_day", "retention_in_days"],
        usage: [logIngestionGB, sentinelIngestionGB, retentionGB, exportGB, basicIngestionGB, basicSearchGB, archiveGB, archiveRestoredGB,
                archiveSearchedGB],
        related: Dictionary(uniqueKeysWithValues: sentinelConnectors.map { ($0, Set(["log_analytics_workspace_id"])) })
            .merging(["azurerm_log_analytics_solution": ["workspace_resource_id"]]) { $0.union($1) }
    ) { c in
        let a = c.resource.attributes
        let sku = a["sku"].nonEmptyString ?? "PerGB2018"
        if sku == "Free" { c.assume("Free workspace: no charge"); return }
        if ["unlimited", "standard", "premium", "pernode"].contains(sku.lowercased()) {
            c.assume("legacy pricing tier \(sku): not priced")
            return
        }
        let sentinel = sentinelEnabled(c)
        if sku == "PerGB2018" {
            c.usage("Log data ingestion", unit: "GB", logIngestionGB)
            if sentinel { c.usage("Sentinel data ingestion", unit: "GB", sentinelIngestionGB) }
        }
        if sku == "CapacityReservation", let reserved = a["reservation_capacity_in_gb_per_day"].decimal, reserved > 0 {
            let tier = commitmentTiers.last { $0 <= reserved } ?? commitmentTiers[0]
            let unit = "\(Money.plain(tier)) GB (per day)"
            c.line("Log data ingestion", unit: unit, quantity: .value(30))
            if sentinel { c.line("Sentinel data ingestion", unit: unit, quantity: .value(30)) }
        }
        if let days = a["retention_in_days"].decimal, days > 30 { c.usage("Log data retention", unit: "GB", retentionGB) }
        c.usage("Log data export", unit: "GB", exportGB)
        c.usage("Basic log data ingestion", unit: "GB", basicIngestionGB)
        c.usage("Basic log search queries", unit: "GB searched", basicSearchGB)
        c.usage("Archive data", unit: "GB", archiveGB)
        c.usage("Archive data restored", unit: "GB", archiveRestoredGB)
        c.usage("Archive data searched", unit: "GB", archiveSearchedGB)
    }

    /// `azurerm_monitor_action_group`: each receiver kind (email, ITSM, push, secure and plain web hooks, SMS and voice
    /// by country code) × usage `monthly_notifications`. The book keys the prices without the receiver count.
    static let actionGroup = ComponentPricer(["azurerm_monitor_action_group"],
                                             attributes: ["email_receiver", "itsm_receiver", "azure_app_push_receiver", "webhook_receiver",
                                                          "sms_receiver", "voice_receiver"],
                                             usage: [monthlyNotifications]) { c in
        let a = c.resource.attributes
        let n = AzureB.given(monthlyNotifications, c)
        func receivers(_ name: String, _ unit: String, _ count: Int, key: String? = nil) {
            guard count > 0 else { return }
            c.line("\(name) (\(count))", unit: unit, quantity: n.map { .value($0 * Decimal(count)) } ?? .usageNotGiven,
                   keyName: key ?? name, usageBased: true)
        }
        let hooks = a["webhook_receiver"].array
        let secure = hooks.filter { !$0["aad_auth"].block.isNull }.count
        receivers("Email notifications", "emails", a["email_receiver"].array.count)
        receivers("ITSM connectors", "events", a["itsm_receiver"].array.count)
        receivers("Push notifications", "notifications", a["azure_app_push_receiver"].array.count)
        receivers("Secure web hooks", "notifications", secure)
        receivers("Web hooks", "notifications", hooks.count - secure)
        for (block, group, unit) in [("sms_receiver", "SMS messages", "messages"), ("voice_receiver", "Voice calls", "calls")] {
            var byCode: [Int: Int] = [:]
            for r in a[block].array { if let code = r["country_code"].string.flatMap({ Int($0) }) { byCode[code, default: 0] += 1 } }
            for code in byCode.keys.sorted() {
                receivers("\(group) > Country code \(code)", unit, byCode[code]!, key: "\(group) > Country code \(code)")
            }
        }
    }

    /// `azurerm_monitor_data_collection_rule`: custom metric samples ingested (usage), per 10M.
    static let dataCollectionRule = ComponentPricer(["azurerm_monitor_data_collection_rule"], usage: [customMetricsSamples]) { c in
        c.usage("Metrics ingestion", unit: "10M samples", customMetricsSamples, times: Decimal(string: "0.0000001")!)
    }

    /// `azurerm_monitor_diagnostic_setting` (where its target resource is): platform logs sent to a storage account,
    /// an event hub or a partner solution (usage), per GB; logs sent to a Log Analytics workspace are not billed here.
    static let diagnosticSetting = DiagnosticSettingPricer()
    /// `azurerm_monitor_metric_alert` (enabled): time series monitored (scopes × criteria dimensions, static and
    /// dynamic) and those with dynamic thresholds, a month.
    static let metricAlert = ComponentPricer(["azurerm_monitor_metric_alert"], attributes: ["enabled", "scopes", "criteria", "dynamic_criteria"]) { c in
        let a = c.resource.attributes
        guard a["enabled"].bool ?? true else { c.assume("disabled alert: no charge"); return }
        let scopes = max(a["scopes"].array.count, 1)
        let dims = a["criteria"].array.reduce(0) { $0 + $1["dimension"].array.count }
        let dynamic = a["dynamic_criteria"].array.reduce(0) { $0 + $1["dimension"].array.count }
        if scopes * (dims + dynamic) > 0 {
            c.line("Metrics monitoring", unit: "time-series", quantity: .value(Decimal(scopes * (dims + dynamic))))
        }
        if scopes * dynamic > 0 { c.line("Dynamic threshold monitoring", unit: "time-series", quantity: .value(Decimal(scopes * dynamic))) }
    }

    /// The log-alert lines of a rule evaluated every `minutes` (billed at 1, 5, 10 or 15 minutes) over `timeSeries`.
    static func logAlert(_ c: inout Components, minutes: Decimal, timeSeries: Int) {
        let f = minutes >= 15 ? 15 : minutes >= 10 ? 10 : minutes >= 5 ? 5 : 1
        c.line("Log alerts monitoring (\(f) minute frequency)", unit: "rule", quantity: .value(1))
        if timeSeries > 1 {
            c.line("Additional time-series monitoring (\(f) minute frequency)", unit: "time-series", quantity: .value(Decimal(timeSeries - 1)))
        }
    }

    /// `azurerm_monitor_scheduled_query_rules_alert` (enabled): the rule a month at its `frequency` (minutes).
    static let scheduledQueryRulesAlert = ComponentPricer(["azurerm_monitor_scheduled_query_rules_alert"], attributes: ["enabled", "frequency"]) { c in
        let a = c.resource.attributes
        guard a["enabled"].bool ?? true else { c.assume("disabled alert: no charge"); return }
        logAlert(&c, minutes: a["frequency"].decimal ?? 1, timeSeries: 1)
    }

    /// Minutes of an ISO 8601 duration (`PT5M`, `PT1H`, `P1D`); nil when it is not one.
    static func isoMinutes(_ text: String) -> Decimal? {
        var total: Decimal = 0
        var number = ""
        var inTime = false
        var any = false
        for ch in text.uppercased().dropFirst(text.uppercased().hasPrefix("P") ? 1 : 0) {
            if ch == "T" { inTime = true; continue }
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let v = Decimal(string: number) else { return nil }
            number = ""
            any = true
            switch (ch, inTime) {
            case ("W", false): total += v * 7 * 24 * 60
            case ("D", false): total += v * 24 * 60
            case ("H", true): total += v * 60
            case ("M", true): total += v
            case ("S", true): total += v / 60
            default: return nil
            }
        }
        return any && number.isEmpty && text.uppercased().hasPrefix("P") ? total : nil
    }

    /// `azurerm_monitor_scheduled_query_rules_alert_v2` (enabled): the rule a month at its `evaluation_frequency`, and
    /// each time series beyond the first (scopes × criteria dimensions).
    static let scheduledQueryRulesAlertV2 = ComponentPricer(["azurerm_monitor_scheduled_query_rules_alert_v2"],
                                                            attributes: ["enabled", "evaluation_frequency", "scopes", "criteria"]) { c in
        let a = c.resource.attributes
        guard a["enabled"].bool ?? true else { c.assume("disabled alert: no charge"); return }
        let minutes = a["evaluation_frequency"].string.flatMap(isoMinutes) ?? 1
        let scopes = max(a["scopes"].array.count, 1)
        let dims = a["criteria"].array.reduce(0) { $0 + $1["dimension"].array.count }
        logAlert(&c, minutes: minutes, timeSeries: scopes * dims)
    }
}

/// `azurerm_monitor_diagnostic_setting`: see `AzureMonitorPricers.diagnosticSetting`. Its region is its target's,
/// whatever type the target is.
struct DiagnosticSettingPricer: Pricer {
    let resourceTypes = ["azurerm_monitor_diagnostic_setting"]
    let attributes: Set<String> = ["target_resource_id", "storage_account_id", "eventhub_authorization_rule_id", "partner_solution_id"]
    let usageKeys = [AzureMonitorPricers.platformLogGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var target: Resource?
        for ref in r.references["target_resource_id"] ?? [] {
            let parts = ConfigIndex.splitSegments(ref)
            if parts.count >= 2, let t = context.referenced(parts[0], from: r, attribute: "target_resource_id") { target = t; break }
        }
        var c = Components(r, context, region: r.region ?? target?.region)
        let a = r.attributes
        guard ["storage_account_id", "eventhub_authorization_rule_id", "partner_solution_id"].contains(where: { !a[$0].isNull }) else {
            c.assume("logs go only to a Log Analytics workspace: billed there as ingestion")
            return c.out
        }
        c.usage("Platform logs processed", unit: "GB", AzureMonitorPricers.platformLogGB)
        return c.out
    }
}

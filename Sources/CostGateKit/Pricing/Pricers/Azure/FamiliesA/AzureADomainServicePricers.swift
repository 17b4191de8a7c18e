import FoundationEssentials
/// Usage keys of the azure-a families, declared once (matched by name, Infracost's names).
enum AzureAKeys {
    // DNS
    static let monthlyQueries = UsageKey("monthly_queries", unit: "queries", "DNS queries a month")
    // Automation
    static let jobRunMins = UsageKey("monthly_job_run_mins", unit: "minutes", "job run minutes a month")
    static let configNodes = UsageKey("non_azure_config_node_count", unit: "nodes", "non-Azure nodes under DSC configuration")
    // Bastion
    static let outboundDataGB = UsageKey("monthly_outbound_data_gb", unit: "GB", "outbound data transfer a month")
    // API management
    static let apiCalls = UsageKey("monthly_api_calls", unit: "calls", "API calls a month (Consumption tier)")
    static let gateways = UsageKey("self_hosted_gateway_count", unit: "gateways", "self-hosted gateways (Premium tier)")
    // App configuration
    static let additionalRequests = UsageKey("monthly_additional_requests", unit: "requests",
                                             "requests a month over the 200k a day per replica included")
    // Application insights
    static let dataIngestedGB = UsageKey("monthly_data_ingested_gb", unit: "GB", "data ingested a month")
    // Container registry
    static let storageGB = UsageKey("storage_gb", unit: "GB", "data stored")
    static let buildVCPUHrs = UsageKey("monthly_build_vcpu_hrs", unit: "vCPU-hours", "build (task) vCPU hours a month")
    // Databricks
    static let allPurposeDBU = UsageKey("monthly_all_purpose_compute_dbu_hrs", unit: "DBU-hours", "all-purpose compute DBU hours a month")
    static let jobsDBU = UsageKey("monthly_jobs_compute_dbu_hrs", unit: "DBU-hours", "jobs compute DBU hours a month")
    static let jobsLightDBU = UsageKey("monthly_jobs_light_compute_dbu_hrs", unit: "DBU-hours", "jobs light compute DBU hours a month")
    // Data factory
    static let orchestrationRuns = UsageKey("monthly_orchestration_runs", unit: "runs", "activity runs a month")
    static let readWriteOps = UsageKey("monthly_read_write_operation_entities", unit: "entities", "read/write operation entities a month")
    static let monitoringOps = UsageKey("monthly_monitoring_operation_entities", unit: "entities", "monitoring operation entities a month")
    // CDN
    static let outboundGB = UsageKey("monthly_outbound_gb", unit: "GB", "outbound data transfer a month")
    static let rulesRequests = UsageKey("monthly_rules_engine_requests", unit: "requests", "rules engine requests a month")
}

/// `azurerm_active_directory_domain_service` (hours by SKU) and `azurerm_active_directory_domain_service_replica_set`
/// (hours at its domain service's SKU).
enum AzureADomainServicePricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_active_directory_domain_service"], attributes: ["sku"], usage: [.monthlyHrs]) { c in
            c.hours("Active directory domain service (\(sku(c.resource.attributes["sku"])))")
        },
        ComponentPricer(["azurerm_active_directory_domain_service_replica_set"], attributes: ["domain_service_id"],
                        usage: [.monthlyHrs], related: ["azurerm_active_directory_domain_service": ["sku", "location"]]) { c in
            let service = c.context.referenced("azurerm_active_directory_domain_service", from: c.resource, attribute: "domain_service_id")
            if service == nil { c.assume("domain service not found in the configuration: Standard SKU assumed") }
            c.hours("Active directory domain service replica set (\(sku(service?.attributes["sku"] ?? .null)))")
        },
    ]

    /// `standard` → `Standard` (Infracost's label), Standard when not set.
    static func sku(_ v: Value) -> String {
        let s = (v.nonEmptyString ?? "Standard").lowercased()
        return s.prefix(1).uppercased() + s.dropFirst()
    }
}

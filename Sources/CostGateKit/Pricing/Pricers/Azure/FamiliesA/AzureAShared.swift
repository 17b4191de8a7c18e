import FoundationEssentials
/// What the azure-a families share: splitting a usage amount into Infracost's tiers, and Azure region display names.
enum AzureA {
    /// `total` split into consecutive tiers of the given widths; the last bucket holds what is left over
    /// (so the result has `widths.count + 1` entries).
    static func tiers(_ total: Decimal, widths: [Decimal]) -> [Decimal] {
        var left = max(total, 0)
        var out: [Decimal] = []
        for w in widths {
            let take = min(left, w)
            out.append(take)
            left -= take
        }
        out.append(left)
        return out
    }

    /// A tiered usage charge: one line per tier the usage reaches (`names[i]` for tier `i`), or the first tier
    /// as "depends on usage" when the usage file does not give `key`. `factor` converts the usage to the unit.
    static func tiered(_ c: inout Components, _ names: [String], unit: String, _ key: UsageKey, widths: [Decimal],
                       times factor: Decimal = 1) {
        guard let given = c.context.usage[key] else {
            c.line(names[0], unit: unit, quantity: .usageNotGiven, usageBased: true)
            return
        }
        for (i, amount) in tiers(given * factor, widths: widths).enumerated() where amount > 0 && i < names.count {
            c.line(names[i], unit: unit, quantity: .value(amount), usageBased: true)
        }
    }

    /// A line whose price key adds a qualifier to the component key (`…/SLUG/UNIT/sku=premium`), for labels the facts
    /// price differently by what the rule module `rules/azure_azure_a.py` keys them with.
    static func line(_ c: inout Components, _ name: String, unit: String, quantity: Quantity, keyName: String? = nil,
                     qualifier: String, usageBased: Bool = false) {
        let key = c.key(keyName ?? name, unit: unit) + "/" + qualifier
        c.append(PricedUsage(lines: [UsageLine(name, unit: unit, quantity: quantity, priceKey: key, usageBased: usageBased)]))
    }

    /// A region name as Terraform may write it (`West Europe`, `westeurope`) in Azure's short form.
    static func shortRegion(_ location: String) -> String {
        String(location.lowercased().filter { $0 != " " })
    }

    /// Azure's display name of a region (`westus` → `West US`), as Infracost names per-region components; nil when unknown.
    static func displayName(_ region: String) -> String? { regionNames[shortRegion(region)] }

    static let regionNames: [String: String] = [
        "eastus": "East US", "eastus2": "East US 2", "westus": "West US", "westus2": "West US 2", "westus3": "West US 3",
        "centralus": "Central US", "northcentralus": "North Central US", "southcentralus": "South Central US",
        "westcentralus": "West Central US", "canadacentral": "Canada Central", "canadaeast": "Canada East",
        "brazilsouth": "Brazil South", "brazilsoutheast": "Brazil Southeast", "northeurope": "North Europe",
        "westeurope": "West Europe", "uksouth": "UK South", "ukwest": "UK West", "francecentral": "France Central",
        "francesouth": "France South", "germanywestcentral": "Germany West Central", "germanynorth": "Germany North",
        "switzerlandnorth": "Switzerland North", "switzerlandwest": "Switzerland West", "norwayeast": "Norway East",
        "norwaywest": "Norway West", "swedencentral": "Sweden Central", "swedensouth": "Sweden South",
        "polandcentral": "Poland Central", "italynorth": "Italy North", "spaincentral": "Spain Central",
        "eastasia": "East Asia", "southeastasia": "Southeast Asia", "japaneast": "Japan East", "japanwest": "Japan West",
        "koreacentral": "Korea Central", "koreasouth": "Korea South", "centralindia": "Central India",
        "southindia": "South India", "westindia": "West India", "australiaeast": "Australia East",
        "australiasoutheast": "Australia Southeast", "australiacentral": "Australia Central",
        "australiacentral2": "Australia Central 2", "uaenorth": "UAE North", "uaecentral": "UAE Central",
        "southafricanorth": "South Africa North", "southafricawest": "South Africa West", "qatarcentral": "Qatar Central",
        "israelcentral": "Israel Central", "mexicocentral": "Mexico Central",
    ]
}

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

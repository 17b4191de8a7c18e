import FoundationEssentials
/// Azure Synapse Analytics: workspaces (serverless SQL, data flows, pipelines), Spark pools and dedicated SQL pools.
enum AzureSynapse {
    typealias K = AzureCSynapseKeys

    /// A usage product (`a` × `b` × …), "depends on usage" when any factor is missing.
    static func product(_ c: Components, _ keys: [UsageKey]) -> Quantity {
        var total: Decimal = 1
        for k in keys {
            guard let v = c.context.usage[k] else { return .usageNotGiven }
            total *= v
        }
        return .value(total)
    }

    /// `azurerm_synapse_workspace`: serverless SQL TB processed, data flow vCore-hours (basic, standard), and
    /// pipeline activity runs, data integration unit hours and activity hours (Azure-hosted at the managed virtual
    /// network's prices when it is enabled, or self-hosted), all from usage.
    static let workspace = ComponentPricer(["azurerm_synapse_workspace"], attributes: ["managed_virtual_network_enabled"],
                                           usage: [K.serverlessTB, K.basicInstances, K.basicVCores, K.basicHours, K.standardInstances, K.standardVCores,
                                                   K.standardHours, K.azureActivityRuns, K.azureDIUs, K.azureDIUHours, K.azureRuntimeHours,
                                                   K.azureExternalHours, K.selfActivityRuns, K.selfMovementHours, K.selfRuntimeHours, K.selfExternalHours]) { c in
        c.usage("Serverless SQL pool size", unit: "TB", K.serverlessTB)
        c.line("Data flow (basic)", unit: "vCore-hours", quantity: product(c, [K.basicInstances, K.basicVCores, K.basicHours]), usageBased: true)
        c.line("Data flow (standard)", unit: "vCore-hours", quantity: product(c, [K.standardInstances, K.standardVCores, K.standardHours]), usageBased: true)
        c.usage("Data pipeline azure hosted activity runs", unit: "1k activity runs", K.azureActivityRuns)
        c.line("Data pipeline azure hosted data integration units", unit: "DIU-hours", quantity: product(c, [K.azureDIUs, K.azureDIUHours]), usageBased: true)
        let network = c.resource.attributes["managed_virtual_network_enabled"].bool == true ? "managed-vnet" : "public"
        for (name, key) in [("Data pipeline azure hosted integration runtime", K.azureRuntimeHours),
                            ("Data pipeline azure hosted external integration runtime", K.azureExternalHours)] {
            AzureC.keyed(&c, name, unit: "hour", quantity: Quantities.usage(key, c.context), suffix: network)
        }
        c.usage("Data pipeline self hosted activity runs", unit: "1k activity runs", K.selfActivityRuns)
        c.usage("Data pipeline self hosted data movement", unit: "hour", K.selfMovementHours)
        c.usage("Data pipeline self hosted integration runtime", unit: "hour", K.selfRuntimeHours)
        c.usage("Data pipeline self hosted external integration runtime", unit: "hour", K.selfExternalHours)
    }

    static let workspaceRelated: [String: Set<String>] = ["azurerm_synapse_workspace": ["location", "resource_group_name"]]
    /// A pool is where its workspace is.
    @Sendable static func workspaceRegion(_ r: Resource, _ context: PricingContext) -> String? {
        AzureC.regionOf("azurerm_synapse_workspace", r, context, via: "synapse_workspace_id")
    }

    static let nodeVCores: [String: Decimal] = ["Small": 4, "Medium": 8, "Large": 16, "XLarge": 32, "XXLarge": 64, "XXXLarge": 80]

    /// `azurerm_synapse_spark_pool`: vCore-hours of its nodes (`node_count`, or the autoscale minimum), where its workspace is, for the
    /// hours they run (usage `monthly_hours`).
    static let sparkPool = AzureCPricer(["azurerm_synapse_spark_pool"], attributes: ["node_size", "node_count", "auto_scale", "synapse_workspace_id"],
                                        usage: [K.monthlyHours], related: workspaceRelated, region: workspaceRegion) { c in
        let a = c.resource.attributes
        let size = a["node_size"].nonEmptyString ?? "Small"
        let nodes = a["auto_scale"].block["min_node_count"].decimal ?? a["node_count"].decimal
        guard let nodes, let vcores = nodeVCores[size] else {
            return c.line("\(size.lowercased()) nodes", unit: "vCore-hours", quantity: .unknownUntilApply(attribute: "node_count"))
        }
        c.usage("\(size.lowercased()) (\(Money.plain(nodes)) nodes)", unit: "vCore-hours", K.monthlyHours, times: nodes * vcores)
    }

    /// `azurerm_synapse_sql_pool`: DWU block hours by SKU, storage and geo-redundant disaster recovery storage
    /// (usage `storage_tb`; no recovery storage when `disaster_recovery_enabled` is false).
    static let sqlPool = AzureCPricer(["azurerm_synapse_sql_pool"], attributes: ["sku_name", "synapse_workspace_id"],
                                      usage: [K.storageTB, K.disasterRecovery, .monthlyHrs], related: workspaceRelated, region: workspaceRegion) { c in
        c.hours("DWU blocks (\(c.resource.attributes["sku_name"].nonEmptyString ?? "DW100c"))")
        c.usage("Storage", unit: "TB", K.storageTB)
        if c.context.usage.text(K.disasterRecovery)?.lowercased() != "false" {
            c.usage("Geo-redundant disaster recovery", unit: "TB", K.storageTB)
        }
    }

    static let all: [any Pricer] = [workspace, sparkPool, sqlPool]
}

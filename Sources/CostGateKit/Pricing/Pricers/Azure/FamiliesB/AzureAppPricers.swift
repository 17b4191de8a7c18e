import FoundationEssentials
/// Function apps (consumption and elastic premium), Logic Apps (Standard, integration accounts) and integration
/// service environments.
enum AzureAppPricers {
    static let all: [any Pricer] = [functionApp, linuxFunctionApp, logicAppStandard, logicAppIntegrationAccount, integrationServiceEnvironment]

    static let standardConnectorCalls = UsageKey("monthly_standard_connector_calls", unit: "calls", "standard connector calls a month")
    static let enterpriseConnectorCalls = UsageKey("monthly_enterprise_connector_calls", unit: "calls", "enterprise connector calls a month")
    static let sku = UsageKey("sku", unit: "WS1|WS2|WS3", "the Workflow Standard plan's SKU when the plan is not in the configuration", text: true)

    /// vCPUs and memory (GB) of the elastic premium sizes.
    static let elasticSizes: [String: (cpu: Decimal, memory: Decimal)] = ["EP1": (1, 3.5), "EP2": (2, 7), "EP3": (4, 14)]
    /// vCores and memory (GB) of the Workflow Standard sizes.
    static let workflowSizes: [String: (cpu: Decimal, memory: Decimal)] = ["WS1": (1, 3.5), "WS2": (2, 7), "WS3": (4, 14)]

    /// The function app lines for a plan: an elastic premium plan of an EP size bills vCPU and memory of each instance
    /// (usage `instances`, default 1) a month; any other plan (a Y1 size on an elastic plan too) is consumption: GB-seconds
    /// (memory rounded up to 128 MB steps, at least 128 MB and 100 ms an execution) and executions.
    static func functionLines(_ c: inout Components, premium: Bool, size: String?) {
        if premium, let size, let spec = elasticSizes[size.uppercased()] {
            let instances = c.context.usage[.instances] ?? 1
            let name = size.uppercased()
            c.line("vCPU (\(name))", unit: "vCPU", quantity: .value(instances * spec.cpu))
            c.line("Memory (\(name))", unit: "GB", quantity: .value(instances * spec.memory))
            return
        }
        let u = c.context.usage
        var gbSeconds: Quantity = .usageNotGiven
        if let n = u[AzureBKeys.monthlyExecutions], let ms = u[AzureBKeys.executionDurationMs], let mb = u[AzureBKeys.memoryMB] {
            let memory = AzureB.ceil(max(mb, 128) / 128) * 128
            gbSeconds = .value(n * max(ms, 100) / 1000 * memory / 1024)
        }
        c.line("Execution time", unit: "GB-seconds", quantity: gbSeconds, usageBased: true)
        c.usage("Executions", unit: "1M requests", AzureBKeys.monthlyExecutions, times: Decimal(string: "0.000001")!)
    }

    static let functionUsage = [AzureBKeys.monthlyExecutions, AzureBKeys.executionDurationMs, AzureBKeys.memoryMB, UsageKey.instances]

    /// `azurerm_function_app`: by its `azurerm_app_service_plan` — an elastic plan (kind `elastic` or tier
    /// ElasticPremium) of an EP size bills vCPU and memory, any other plan (or one not in the configuration) consumption.
    static let functionApp = ComponentPricer(["azurerm_function_app"], attributes: ["app_service_plan_id"], usage: functionUsage,
                                             related: ["azurerm_app_service_plan": ["kind", "sku"]]) { c in
        let plan = c.context.referenced("azurerm_app_service_plan", from: c.resource, attribute: "app_service_plan_id")
        let kind = plan?.attributes["kind"].string?.lowercased()
        let sku = plan?.attributes["sku"].block
        let premium = kind == "elastic" || sku?["tier"].string?.lowercased() == "elasticpremium"
        functionLines(&c, premium: premium, size: sku?["size"].string)
    }

    /// `azurerm_linux_function_app`, `azurerm_windows_function_app`: by its plan — an `azurerm_service_plan` with an EP
    /// SKU (or an `azurerm_app_service_plan` of kind elastic) bills vCPU and memory, else consumption.
    static let linuxFunctionApp = ComponentPricer(["azurerm_linux_function_app"], attributes: ["service_plan_id"], usage: functionUsage,
                                                  related: ["azurerm_service_plan": ["sku_name"], "azurerm_app_service_plan": ["kind", "sku"]]) { c in
        if let plan = c.context.referenced("azurerm_service_plan", from: c.resource, attribute: "service_plan_id") {
            let size = plan.attributes["sku_name"].string
            functionLines(&c, premium: size?.uppercased().hasPrefix("EP") ?? false, size: size)
        } else if let plan = c.context.referenced("azurerm_app_service_plan", from: c.resource, attribute: "service_plan_id") {
            let sku = plan.attributes["sku"].block
            let premium = plan.attributes["kind"].string?.lowercased() == "elastic" || sku["tier"].string?.lowercased() == "elasticpremium"
            functionLines(&c, premium: premium, size: sku["size"].string)
        } else {
            functionLines(&c, premium: false, size: nil)
        }
    }

    /// `azurerm_logic_app_standard`: the Workflow Standard plan's vCores and memory a month (the plan's `sku.size`, or
    /// usage `sku`) and connector calls (usage).
    static let logicAppStandard = ComponentPricer(["azurerm_logic_app_standard"], attributes: ["app_service_plan_id"],
                                                  usage: [sku, standardConnectorCalls, enterpriseConnectorCalls],
                                                  related: ["azurerm_app_service_plan": ["sku"]]) { c in
        let plan = c.context.referenced("azurerm_app_service_plan", from: c.resource, attribute: "app_service_plan_id")
        let size = (c.context.usage.text(sku) ?? plan?.attributes["sku"].block["size"].string)?.uppercased()
        if let size, let spec = workflowSizes[size] {
            c.line("Workflow vCore (\(size))", unit: "vCore", quantity: .value(spec.cpu))
            c.line("Workflow memory (\(size))", unit: "GB", quantity: .value(spec.memory))
        } else {
            c.line("Workflow vCore (unknown SKU)", unit: "vCore", quantity: .usageNotGiven, usageBased: true)
            c.line("Workflow memory (unknown SKU)", unit: "GB", quantity: .usageNotGiven, usageBased: true)
        }
        c.usage("Standard connectors", unit: "calls", standardConnectorCalls)
        c.usage("Enterprise connectors", unit: "calls", enterpriseConnectorCalls)
    }

    /// `azurerm_logic_app_integration_account`: Basic or Standard by the hour; Free costs nothing.
    static let logicAppIntegrationAccount = ComponentPricer(["azurerm_logic_app_integration_account"], attributes: ["sku_name"]) { c in
        let tier = AzureB.capitalized(c.resource.attributes["sku_name"].nonEmptyString ?? "Free")
        guard tier != "Free" else { c.assume("Free integration account: no charge"); return }
        c.hours("Integration Account (\(tier))")
    }

    /// `azurerm_integration_service_environment`: the base unit by the hour (Developer or Premium) and, on Premium,
    /// each added scale unit (`sku_name` `Premium_N`) by the hour.
    static let integrationServiceEnvironment = ComponentPricer(["azurerm_integration_service_environment"], attributes: ["sku_name"]) { c in
        let parts = (c.resource.attributes["sku_name"].nonEmptyString ?? "Developer_0").split(separator: "_")
        let tier = parts.first.map { String($0).lowercased() } ?? "developer"
        let units = parts.count > 1 ? Decimal(string: String(parts[1])) ?? 0 : 0
        AzureB.keyed(&c, "Base units", unit: "hour", quantity: .value(Quantities.monthlyHours(c.context)), label: "sku=\(tier)")
        if tier == "premium", units > 0 { c.hours("Scale units", count: .value(units)) }
    }
}

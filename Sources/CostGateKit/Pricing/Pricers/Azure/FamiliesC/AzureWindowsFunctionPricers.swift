import FoundationEssentials
/// Windows function apps, priced by the plan they run on.
enum AzureWindowsFunction {
    /// vCPUs and GB of memory of one Elastic Premium instance.
    static let elasticPremium: [String: (vcpu: Decimal, memory: Decimal)] = ["EP1": (1, 3.5), "EP2": (2, 7), "EP3": (4, 14)]

    /// The plan's SKU and whether it is an Elastic Premium plan: a service plan with an EP SKU, or a legacy
    /// App Service plan with an EP size in the ElasticPremium tier or of kind `elastic`.
    static func plan(_ r: Resource, _ context: PricingContext) -> (sku: String, premium: Bool)? {
        if let p = context.referenced("azurerm_service_plan", from: r, attribute: "service_plan_id"), let sku = p.attributes["sku_name"].nonEmptyString {
            return (sku, sku.hasPrefix("EP"))
        }
        if let p = context.referenced("azurerm_app_service_plan", from: r, attribute: "service_plan_id")
            ?? context.referenced("azurerm_app_service_plan", from: r, attribute: "app_service_plan_id"),
           let sku = p.attributes["sku"].block["size"].nonEmptyString {
            let premium = sku.hasPrefix("EP") && (p.attributes["sku"].block["tier"].string == "ElasticPremium" || p.attributes["kind"].string?.lowercased() == "elastic")
            return (sku, premium)
        }
        return nil
    }

    /// `azurerm_windows_function_app`: on Elastic Premium, the instances' vCPUs and memory a month (usage
    /// `instances`, default 1); on a consumption plan, executions and GB-seconds (usage: executions, duration,
    /// memory rounded up to 128 MB).
    static let app = ComponentPricer(["azurerm_windows_function_app"], attributes: ["service_plan_id"],
                                     usage: [.instances, AzureCKeys.monthlyExecutions, AzureCKeys.executionDurationMS, AzureCKeys.memoryMB],
                                     related: ["azurerm_service_plan": ["sku_name"], "azurerm_app_service_plan": ["sku", "kind"]]) { c in
        guard let plan = plan(c.resource, c.context) else {
            c.assume("service plan not found in this configuration (or reached through for_each): its SKU, and so the app's prices, are not known")
            return c.line("Plan", unit: "month", quantity: .notDeclared(reason: "service plan not known"))
        }
        if plan.premium {
            guard let size = elasticPremium[plan.sku] else {
                return c.line("vCPU (\(plan.sku))", unit: "vCPU", quantity: .notDeclared(reason: "unknown Elastic Premium size"))
            }
            let instances = c.context.usage[.instances] ?? 1
            c.monthly("vCPU (\(plan.sku))", count: .value(size.vcpu * instances), unit: "vCPU")
            c.monthly("Memory (\(plan.sku))", count: .value(size.memory * instances), unit: "GB")
            return
        }
        let u = c.context.usage
        let gbSeconds: Quantity
        if let n = u[AzureCKeys.monthlyExecutions], let ms = u[AzureCKeys.executionDurationMS], let mb = u[AzureCKeys.memoryMB] {
            let steps = HCLFunctions.ceiling(mb / 128)
            gbSeconds = .value(n * ms / 1000 * max(1, steps) * 128 / 1024)
        } else {
            gbSeconds = .usageNotGiven
        }
        c.line("Execution time", unit: "GB-seconds", quantity: gbSeconds, usageBased: true)
        c.usage("Executions", unit: "1M requests", AzureCKeys.monthlyExecutions, times: Decimal(string: "0.000001")!)
    }

    static let all: [any Pricer] = [app]
}

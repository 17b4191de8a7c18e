import FoundationEssentials
/// Azure Data Factory: the factory's read/write and monitoring operations (usage, per 50k entities); integration
/// runtimes' compute by the hour (data flow vCores, or SSIS nodes by size, edition and licence) and their
/// orchestration runs (usage), data movement, pipeline and external pipeline activity hours.
enum AzureADataFactoryPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_data_factory"], usage: [AzureAKeys.readWriteOps, AzureAKeys.monitoringOps]) { c in
            c.usage("Read/Write operations", unit: "50k entities", AzureAKeys.readWriteOps, times: Decimal(1) / 50_000)
            c.usage("Monitoring operations", unit: "50k entities", AzureAKeys.monitoringOps, times: Decimal(1) / 50_000)
        },
        runtime(["azurerm_data_factory_integration_runtime_azure"], attributes: ["compute_type", "core_count"]) { c in
            let a = c.resource.attributes
            let type = computeTypes[(a["compute_type"].nonEmptyString ?? "General").lowercased()] ?? (a["compute_type"].string ?? "?")
            let cores = a["core_count"].decimal ?? 8
            c.hours("Compute (\(type), \(cores) vCores)")
        },
        runtime(["azurerm_data_factory_integration_runtime_managed"], attributes: ssisAttributes) { c in ssisCompute(&c) },
        runtime(["azurerm_data_factory_integration_runtime_self_hosted"], attributes: [], compute: nil),
        ComponentPricer(["azurerm_data_factory_integration_runtime_azure_ssis"], attributes: ssisAttributes, usage: [.monthlyHrs]) { c in
            ssisCompute(&c)
        },
    ]

    static let computeTypes = ["general": "General Purpose", "computeoptimized": "Compute Optimized", "memoryoptimized": "Memory Optimized"]
    static let ssisAttributes: Set<String> = ["node_size", "number_of_nodes", "edition", "license_type"]

    /// An integration runtime: its compute (if any), then orchestration runs (usage) and the three activity meters by the hour.
    /// Without a `location` it is where its data factory is.
    static func runtime(_ types: [String], attributes: Set<String>, compute: (@Sendable (inout Components) -> Void)?) -> ComponentPricer {
        ComponentPricer(types, attributes: attributes.union(["data_factory_id"]), usage: [.monthlyHrs, AzureAKeys.orchestrationRuns],
                        related: ["azurerm_data_factory": ["location", "resource_group_name"]]) { c in
            if c.resource.region == nil,
               let factory = c.context.referenced("azurerm_data_factory", from: c.resource, attribute: "data_factory_id") {
                c = Components(c.resource, c.context, region: factory.region ?? Components.resourceGroupRegion(factory, c.context))
            }
            compute?(&c)
            c.usage("Orchestration", unit: "1k runs", AzureAKeys.orchestrationRuns, times: Decimal(1) / 1000)
            c.hours("Data movement activity")
            c.hours("Pipeline activity")
            c.hours("External pipeline activity")
        }
    }

    /// SSIS (and managed VNet) compute: `number_of_nodes` nodes of `node_size` (Standard_D8_v3 → D8 v3) by edition;
    /// the licence is included unless `license_type` is BasePrice (Azure Hybrid Benefit).
    static func ssisCompute(_ c: inout Components) {
        let a = c.resource.attributes
        var size = a["node_size"].nonEmptyString ?? "?"
        if size.hasPrefix("Standard_") { size = String(size.dropFirst("Standard_".count)) }
        size = String(size.map { $0 == "_" ? " " : $0 })
        let edition = (a["edition"].nonEmptyString ?? "Standard").lowercased() == "enterprise" ? "Enterprise" : "Standard"
        let licensed = (a["license_type"].nonEmptyString ?? "LicenseIncluded").lowercased() != "baseprice"
        let nodes = a["number_of_nodes"].decimal ?? 1
        c.hours("Compute (\(size), \(edition)\(licensed ? ", license included" : ""))", count: .value(nodes))
    }
}

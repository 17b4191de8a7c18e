import FoundationEssentials
/// Event Grid, Event Hubs, IoT Hub and Notification Hubs, priced by the components of Infracost's golden facts.
enum AzureMessagingPricers {
    static let all: [any Pricer] = [eventGrid, eventHubNamespace, iotHub, iotHubDPS, notificationHubNamespace]

    /// `azurerm_eventgrid_topic`, `azurerm_eventgrid_system_topic`: operations (usage `monthly_operations`), in whole
    /// 100k units (the first 100k of a month are free, so a partial unit is not billed).
    static let eventGrid = ComponentPricer(["azurerm_eventgrid_topic", "azurerm_eventgrid_system_topic"], usage: [AzureBKeys.monthlyOperations]) { c in
        let ops = AzureB.given(AzureBKeys.monthlyOperations, c)
        let units = ops.map { AzureB.floor($0 / 100_000) }
        c.line("Operations", unit: "100k operations", quantity: units.map { .value($0) } ?? .usageNotGiven, usageBased: true)
    }

    /// `azurerm_eventhub_namespace`: throughput, processing or capacity units by SKU (Dedicated when on a dedicated
    /// cluster), ingress events (Basic, Standard), Capture (Standard, usage `capture_enabled`) and extended retention
    /// beyond what Premium (1 TB per unit) and Dedicated (10 TB per unit) include.
    static let eventHubNamespace = ComponentPricer(["azurerm_eventhub_namespace"], attributes: ["sku", "capacity", "dedicated_cluster_id"],
                                                   usage: [AzureBKeys.monthlyIngressEvents, AzureBKeys.retentionStorageGB,
                                                           AzureBKeys.throughputOrCapacityUnits, AzureBKeys.captureEnabled]) { c in
        let a = c.resource.attributes
        var sku = AzureB.capitalized(a["sku"].nonEmptyString ?? "Basic")
        if !a["dedicated_cluster_id"].isNull { sku = "Dedicated" }
        var units: Quantity = c.number("capacity", default: 1) ?? .value(1)
        if let given = AzureB.given(AzureBKeys.throughputOrCapacityUnits, c) { units = .value(given) }
        let unitName = sku == "Premium" ? "processing units" : sku == "Dedicated" ? "capacity units" : "throughput units"
        c.line("Capacity (\(sku))", unit: unitName, quantity: units)
        if sku == "Basic" || sku == "Standard" {
            c.usage("Ingress event (\(sku))", unit: "1M events", AzureBKeys.monthlyIngressEvents, times: Decimal(string: "0.000001")!)
        }
        if sku == "Standard", c.context.usage.text(AzureBKeys.captureEnabled)?.lowercased() == "true" {
            c.line("Capture", unit: "units", quantity: units)
        }
        if sku == "Premium" || sku == "Dedicated" {
            let included: Decimal = sku == "Premium" ? 1000 : 10_000
            if let gb = AzureB.given(AzureBKeys.retentionStorageGB, c) {
                if let n = units.decimal, gb - included * n > 0 {
                    c.line("Extended retention", unit: "GB", quantity: .value(gb - included * n), usageBased: true)
                } else if units.decimal == nil {
                    c.line("Extended retention", unit: "GB", quantity: units, usageBased: true)
                }
            } else {
                c.line("Extended retention", unit: "GB", quantity: .usageNotGiven, usageBased: true)
            }
        }
    }

    /// `azurerm_iothub`: units of its SKU a month (`sku.capacity`); F1 is free. The facts price S1.
    static let iotHub = ComponentPricer(["azurerm_iothub"], attributes: ["sku"]) { c in
        let sku = c.resource.attributes["sku"].block
        let name = sku["name"].nonEmptyString ?? "S1"
        guard name.uppercased() != "F1" else { c.assume("F1 (free) IoT Hub: no charge"); return }
        let count = Quantities.number(sku["capacity"], attribute: "sku.capacity") ?? .value(1)
        // the facts' "IoT Hub" units are S1's; other SKUs ask for a key named with their SKU (price not found)
        c.line("IoT Hub", unit: "units", quantity: count, keyName: name.uppercased() == "S1" ? "IoT Hub" : "IoT Hub (\(name))")
    }

    /// `azurerm_iothub_dps`: device provisioning operations (usage `monthly_operations`), per 1k.
    static let iotHubDPS = ComponentPricer(["azurerm_iothub_dps"], attributes: ["sku"], usage: [AzureBKeys.monthlyOperations]) { c in
        c.usage("Device provisioning", unit: "1k operations", AzureBKeys.monthlyOperations, times: Decimal(string: "0.001")!)
    }

    /// `azurerm_notification_hub_namespace`: the namespace fee by SKU and pushes beyond the 10M included
    /// (Standard in two tiers, 10–100M and over 100M). Free is free.
    static let notificationHubNamespace = ComponentPricer(["azurerm_notification_hub_namespace"], attributes: ["sku_name"],
                                                          usage: [AzureBKeys.monthlyPushes]) { c in
        let sku = AzureB.capitalized(c.resource.attributes["sku_name"].nonEmptyString ?? "Free")
        guard sku != "Free" else { c.assume("Free namespace: no charge"); return }
        c.monthly("Namespace usage (\(sku))")
        let pushes = AzureB.given(AzureBKeys.monthlyPushes, c)
        let names = sku == "Basic" ? ["Pushes (over 10M)"] : ["Pushes (10-100M)", "Pushes (over 100M)"]
        let sizes: [Decimal] = sku == "Basic" ? [] : [90_000_000]
        if pushes == nil, sku != "Basic" {
            for n in names { c.line(n, unit: "1M pushes", quantity: .usageNotGiven, usageBased: true) }
            return
        }
        AzureB.tieredUsage(&c, names: names, sizes: sizes, unit: "1M pushes", value: pushes, free: 10_000_000, per: 1_000_000)
    }
}

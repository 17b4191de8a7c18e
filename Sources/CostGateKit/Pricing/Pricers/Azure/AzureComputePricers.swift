import FoundationEssentials
/// `azurerm_linux_virtual_machine`, `azurerm_windows_virtual_machine`, `azurerm_virtual_machine`: hours by size and OS,
/// the OS disk by its tier, and (legacy type) the data disks declared inline.
struct AzureVirtualMachinePricer: Pricer {
    let resourceTypes = ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine"]
    let attributes: Set<String> = ["size", "vm_size", "license_type", "os_disk", "storage_os_disk", "storage_data_disk",
                                   "os_profile_windows_config", "priority", "storage_image_reference", "source_image_reference"]
    let usageKeys: [UsageKey] = [.monthlyHrs, .monthlyDiskOperations, AzureVMKeys.osDiskOperations, AzureVMKeys.legacyOSDiskOperations,
                                 AzureVMKeys.legacyDataDiskOperations]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        let legacy = r.type == "azurerm_virtual_machine"
        // Infracost's nested keys (storage_os_disk.monthly_disk_operations …) win over the flat one
        func ops(_ nested: UsageKey) -> UsageKey { context.usage[nested] != nil ? nested : .monthlyDiskOperations }
        let osDisk = legacy ? a["storage_os_disk"].block : a["os_disk"].block
        let windows = r.type == "azurerm_windows_virtual_machine"
            || (legacy && (!a["os_profile_windows_config"].array.isEmpty || osDisk["os_type"].string == "Windows"))
        let license = a["license_type"].nonEmptyString ?? ""
        let hybrid = license.hasPrefix("Windows_")
        if (a["priority"].nonEmptyString ?? "Regular") == "Spot" {
            out.assume("Spot priority: spot prices are not in the price book, so the hours are priced at pay-as-you-go")
        }
        out.append(Azure.vmLines(region: region, size: legacy ? a["vm_size"] : a["size"], windows: windows, hybridBenefit: hybrid,
                                 count: .value(1), context: context))
        let type = legacy ? osDisk["managed_disk_type"] : osDisk["storage_account_type"]
        let image = legacy ? a["storage_image_reference"] : a["source_image_reference"]
        out.append(Azure.diskLines(region: region, type: type, size: Azure.osDiskSize(osDisk, windows: windows, image: image, &out), label: "OS disk: ",
                                   context: context, operations: ops(legacy ? AzureVMKeys.legacyOSDiskOperations : AzureVMKeys.osDiskOperations)))
        for (i, disk) in a["storage_data_disk"].array.enumerated() where legacy {
            let name = disk["name"].nonEmptyString ?? "#\(i + 1)"
            out.append(Azure.diskLines(region: region, type: disk["managed_disk_type"], size: disk["disk_size_gb"],
                                       label: "Data disk \(name): ", context: context, operations: ops(AzureVMKeys.legacyDataDiskOperations)))
        }
        return out
    }
}

/// `azurerm_linux_virtual_machine_scale_set`, `azurerm_windows_virtual_machine_scale_set`, `azurerm_virtual_machine_scale_set`:
/// instances × (hours + OS disk).
struct AzureScaleSetPricer: Pricer {
    let resourceTypes = ["azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
                         "azurerm_virtual_machine_scale_set"]
    let attributes: Set<String> = ["sku", "instances", "license_type", "os_disk", "storage_profile_os_disk", "storage_profile_data_disk",
                                   "os_profile_windows_config", "storage_profile_image_reference", "source_image_reference"]
    let usageKeys: [UsageKey] = [.instances, .monthlyHrs, .monthlyDiskOperations, AzureVMKeys.osDiskOperations,
                                 AzureVMKeys.scaleSetOSDiskOperations, AzureVMKeys.scaleSetDataDiskOperations]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        let legacy = r.type == "azurerm_virtual_machine_scale_set"
        let size = legacy ? a["sku"].block["name"] : a["sku"]
        let countValue = legacy ? a["sku"].block["capacity"] : a["instances"]
        var count = Quantities.number(countValue, attribute: legacy ? "sku.capacity" : "instances") ?? .value(1)
        if let n = context.usage[.instances] { count = .value(n) }
        let windows = r.type == "azurerm_windows_virtual_machine_scale_set" || (legacy && !a["os_profile_windows_config"].array.isEmpty)
        let hybrid = (a["license_type"].nonEmptyString ?? "").hasPrefix("Windows_")
        out.append(Azure.vmLines(region: region, size: size, windows: windows, hybridBenefit: hybrid, count: count, context: context))
        func ops(_ nested: UsageKey) -> UsageKey { context.usage[nested] != nil ? nested : .monthlyDiskOperations }
        let osDisk = legacy ? a["storage_profile_os_disk"].block : a["os_disk"].block
        out.append(Azure.diskLines(region: region, type: legacy ? osDisk["managed_disk_type"] : osDisk["storage_account_type"],
                                   size: Azure.osDiskSize(osDisk, windows: windows, image: legacy ? a["storage_profile_image_reference"] : a["source_image_reference"], &out),
                                   count: count, label: "OS disks: ",
                                   context: context, operations: ops(legacy ? AzureVMKeys.scaleSetOSDiskOperations : AzureVMKeys.osDiskOperations)))
        // the legacy type's data disks, one of each per instance
        for (i, disk) in a["storage_profile_data_disk"].array.enumerated() where legacy {
            out.append(Azure.diskLines(region: region, type: disk["managed_disk_type"], size: disk["disk_size_gb"], count: count,
                                       label: "Data disks (lun \(disk["lun"].nonEmptyString ?? String(i))): ", context: context,
                                       operations: ops(AzureVMKeys.scaleSetDataDiskOperations)))
        }
        return out
    }
}

/// `azurerm_managed_disk`: the size tier (S/E/P), Ultra by GiB, IOPS and MB/s; Standard HDD operations as usage.
struct AzureManagedDiskPricer: Pricer {
    let resourceTypes = ["azurerm_managed_disk"]
    let attributes: Set<String> = ["storage_account_type", "disk_size_gb", "disk_iops_read_write", "disk_mbps_read_write"]
    let usageKeys: [UsageKey] = [.monthlyDiskOperations]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        out.append(Azure.diskLines(region: region, type: a["storage_account_type"], size: a["disk_size_gb"],
                                   iops: a["disk_iops_read_write"], throughput: a["disk_mbps_read_write"], label: "", context: context))
        return out
    }
}

enum AzureVMKeys {
    static let osDiskOperations = UsageKey("os_disk.monthly_disk_operations", unit: "operations", "OS disk operations a month")
    static let legacyOSDiskOperations = UsageKey("storage_os_disk.monthly_disk_operations", unit: "operations", "OS disk operations a month")
    static let legacyDataDiskOperations = UsageKey("storage_data_disk.monthly_disk_operations", unit: "operations",
                                                   "operations a month of each data disk")
    static let scaleSetOSDiskOperations = UsageKey("storage_profile_os_disk.monthly_disk_operations", unit: "operations",
                                                   "OS disk operations a month")
    static let scaleSetDataDiskOperations = UsageKey("storage_profile_data_disk.monthly_disk_operations", unit: "operations",
                                                     "operations a month of each data disk")
    static let poolNodes = UsageKey("default_node_pool.nodes", unit: "nodes", "nodes the default node pool runs on average")
    static let poolHours = UsageKey("default_node_pool.monthly_hrs", unit: "hours", "hours a month the default pool's nodes run")
    static let poolDiskOperations = UsageKey("default_node_pool.monthly_disk_operations", unit: "operations", "OS disk operations a month per node")
    static let lbDataGB = UsageKey("load_balancer.monthly_data_processed_gb", unit: "GB", "GB the cluster's Standard load balancer processes a month")
}

/// Azure Kubernetes Service node pools: nodes × (VM hours + managed OS disk, none when ephemeral).
enum AKSNodes {
    static func lines(_ pool: Value, region: String, windows: Bool, context: PricingContext, label: String,
                      nodes: UsageKey = .nodes, hours: UsageKey = .monthlyHrs, operations: UsageKey = .monthlyDiskOperations) -> PricedUsage {
        var out = PricedUsage()
        let autoscaling = pool["enable_auto_scaling"].bool == true || pool["auto_scaling_enabled"].bool == true
        var count: Quantity
        if let n = context.usage[nodes] {
            count = .value(n)
        } else if let min = pool["min_count"].decimal, pool["node_count"].decimal == nil {
            // min_count is only valid on an autoscaled pool: it runs at least that many nodes
            count = .value(min)
            out.assume("\(label)autoscaling pool: min_count (\(Money.plain(min))) nodes assumed (set nodes in the usage file)")
        } else if let q = Quantities.number(pool["node_count"], attribute: "node_count") {
            count = q
            if autoscaling, let max = pool["max_count"].decimal { out.assume("\(label)autoscaling up to \(Money.plain(max)) nodes") }
        } else {
            count = .value(1)
            out.assume("\(label)node count not in the plan: 1 node assumed")
        }
        let size = pool["vm_size"]
        out.append(Azure.vmLines(region: region, size: size, windows: windows, hybridBenefit: false, count: count, context: context,
                                 label: label, hours: context.usage[hours]))
        if (pool["os_disk_type"].nonEmptyString ?? "Managed") == "Ephemeral" {
            out.assume("\(label)ephemeral OS disks live on the VM's cache: no disk charge")
        } else {
            let gb = pool["os_disk_size_gb"].decimal ?? 128
            let premium = size.nonEmptyString.map(Azure.supportsPremiumStorage) ?? false
            out.append(Azure.diskLines(region: region, type: .string(premium ? "Premium_LRS" : "Standard_LRS"),
                                       size: .number(Money.plain(gb)), count: count, label: "\(label)OS disks: ", context: context,
                                       operations: operations))
            out.assume("\(label)managed OS disks: \(premium ? "Premium SSD (the size supports it)" : "Standard HDD (the size has no premium storage)") of \(Money.plain(gb)) GiB")
        }
        return out
    }
}

/// `azurerm_kubernetes_cluster`: the Standard/Premium tier fee (the Free tier has none), the default node pool, the
/// Standard load balancer's data processed (usage) and the DNS zone that HTTP application routing creates.
struct AKSClusterPricer: Pricer {
    let resourceTypes = ["azurerm_kubernetes_cluster"]
    let attributes: Set<String> = ["sku_tier", "default_node_pool", "network_profile", "http_application_routing_enabled"]
    let usageKeys: [UsageKey] = [.monthlyHrs, .nodes, .monthlyDiskOperations, AzureVMKeys.poolNodes, AzureVMKeys.poolHours,
                                 AzureVMKeys.poolDiskOperations, AzureVMKeys.lbDataGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        let tier = a["sku_tier"].nonEmptyString ?? "Free"
        switch tier {
        case "Standard", "Paid":
            out.add(UsageLine("Standard tier (uptime SLA)", unit: "hour", quantity: .value(Quantities.monthlyHours(context)),
                              priceKey: "azure/aks/\(region)/standard-tier"))
        case "Premium":
            out.add(UsageLine("Premium tier (long-term support)", unit: "hour", quantity: .value(Quantities.monthlyHours(context)),
                              priceKey: "azure/aks/\(region)/premium-tier"))
        default:
            out.assume("Free tier: no cluster management fee")
        }
        let pool = a["default_node_pool"].block
        let windows = pool["os_sku"].nonEmptyString?.hasPrefix("Windows") == true
        let nodes = context.usage[AzureVMKeys.poolNodes] != nil ? AzureVMKeys.poolNodes : UsageKey.nodes
        let ops = context.usage[AzureVMKeys.poolDiskOperations] != nil ? AzureVMKeys.poolDiskOperations : UsageKey.monthlyDiskOperations
        out.append(AKSNodes.lines(pool, region: region, windows: windows, context: context, label: "default_node_pool: ",
                                  nodes: nodes, hours: AzureVMKeys.poolHours, operations: ops))
        func key(_ component: String, _ unit: String) -> String {
            PriceKeys.component(.azure, type: "azurerm_kubernetes_cluster", region: region, component: component, unit: unit)
        }
        // the cluster's Standard load balancer: priced only with the usage file's GB (its price is known in few regions)
        if (a["network_profile"].block["load_balancer_sku"].nonEmptyString ?? "standard").lowercased() == "standard",
           context.usage[AzureVMKeys.lbDataGB] != nil {
            out.add(UsageLine("Load Balancer > Data processed", unit: "GB", quantity: Quantities.usage(AzureVMKeys.lbDataGB, context),
                              priceKey: key("Load Balancer > Data processed", "GB"), usageBased: true))
        }
        if a["http_application_routing_enabled"].bool == true {
            out.add(UsageLine("DNS > Hosted zone", unit: "month", quantity: .value(1), priceKey: key("DNS > Hosted zone", "month")))
        }
        return out
    }
}

/// `azurerm_kubernetes_cluster_node_pool`: nodes × (VM hours + OS disk); region from its cluster.
struct AKSNodePoolPricer: Pricer {
    let resourceTypes = ["azurerm_kubernetes_cluster_node_pool"]
    let attributes: Set<String> = ["vm_size", "node_count", "min_count", "max_count", "enable_auto_scaling", "auto_scaling_enabled",
                                   "os_type", "os_disk_size_gb", "os_disk_type", "kubernetes_cluster_id"]
    let usageKeys: [UsageKey] = [.nodes, .monthlyHrs, .monthlyDiskOperations]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let cluster = context.referenced("azurerm_kubernetes_cluster", from: r, attribute: "kubernetes_cluster_id")
        let region = Azure.region(r, &out, fallback: cluster?.region)
        let windows = r.attributes["os_type"].string == "Windows"
        out.append(AKSNodes.lines(r.attributes, region: region, windows: windows, context: context, label: ""))
        return out
    }
}

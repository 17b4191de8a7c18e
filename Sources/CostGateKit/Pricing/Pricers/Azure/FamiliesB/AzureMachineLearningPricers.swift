import FoundationEssentials
/// Azure Machine Learning compute (priced as the Linux virtual machines it runs, GPU sizes included) and custom images.
enum AzureMachineLearningPricers {
    static let all: [any Pricer] = [computeCluster, computeInstance, image]

    /// `azurerm_machine_learning_compute_cluster`: its nodes as Linux pay-as-you-go VM hours of `vm_size` (the Azure
    /// VM prices, GPU sizes included). Nodes: usage `instances` (the forecast), else `scale_settings.min_node_count`
    /// (one when only `monthly_hrs` is given and the cluster scales to zero); hours: 730 or usage `monthly_hrs`.
    static let computeCluster = ComponentPricer(["azurerm_machine_learning_compute_cluster"], attributes: ["vm_size", "scale_settings"],
                                                usage: [.instances, .monthlyHrs]) { c in
        let u = c.context.usage
        var nodes: Quantity
        if let n = u[.instances] {
            nodes = .value(n)
        } else {
            let min = c.resource.attributes["scale_settings"].block["min_node_count"]
            nodes = Quantities.number(min, attribute: "scale_settings.min_node_count") ?? .value(0)
            if nodes.decimal == 0 {
                if u[.monthlyHrs] != nil {
                    nodes = .value(1)
                } else {
                    c.assume("the cluster scales down to zero nodes (min_node_count 0): set usage instances (and monthly_hrs) to forecast its nodes")
                }
            }
        }
        c.append(Azure.vmLines(region: c.region, size: c.resource.attributes["vm_size"], windows: false, hybridBenefit: false,
                               count: nodes, context: c.context))
    }

    /// `azurerm_machine_learning_compute_instance` (where its workspace is): one Linux pay-as-you-go VM of
    /// `virtual_machine_size` by the hour (730 or usage `monthly_hrs`), at the Azure VM prices, GPU sizes included.
    static let computeInstance = RegionFromParentPricer(type: "azurerm_machine_learning_compute_instance",
                                                        parentType: "azurerm_machine_learning_workspace",
                                                        reference: "machine_learning_workspace_id", attributes: ["virtual_machine_size"],
                                                        usage: [.monthlyHrs]) { c in
        c.append(Azure.vmLines(region: c.region, size: c.resource.attributes["virtual_machine_size"], windows: false, hybridBenefit: false,
                               count: .value(1), context: c.context))
    }

    /// The GB a custom image holds: its OS and data disks' `size_gb` (or the managed disks they name), else the
    /// source VM's OS disk (128 GB unless set) and data disks; nil when nothing says.
    static func imageSize(_ c: Components) -> Decimal? {
        let r = c.resource
        let a = r.attributes
        var size: Decimal = 0
        let disk = c.context.referenced("azurerm_managed_disk", from: r, attribute: "os_disk")
            ?? c.context.referenced("azurerm_managed_disk", from: r, attribute: "data_disk")
        let diskGB = disk?.attributes["disk_size_gb"].decimal ?? 0
        for d in [a["os_disk"].block].filter({ !$0.isNull }) + a["data_disk"].array {
            if let gb = d["size_gb"].decimal { size += gb } else if !d["managed_disk_id"].isNull { size += diskGB }
        }
        if size == 0, let vm = c.context.referenced("azurerm_virtual_machine", from: r, attribute: "source_virtual_machine_id") {
            size = vm.attributes["storage_os_disk"].block["disk_size_gb"].decimal ?? 128
            for d in vm.attributes["storage_data_disk"].array { size += d["disk_size_gb"].decimal ?? 0 }
        }
        return size == 0 ? nil : size
    }

    /// `azurerm_image`: the GB it stores (usage `storage_gb`, else the size of the disks it is made from), at the
    /// snapshot price.
    static let image = ComponentPricer(["azurerm_image"], attributes: ["os_disk", "data_disk", "source_virtual_machine_id"],
                                       usage: [AzureBKeys.storageGB],
                                       related: ["azurerm_managed_disk": ["disk_size_gb"], "azurerm_virtual_machine": ["storage_os_disk", "storage_data_disk"]]) { c in
        let gb = AzureB.given(AzureBKeys.storageGB, c) ?? imageSize(c)
        c.line("Storage", unit: "GB", quantity: gb.map { .value($0) } ?? .usageNotGiven, usageBased: true)
    }
}

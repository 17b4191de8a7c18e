import FoundationEssentials
/// Managed instance groups, zonal and regional: the instances their template launches.
enum GCPInstanceGroupFamily {
    static let templateAttributes: Set<String> = ["machine_type", "disk", "guest_accelerator", "scheduling"]

    static let pricers: [any Pricer] = [
        /// `google_compute_instance_group_manager`, `google_compute_region_instance_group_manager`: for `target_size` instances
        /// (plus each per-instance config naming the group) the template's machine hours, disks, local SSDs and GPUs.
        ComponentPricer(["google_compute_instance_group_manager", "google_compute_region_instance_group_manager"],
                        attributes: ["version", "target_size"], usage: [.monthlyHrs],
                        related: ["google_compute_instance_template": templateAttributes,
                                  "google_compute_per_instance_config": ["instance_group_manager"],
                                  "google_compute_region_per_instance_config": ["region_instance_group_manager"]]) { c in
            GCPInstanceGroupFamily.group(&c)
        },
    ]

    static func group(_ c: inout Components) {
        let r = c.resource
        guard let template = c.context.referenced("google_compute_instance_template", from: r, attribute: "version") else {
            c.line("Instance usage", unit: "hour", quantity: .unknownUntilApply(attribute: "version.instance_template"),
                   keyName: "Instance usage (template not in the configuration)")
            c.assume("instance template not found in the configuration: its machines and disks are not known")
            return
        }
        // per-instance configs add instances beyond target_size
        let regional = r.type == "google_compute_region_instance_group_manager"
        let (configType, configAttribute) = regional ? ("google_compute_region_per_instance_config", "region_instance_group_manager")
                                                     : ("google_compute_per_instance_config", "instance_group_manager")
        let extra = c.context.resources(ofType: configType).filter {
            c.context.referenced(r.type, from: $0, attribute: configAttribute)?.address == r.address
        }.count
        var count = c.number("target_size", default: 1) ?? .value(1)
        if r.attributes["target_size"].isNull { c.assume("target_size not set: 1 instance") }
        if extra > 0, case .value(let n) = count { count = .value(n + Decimal(extra)) }
        let t = template.attributes
        let scheduling = t["scheduling"].block
        let spot = scheduling["preemptible"].bool == true || scheduling["provisioning_model"].string == "SPOT"
        c.append(GCP.machineLines(region: c.region, machineType: t["machine_type"], count: count, spot: spot, context: c.context))
        var index = 0
        for disk in t["disk"].array {
            let size = disk["disk_size_gb"].isNull ? Value.number("100") : disk["disk_size_gb"]
            if disk["type"].string == "SCRATCH" || disk["disk_type"].string == "local-ssd" {
                let gb = disk["disk_size_gb"].decimal ?? 375
                c.append(PricedUsage(lines: [UsageLine("Local SSD provisioned storage", unit: "GB-month", quantity: Quantities.scaled(count, by: gb),
                                                       priceKey: "gcp/disk/\(c.region)/local-ssd")]))
                continue
            }
            if disk["disk_size_gb"].isNull { c.assume("disk[\(index)]: disk_size_gb not set: 100 GB assumed") }
            c.append(GCP.diskLines(region: c.region, type: disk["disk_type"], size: size, count: count, label: "disk[\(index)]: "))
            index += 1
        }
        c.append(GCP.gpuLines(region: c.region, accelerators: t["guest_accelerator"].array, count: count, context: c.context))
    }
}

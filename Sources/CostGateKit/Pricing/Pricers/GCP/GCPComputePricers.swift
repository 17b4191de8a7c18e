import FoundationEssentials
/// `google_compute_instance`: machine hours (predefined or custom), the boot disk, scratch local SSDs and attached GPUs.
/// Disks attached from `google_compute_disk` are priced by that resource.
struct GCPComputeInstancePricer: Pricer {
    let resourceTypes = ["google_compute_instance"]
    let attributes: Set<String> = ["machine_type", "boot_disk", "scratch_disk", "guest_accelerator", "scheduling"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let a = r.attributes
        let scheduling = a["scheduling"].block
        let spot = scheduling["preemptible"].bool == true || scheduling["provisioning_model"].string == "SPOT"
        out.append(GCP.machineLines(region: region, machineType: a["machine_type"], count: .value(1), spot: spot, context: context))
        let boot = a["boot_disk"].block
        if boot["source"].nonEmptyString != nil && boot["initialize_params"].block.isNull {
            out.assume("boot disk attached from an existing disk: priced by that disk")
        } else {
            let params = boot["initialize_params"].block
            var size = params["size"]
            if size.isNull || size.isUnknown {
                size = .number("10")
                out.assume("boot disk size comes from the image: 10 GB assumed (public images)")
            }
            out.append(GCP.diskLines(region: region, type: params["type"], size: size, label: "Boot disk: "))
        }
        let scratch = a["scratch_disk"].array.count
        if scratch > 0 {
            out.add(UsageLine("Local SSDs (\(scratch) × 375 GB)", unit: "GB-month", quantity: .value(Decimal(scratch) * 375),
                              priceKey: "gcp/disk/\(region)/local-ssd"))
        }
        out.append(GCP.gpuLines(region: region, accelerators: a["guest_accelerator"].array, count: .value(1), context: context))
        return out
    }
}

/// `google_compute_disk`, `google_compute_region_disk`: provisioned GB by type (regional disks at the replicated price),
/// plus provisioned IOPS for extreme disks.
struct GCPComputeDiskPricer: Pricer {
    let resourceTypes = ["google_compute_disk", "google_compute_region_disk"]
    let attributes: Set<String> = ["type", "size", "provisioned_iops"]
    let usageKeys: [UsageKey] = []

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let a = r.attributes
        out.append(GCP.diskLines(region: region, type: a["type"], size: a["size"], regional: r.type == "google_compute_region_disk",
                                 iops: a["provisioned_iops"], label: ""))
        return out
    }
}

/// GKE node counts: per zone, so a regional pool runs its count in every zone (three unless `node_locations` says).
enum GKENodes {
    static func zones(_ location: String?, nodeLocations: Value) -> Decimal {
        let listed = nodeLocations.array.count
        if listed > 0 { return Decimal(listed) }
        guard let loc = location else { return 1 }
        return loc.split(separator: "-").count == 2 ? 3 : 1   // us-central1 (region) vs us-central1-a (zone)
    }
}

/// `google_container_cluster`: the cluster management fee, and the default node pool unless it is removed.
struct GKEClusterPricer: Pricer {
    let resourceTypes = ["google_container_cluster"]
    let attributes: Set<String> = ["enable_autopilot", "remove_default_node_pool", "initial_node_count", "node_config", "node_locations"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let a = r.attributes
        out.add(UsageLine("Cluster management fee", unit: "hour", quantity: .value(Quantities.monthlyHours(context)),
                          priceKey: "gcp/gke/\(region)/cluster-management"))
        out.assume("the free tier's monthly credit (one zonal or Autopilot cluster per billing account) is not deducted")
        if a["enable_autopilot"].bool == true {
            out.assume("Autopilot: pods are billed by their requests, which the plan does not show")
            return out
        }
        if a["remove_default_node_pool"].bool == true { return out }
        let perZone = a["initial_node_count"].decimal ?? 1
        let zones = GKENodes.zones(a["location"].nonEmptyString, nodeLocations: a["node_locations"])
        out.append(GCP.nodeLines(region: region, config: a["node_config"].block, nodes: .value(perZone * zones), context: context,
                                 label: "Default pool: "))
        return out
    }
}

/// `google_container_node_pool`: nodes per zone × zones × (machine hours + boot disk + local SSDs + GPUs).
struct GKENodePoolPricer: Pricer {
    let resourceTypes = ["google_container_node_pool"]
    let attributes: Set<String> = ["node_count", "initial_node_count", "autoscaling", "node_config", "node_locations", "cluster"]
    let usageKeys: [UsageKey] = [.nodes, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let cluster = context.referenced("google_container_cluster", from: r, attribute: "cluster")
        let region = GCP.region(r, &out, fallback: cluster?.region)
        let a = r.attributes
        var perZone: Quantity
        if let n = context.usage[.nodes] {
            perZone = .value(n)
        } else if let n = a["node_count"].decimal {
            perZone = .value(n)
        } else if let min = a["autoscaling"].block["min_node_count"].decimal {
            perZone = .value(min)
            out.assume("autoscaling pool: min_node_count (\(Money.plain(min))) per zone assumed (set nodes in the usage file)")
        } else if let n = a["initial_node_count"].decimal {
            perZone = .value(n)
        } else {
            perZone = Quantities.isUnknown(a["node_count"]) ? .unknownUntilApply(attribute: "node_count") : .value(1)
        }
        let location = a["location"].nonEmptyString ?? cluster?.attributes["location"].nonEmptyString
        let nodeLocations = a["node_locations"].array.isEmpty ? (cluster?.attributes["node_locations"] ?? .null) : a["node_locations"]
        let zones = GKENodes.zones(location, nodeLocations: nodeLocations)
        if zones > 1 { out.assume("\(Money.plain(zones)) zones: the node count applies in each") }
        out.append(GCP.nodeLines(region: region, config: a["node_config"].block, nodes: Quantities.scaled(perZone, by: zones), context: context, label: ""))
        return out
    }
}

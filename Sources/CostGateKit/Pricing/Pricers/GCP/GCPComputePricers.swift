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
/// plus provisioned IOPS for extreme disks. Without `size`, the size of the image or snapshot it is made from, else
/// Compute Engine's default size for the type.
struct GCPComputeDiskPricer: Pricer {
    let resourceTypes = ["google_compute_disk", "google_compute_region_disk"]
    let attributes: Set<String> = ["type", "size", "provisioned_iops", "image", "snapshot"]
    let usageKeys: [UsageKey] = []
    let relatedAttributes: [String: Set<String>] = [
        "google_compute_image": ["disk_size_gb", "source_image", "source_snapshot", "source_disk"],
        "google_compute_snapshot": ["source_disk"],
        "google_compute_disk": ["size", "type", "image", "snapshot"],
    ]

    /// Compute Engine's size for a new blank disk of a type when none is given (GB).
    static func defaultSize(_ type: String) -> Decimal {
        switch type {
        case "pd-balanced", "pd-ssd": return 100
        case "pd-extreme", "hyperdisk-extreme": return 1000
        default: return 500
        }
    }

    /// IOPS an extreme disk is provisioned with when `provisioned_iops` is not set (Infracost's defaults).
    static func defaultIOPS(_ type: String) -> Decimal? {
        switch type {
        case "pd-extreme": return 100_000
        case "hyperdisk-extreme": return 350_000
        default: return nil
        }
    }

    /// The size of the disk an image or snapshot makes, following their sources (a few steps at most).
    static func sourceSize(_ r: Resource, context: PricingContext, depth: Int = 0) -> Decimal? {
        guard depth < 8 else { return nil }
        let a = r.attributes
        switch r.type {
        case "google_compute_image":
            if let gb = a["disk_size_gb"].decimal { return gb }
            for (attr, type) in [("source_image", "google_compute_image"), ("source_snapshot", "google_compute_snapshot"),
                                 ("source_disk", "google_compute_disk")] {
                if let src = context.referenced(type, from: r, attribute: attr), let gb = sourceSize(src, context: context, depth: depth + 1) {
                    return gb
                }
            }
            return nil
        case "google_compute_snapshot":
            return context.referenced("google_compute_disk", from: r, attribute: "source_disk").flatMap { sourceSize($0, context: context, depth: depth + 1) }
        default:
            if let gb = a["size"].decimal { return gb }
            if let img = context.referenced("google_compute_image", from: r, attribute: "image") { return sourceSize(img, context: context, depth: depth + 1) }
            if let snap = context.referenced("google_compute_snapshot", from: r, attribute: "snapshot") {
                return sourceSize(snap, context: context, depth: depth + 1)
            }
            return nil
        }
    }

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let a = r.attributes
        let type = a["type"].nonEmptyString ?? "pd-standard"
        var size = a["size"]
        if size.isNull {
            if let gb = Self.sourceSize(r, context: context) {
                size = .number(Money.plain(gb))
                out.assume("size not set: \(Money.plain(gb)) GB, the size of the image or snapshot it is made from")
            } else if a["image"].isNull && a["snapshot"].isNull {
                size = .number(Money.plain(Self.defaultSize(type)))
                out.assume("size not set: \(Money.plain(Self.defaultSize(type))) GB, Compute Engine's default for \(type)")
            } else {
                size = .unknown
                out.assume("size comes from the image or snapshot, which the configuration does not show")
            }
        }
        var iops = a["provisioned_iops"]
        if iops.isNull, let d = Self.defaultIOPS(type) {
            iops = .number(Money.plain(d))
            out.assume("provisioned_iops not set: \(Money.plain(d)) assumed")
        }
        out.append(GCP.diskLines(region: region, type: a["type"], size: size, regional: r.type == "google_compute_region_disk",
                                 iops: iops, label: ""))
        return out
    }
}

/// GKE node counts: per zone, so a regional pool runs its count in every zone (three unless `node_locations` says).
enum GKENodes {
    /// Nodes per zone when neither a count nor autoscaling is set: GKE's default of three nodes
    /// (`gcloud container clusters create` / `node-pools create`, `--num-nodes`, "default is 3").
    static let defaultPerZone: Decimal = 3

    static func zones(_ location: String?, nodeLocations: Value) -> Decimal {
        let listed = nodeLocations.array.count
        if listed > 0 { return Decimal(listed) }
        guard let loc = location else { return 1 }
        // us-central1 (a region: GKE puts a regional cluster's nodes in three of its zones) vs us-central1-a (a zone)
        return loc.split(separator: "-").count == 2 ? 3 : 1
    }

    /// One pool's nodes per zone: the usage file's, else `node_count`, else autoscaling's minimum, else
    /// `initial_node_count`, else GKE's default.
    static func perZone(_ pool: Value, usage: Decimal?, _ out: inout PricedUsage, label: String) -> Quantity {
        if let n = usage { return .value(n) }
        if let n = pool["node_count"].decimal { return .value(n) }
        if let min = pool["autoscaling"].block["min_node_count"].decimal {
            out.assume("\(label)autoscaling pool: min_node_count (\(Money.plain(min))) per zone assumed (set nodes in the usage file)")
            return .value(min)
        }
        if let n = pool["initial_node_count"].decimal { return .value(n) }
        if Quantities.isUnknown(pool["node_count"]) { return .unknownUntilApply(attribute: "node_count") }
        out.assume("\(label)node count not set: \(Money.plain(defaultPerZone)) per zone, the GKE default")
        return .value(defaultPerZone)
    }

    /// A pool's nodes in all its zones (its own `node_locations`, else the cluster's, else the location's).
    static func poolLines(region: String, pool: Value, location: String?, clusterNodeLocations: Value, usage: Decimal?,
                          context: PricingContext, label: String) -> PricedUsage {
        var out = PricedUsage()
        let perZone = perZone(pool, usage: usage, &out, label: label)
        let nodeLocations = pool["node_locations"].array.isEmpty ? clusterNodeLocations : pool["node_locations"]
        let zones = zones(location, nodeLocations: nodeLocations)
        if zones > 1 { out.assume("\(label)\(Money.plain(zones)) zones: the node count applies in each") }
        out.append(GCP.nodeLines(region: region, config: pool["node_config"].block, nodes: Quantities.scaled(perZone, by: zones),
                                 context: context, label: label))
        return out
    }
}

enum GKEKeys {
    static let autopilotVCPU = UsageKey("autopilot_vcpu_count", unit: "vCPUs", "vCPUs the Autopilot pods request on average")
    static let autopilotMemoryGB = UsageKey("autopilot_memory_gb", unit: "GB", "memory the Autopilot pods request on average")
    static let autopilotStorageGB = UsageKey("autopilot_ephemeral_storage_gb", unit: "GB", "ephemeral storage the Autopilot pods request on average")
    /// `node_pool[N].nodes` for the inline pools (Infracost's nested form, flattened).
    static let inlinePoolNodes: [UsageKey] = (0..<8).map {
        UsageKey("node_pool[\($0)].nodes", unit: "nodes", "nodes per zone the cluster's inline node pool \($0) runs on average")
    }
}

/// `google_container_cluster`: the cluster management fee; Autopilot's pod requests (usage); the inline `node_pool`
/// blocks, else the default node pool unless `remove_default_node_pool` deletes it.
struct GKEClusterPricer: Pricer {
    let resourceTypes = ["google_container_cluster"]
    let attributes: Set<String> = ["enable_autopilot", "remove_default_node_pool", "initial_node_count", "node_config", "node_locations", "node_pool"]
    let usageKeys: [UsageKey] = [.monthlyHrs, .nodes, GKEKeys.autopilotVCPU, GKEKeys.autopilotMemoryGB, GKEKeys.autopilotStorageGB]
        + GKEKeys.inlinePoolNodes

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let a = r.attributes
        func key(_ component: String, _ unit: String) -> String {
            PriceKeys.component(.gcp, type: "google_container_cluster", region: region, component: component, unit: unit)
        }
        out.assume("the free tier's monthly credit (one zonal or Autopilot cluster per billing account) is not deducted")
        if a["enable_autopilot"].bool == true {
            out.add(UsageLine("Autopilot", unit: "hour", quantity: .value(Quantities.monthlyHours(context)),
                              priceKey: "gcp/gke/\(region)/cluster-management"))
            for (name, unit, k) in [("Autopilot vCPU", "vCPU", GKEKeys.autopilotVCPU), ("Autopilot memory", "GB", GKEKeys.autopilotMemoryGB),
                                    ("Autopilot ephemeral storage", "GB", GKEKeys.autopilotStorageGB)] {
                out.add(UsageLine(name, unit: unit, quantity: Quantities.usage(k, context), priceKey: key(name, unit), usageBased: true))
            }
            return out
        }
        out.add(UsageLine("Cluster management fee", unit: "hour", quantity: .value(Quantities.monthlyHours(context)),
                          priceKey: "gcp/gke/\(region)/cluster-management"))
        let location = a["location"].nonEmptyString
        let pools = a["node_pool"].array
        if !pools.isEmpty {
            // a cluster created with node pools has those pools and no default pool (GKE API: Cluster.nodePools
            // "should not be set if node_config or initial_node_count are specified")
            for (i, pool) in pools.enumerated() {
                let usage = i < GKEKeys.inlinePoolNodes.count ? context.usage[GKEKeys.inlinePoolNodes[i]] : nil
                out.append(GKENodes.poolLines(region: region, pool: pool, location: location, clusterNodeLocations: a["node_locations"],
                                              usage: usage, context: context, label: "node_pool[\(i)] > "))
            }
            return out
        }
        if a["remove_default_node_pool"].bool == true { return out }
        let defaultPool: Value = .object(["initial_node_count": a["initial_node_count"], "node_config": a["node_config"]])
        out.append(GKENodes.poolLines(region: region, pool: defaultPool, location: location, clusterNodeLocations: a["node_locations"],
                                      usage: context.usage[.nodes], context: context, label: "default_pool > "))
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
        let location = a["location"].nonEmptyString ?? cluster?.attributes["location"].nonEmptyString
        out.append(GKENodes.poolLines(region: region, pool: a, location: location, clusterNodeLocations: cluster?.attributes["node_locations"] ?? .null,
                                      usage: context.usage[.nodes], context: context, label: ""))
        return out
    }
}

import FoundationEssentials
/// Pieces the Google Cloud pricers share: region, machine hours (predefined and custom), disks.
enum GCP {
    /// The resource's region: its zone, region or location, else the provider's region.
    static func region(_ r: Resource, _ out: inout PricedUsage, fallback: String? = nil) -> String {
        Quantities.region(r, &out, missing: "zone, region or provider region", fallback: fallback)
    }

    /// Machine hours for `count` VMs: a predefined type's bundled price, or a custom type's vCPU and memory.
    static func machineLines(region: String, machineType: Value, count: Quantity, spot: Bool, context: PricingContext,
                             label: String = "") -> PricedUsage {
        var out = PricedUsage()
        let hours = Quantities.monthlyHours(context)
        guard let type = machineType.nonEmptyString, !Quantities.isUnknown(machineType) else {
            out.add(UsageLine("\(label)Instance usage", unit: "hour", quantity: .unknownUntilApply(attribute: "machine_type"),
                              priceKey: "gcp/compute/\(region)/?"))
            return out
        }
        if spot {
            out.assume("\(label)Spot/preemptible VMs: spot prices are not in the price book, so the hours show as price not found")
        }
        let term = spot ? "spot" : "on-demand"
        // custom-4-16384, n2-custom-4-16384, n2d-custom-8-32768-ext
        let parts = type.split(separator: "-").map(String.init)
        if let i = parts.firstIndex(of: "custom"), parts.count >= i + 3, let vcpus = Decimal(string: parts[i + 1]),
           let mb = Decimal(string: parts[i + 2]) {
            let family = i == 0 ? "n1" : parts[0]
            let gb = mb / 1024
            out.add(UsageLine("\(label)Custom instance vCPUs (\(type), \(term))", unit: "vCPU-hour", quantity: Quantities.scaled(count, by: vcpus * hours),
                              priceKey: "gcp/compute/\(region)/custom/\(family)/vcpu" + (spot ? "/spot" : "")))
            out.add(UsageLine("\(label)Custom instance memory (\(Money.plain(gb)) GB)", unit: "GB-hour", quantity: Quantities.scaled(count, by: gb * hours),
                              priceKey: "gcp/compute/\(region)/custom/\(family)/memory" + (spot ? "/spot" : "")))
            return out
        }
        out.add(UsageLine("\(label)Instance usage (Linux/UNIX, \(term), \(type))", unit: "hour", quantity: Quantities.scaled(count, by: hours),
                          priceKey: "gcp/compute/\(region)/\(type)" + (spot ? "/spot" : "")))
        return out
    }

    /// A persistent disk: `pd-standard`, `pd-balanced`, `pd-ssd`, `pd-extreme`, `hyperdisk-extreme`; `regional` doubles the replicas.
    static func diskLines(region: String, type: Value, size: Value, count: Quantity = .value(1), regional: Bool = false,
                          iops: Value = .null, label: String, defaultType: String = "pd-standard") -> PricedUsage {
        var out = PricedUsage()
        let name = Quantities.isUnknown(type) ? defaultType : (type.nonEmptyString ?? defaultType)
        if Quantities.isUnknown(type) || type.isNull { out.assume("\(label)disk type not set: \(defaultType) assumed") }
        let sizeQ: Quantity = Quantities.isUnknown(size) ? .unknownUntilApply(attribute: "size") : .value(size.decimal ?? 0)
        let suffix = regional ? "-regional" : ""
        out.add(UsageLine("\(label)Storage (\(name)\(regional ? ", regional" : ""))", unit: "GB-month",
                          quantity: Quantities.scaled(sizeQ, by: count.decimal ?? 1), priceKey: "gcp/disk/\(region)/\(name)\(suffix)"))
        if name == "pd-extreme" || name == "hyperdisk-extreme", let i = iops.decimal {
            out.add(UsageLine("\(label)Provisioned IOPS", unit: "IOPS-month", quantity: .value(i * (count.decimal ?? 1)),
                              priceKey: "gcp/disk/\(region)/\(name)/iops"))
        }
        return out
    }

    /// Attached GPUs (`guest_accelerator`) by type and count.
    static func gpuLines(region: String, accelerators: [Value], count: Quantity, context: PricingContext, label: String = "") -> PricedUsage {
        var out = PricedUsage()
        for gpu in accelerators {
            guard let type = gpu["type"].nonEmptyString, let n = gpu["count"].decimal, n > 0 else { continue }
            let model = type.split(separator: "/").last.map(String.init) ?? type
            out.add(UsageLine("\(label)GPU (\(model) × \(Money.plain(n)))", unit: "GPU-hour",
                              quantity: Quantities.scaled(count, by: n * Quantities.monthlyHours(context)), priceKey: "gcp/gpu/\(region)/\(model)"))
        }
        return out
    }

    /// A node pool's nodes: machine hours, boot disks, local SSDs and GPUs from `node_config`.
    static func nodeLines(region: String, config: Value, nodes: Quantity, context: PricingContext, label: String) -> PricedUsage {
        var out = PricedUsage()
        let machine = config["machine_type"].isNull ? Value.string("e2-medium") : config["machine_type"]
        if config["machine_type"].isNull { out.assume("\(label)machine_type not set: e2-medium, the GKE default") }
        let spot = config["spot"].bool == true || config["preemptible"].bool == true
        out.append(machineLines(region: region, machineType: machine, count: nodes, spot: spot, context: context, label: label))
        let size = config["disk_size_gb"].decimal ?? 100
        // the GKE API's default boot disk (NodeConfig.diskType: "If unspecified, the default disk type is 'pd-standard'")
        let type = config["disk_type"].nonEmptyString ?? "pd-standard"
        if config["disk_size_gb"].isNull || config["disk_type"].isNull {
            out.assume("\(label)boot disk: \(Money.plain(size)) GB \(type)\(config["disk_type"].isNull ? " (GKE defaults)" : "")")
        }
        out.append(diskLines(region: region, type: .string(type), size: .number(Money.plain(size)), count: nodes, label: "\(label)Boot disks: "))
        if let ssds = config["local_ssd_count"].decimal, ssds > 0 {
            out.add(UsageLine("\(label)Local SSDs (\(Money.plain(ssds)) × 375 GB)", unit: "GB-month", quantity: Quantities.scaled(nodes, by: ssds * 375),
                              priceKey: "gcp/disk/\(region)/local-ssd"))
        }
        out.append(gpuLines(region: region, accelerators: config["guest_accelerator"].array, count: nodes, context: context, label: label))
        return out
    }
}

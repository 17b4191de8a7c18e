import FoundationEssentials
/// Images, snapshots and registries: stored GB, plus the registries' operations and egress.
enum GCPStorageFamily {
    static let pricers: [any Pricer] = [
        /// `google_compute_image`: stored GB (usage `storage_gb`, else its `disk_size_gb`, else the size of its source disk,
        /// image or snapshot).
        ComponentPricer(["google_compute_image"], attributes: ["disk_size_gb", "source_disk", "source_image", "source_snapshot"],
                        usage: [.storageGB], related: related) { c in
            c.line("Storage", unit: "GB", quantity: storedGB(c.resource, c.context, depth: 0), usageBased: true)
        },
        /// `google_compute_snapshot`: stored GB (usage `storage_gb`, else the source disk's size).
        ComponentPricer(["google_compute_snapshot"], attributes: ["source_disk"], usage: [.storageGB], related: related) { c in
            c.line("Storage", unit: "GB", quantity: storedGB(c.resource, c.context, depth: 0), usageBased: true)
        },
        /// `google_compute_machine_image`: stored GB (usage `storage_gb`).
        ComponentPricer(["google_compute_machine_image"], usage: [.storageGB]) { c in
            c.usage("Storage", unit: "GB", .storageGB)
        },
        /// `google_container_registry`: standard storage, class A and B operations and egress, at the registry's location
        /// (`US` when not set … the provider region in the keys).
        ComponentPricer(["google_container_registry"], attributes: ["location"],
                        usage: [.storageGB, .monthlyClassAOperations, .monthlyClassBOperations] + GCPEgress.storageKeys) { c in
            if let location = c.resource.attributes["location"].nonEmptyString, !Quantities.isUnknown(c.resource.attributes["location"]) {
                c.region = location.lowercased()
            }
            c.usage("Storage (standard)", unit: "GiB", .storageGB)
            c.usage("Object adds, bucket/object list (class A)", unit: "10k operations", .monthlyClassAOperations, times: Decimal(1) / 10000)
            c.usage("Object gets, retrieve bucket/object metadata (class B)", unit: "10k operations", .monthlyClassBOperations, times: Decimal(1) / 10000)
            GCPEgress.storage(&c, prefix: "Data transfer")
        },
        /// `google_artifact_registry_repository`: stored GB and inter-region egress to the named destination regions.
        ComponentPricer(["google_artifact_registry_repository"], attributes: ["location"],
                        usage: [.storageGB] + GCPEgressKeys.regions.map(\.key)) { c in
            c.usage("Storage", unit: "GB", .storageGB)
            GCPEgress.interRegion(&c, source: c.region)
        },
    ]

    static let related: [String: Set<String>] = ["google_compute_disk": ["size"], "google_compute_image": ["disk_size_gb", "source_disk", "source_image", "source_snapshot"],
                                                 "google_compute_snapshot": ["source_disk"]]

    /// The GB an image or snapshot stores: the usage file's `storage_gb`, else the size it names or its source's.
    static func storedGB(_ r: Resource, _ context: PricingContext, depth: Int) -> Quantity {
        if depth == 0, let gb = context.usage[.storageGB] { return .value(gb) }
        let a = r.attributes
        if r.type == "google_compute_disk" {
            return Quantities.number(a["size"], attribute: "size") ?? .usageNotGiven
        }
        if r.type == "google_compute_image", let q = Quantities.number(a["disk_size_gb"], attribute: "disk_size_gb") { return q }
        guard depth < 4 else { return .usageNotGiven }
        let sources: [(String, String)] = [("source_disk", "google_compute_disk"), ("source_image", "google_compute_image"),
                                           ("source_snapshot", "google_compute_snapshot")]
        for (attribute, type) in sources {
            if let source = context.referenced(type, from: r, attribute: attribute) {
                return storedGB(source, context, depth: depth + 1)
            }
        }
        return .usageNotGiven
    }
}

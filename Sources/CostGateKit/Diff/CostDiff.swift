import FoundationEssentials

/// Base against head: per resource (added, removed, changed, unchanged) and in total.
public struct CostDiff: Sendable {
    public enum Change: String, Sendable { case added, removed, changed, unchanged }

    public struct ResourceDiff: Sendable {
        public var address: String
        public var type: String
        public var change: Change
        public var base: ResourceCost?
        public var head: ResourceCost?
        public var project: String? { head?.project ?? base?.project }
        public var baseMonthlyCost: Decimal { base?.monthlyCost ?? 0 }
        public var headMonthlyCost: Decimal { head?.monthlyCost ?? 0 }
        public var delta: Decimal { headMonthlyCost - baseMonthlyCost }
    }

    public var base: Estimate
    public var head: Estimate
    public var resources: [ResourceDiff]

    public var baseTotal: Decimal { base.totalMonthlyCost }
    public var headTotal: Decimal { head.totalMonthlyCost }
    public var delta: Decimal { headTotal - baseTotal }
    /// The change in percent of the base, nil when the base costs nothing.
    public var percent: Decimal? { baseTotal == 0 ? nil : delta * 100 / baseTotal }

    /// Several projects' diffs as one (resources in project order).
    public static func merged(_ parts: [CostDiff]) -> CostDiff {
        guard parts.count != 1 else { return parts[0] }
        var d = CostDiff(base: .merged(parts.map(\.base)), head: .merged(parts.map(\.head)), resources: [])
        d.resources = parts.flatMap(\.resources)
        return d
    }

    private init(base: Estimate, head: Estimate, resources: [ResourceDiff]) {
        self.base = base
        self.head = head
        self.resources = resources
    }

    /// Matches resources by address; a head resource moved from `previousAddresses[address]` matches its old address.
    public init(base: Estimate, head: Estimate, previousAddresses: [String: String] = [:]) {
        self.base = base
        self.head = head
        var baseByAddress: [String: ResourceCost] = [:]
        for r in base.resources { baseByAddress[r.address] = r }
        var out: [ResourceDiff] = []
        var matched = Set<String>()
        for h in head.resources {
            let key = baseByAddress[h.address] != nil ? h.address : (previousAddresses[h.address] ?? h.address)
            if let b = baseByAddress[key] {
                matched.insert(key)
                let same = b.monthlyCost == h.monthlyCost && b.components.map(\.priceKey) == h.components.map(\.priceKey)
                out.append(ResourceDiff(address: h.address, type: h.type, change: same ? .unchanged : .changed, base: b, head: h))
            } else {
                out.append(ResourceDiff(address: h.address, type: h.type, change: .added, base: nil, head: h))
            }
        }
        for b in base.resources where !matched.contains(b.address) {
            out.append(ResourceDiff(address: b.address, type: b.type, change: .removed, base: b, head: nil))
        }
        resources = out.sorted { $0.address < $1.address }
    }
}

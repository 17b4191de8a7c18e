import FoundationEssentials
public enum ComponentStatus: String, Sendable {
    case priced
    case priceNotFound = "price-not-found"
    case dependsOnUsage = "depends-on-usage"
    case unknownUntilApply = "unknown-until-apply"
    case costUnknown = "cost-unknown"
}

/// One valued line: quantity × unit price, with the price's key and source.
public struct CostComponent: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var quantity: Quantity
    public var priceKey: String
    public var usageBased: Bool
    public var unitPrice: Decimal?
    public var monthlyCost: Decimal?
    public var priceSource: PriceSource?
    public var priceDate: String?
    /// The book rule that set the unit price from the list price (`sustained-use −30%`), with its source.
    public var rule: String? = nil

    public var status: ComponentStatus {
        if unitPrice == nil, case .value = quantity { return .priceNotFound }
        switch quantity {
        case .value: return unitPrice == nil ? .priceNotFound : .priced
        case .usageNotGiven: return unitPrice == nil ? .priceNotFound : .dependsOnUsage
        case .unknownUntilApply: return .unknownUntilApply
        case .notDeclared: return .costUnknown
        }
    }
}

public struct ResourceCost: Sendable {
    public var address: String
    public var type: String
    public var region: String?
    public var regionAssumed: Bool
    public var action: Action
    /// The lines; the resource's monthly cost is summed once whenever they change.
    public var components: [CostComponent] { didSet { monthlyCost = Self.sum(components) } }
    public var assumptions: [String]
    public var location: SourceLocation?
    /// An autoscaler's max ÷ min replicas: the cost can grow this many times.
    public var ceiling: Decimal?
    /// A Kubernetes object's namespace.
    public var namespace: String? = nil
    /// Known tags or labels (nil: cannot carry tags), for scoped budgets.
    public var tags: [String: String]? = nil
    /// The project of `.costgate.yml` the resource belongs to.
    public var project: String? = nil
    /// Containers that declare no requests: their cost is unknown (what `require_requests` judges).
    public var containersWithoutRequests: [String] = []

    /// The worst case under an autoscaler (nil when the resource does not scale).
    public var maxMonthlyCost: Decimal? { ceiling.map { FastDecimal.cents(FastDecimal.multiply(monthlyCost, $0)) } }

    /// The sum of the priced components, each rounded to cents first, so the displayed lines add up to the
    /// displayed subtotal (`exactMonthlyCost` is the unrounded sum); usage-based lines without usage, unknown
    /// and not-found prices are left out (`gaps`, and counted in the summary). Kept, not recomputed: reports
    /// read it several times and Decimal additions are slow.
    public private(set) var monthlyCost: Decimal

    static func sum(_ components: [CostComponent]) -> Decimal {
        components.reduce(Decimal(0)) { FastDecimal.add($0, $1.status == .priced ? FastDecimal.cents($1.monthlyCost ?? 0) : 0) }
    }

    public init(address: String, type: String, region: String?, regionAssumed: Bool, action: Action, components: [CostComponent],
                assumptions: [String], location: SourceLocation?, ceiling: Decimal? = nil, namespace: String? = nil,
                tags: [String: String]? = nil, project: String? = nil) {
        self.address = address
        self.type = type
        self.region = region
        self.regionAssumed = regionAssumed
        self.action = action
        self.components = components
        self.monthlyCost = Self.sum(components)
        self.assumptions = assumptions
        self.location = location
        self.ceiling = ceiling
        self.namespace = namespace
        self.tags = tags
        self.project = project
    }

    public func has(_ status: ComponentStatus) -> Bool { components.contains { $0.status == status } }
}

public enum SkipReason: String, Sendable {
    case free
    case unsupported
    case deleted
    case forgotten = "forgotten"
    case notKubernetes = "not-kubernetes"
    /// Terraform source: count/for_each unknown until apply, or a module not downloaded (the detail says which).
    case notEvaluated = "not-evaluated"
    /// A JSON file that is not a Terraform plan, passed over under --skip-other-files.
    case notAPlan = "not-a-plan"

    /// Input that is not ours (not a resource): not counted among resources, nor as "not supported yet".
    public var isNotOurs: Bool { self == .notKubernetes || self == .notAPlan }
}

public struct SkippedResource: Sendable {
    public var address: String
    public var type: String
    public var reason: SkipReason
    public var detail: String?
    public var location: SourceLocation?
    /// The project of `.costgate.yml` the resource belongs to.
    public var project: String? = nil

    public init(address: String, type: String, reason: SkipReason, detail: String? = nil, location: SourceLocation? = nil) {
        self.address = address
        self.type = type
        self.reason = reason
        self.detail = detail
        self.location = location
    }
}

public struct Summary: Sendable, Equatable {
    public var resources = 0
    public var priced = 0
    public var free = 0
    public var unsupported = 0
    public var deleted = 0
    public var priceNotFound = 0
    public var unknownUntilApply = 0
    public var usageBased = 0
    public var costUnknown = 0
}

public struct PriceBookRef: Sendable, Equatable, Hashable {
    public var id: String
    public var version: String
    public var effectiveDate: String

    /// From a book file's header records (`id`, `version`, `effective`), without reading its prices.
    static func read(path: String) -> PriceBookRef? {
        guard let head = try? FileIO.readPrefix(path, count: 8192) else { return nil }
        var fields: [String: String] = [:]
        for line in head.split(separator: 0x0A) {
            let parts = line.split(separator: 0x09, maxSplits: 1).map { String(decoding: $0, as: UTF8.self) }
            if parts.count == 2, ["id", "version", "effective"].contains(parts[0]) { fields[parts[0]] = parts[1] }
            if line.starts(with: Array("price\t".utf8)) { break }
        }
        guard let id = fields["id"], let version = fields["version"] else { return nil }
        return PriceBookRef(id: id, version: version, effectiveDate: fields["effective"] ?? "")
    }
}

/// The valued result of one run.
public struct Estimate: Sendable {
    public var currency: String
    public var pricebooks: [PriceBookRef]
    public var inputs: [String]
    public var resources: [ResourceCost]
    public var skipped: [SkippedResource]
    /// Run-level notes: the default region used, files read, and so on.
    public var assumptions: [String]
    public var warnings: [String]

    public var totalMonthlyCost: Decimal {
        resources.reduce(Decimal(0)) { FastDecimal.add($0, $1.monthlyCost) }
    }

    /// The total with every autoscaled workload at its maximum replicas (nil when nothing autoscales).
    public var maxTotalMonthlyCost: Decimal? {
        guard resources.contains(where: { $0.ceiling != nil }) else { return nil }
        return resources.reduce(Decimal(0)) { FastDecimal.add($0, $1.maxMonthlyCost ?? $1.monthlyCost) }
    }

    public var summary: Summary {
        var s = Summary()
        s.priced = resources.count
        s.resources = resources.count + skipped.count { !$0.reason.isNotOurs }
        for r in resources {
            if r.has(.priceNotFound) { s.priceNotFound += 1 }
            if r.has(.unknownUntilApply) { s.unknownUntilApply += 1 }
            if r.has(.dependsOnUsage) { s.usageBased += 1 }
            if r.has(.costUnknown) { s.costUnknown += 1 }
        }
        for k in skipped {
            switch k.reason {
            case .free: s.free += 1
            case .unsupported, .notEvaluated: s.unsupported += 1
            case .notKubernetes, .notAPlan: break
            case .deleted, .forgotten: s.deleted += 1
            }
        }
        return s
    }
}

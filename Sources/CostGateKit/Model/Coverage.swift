import FoundationEssentials

/// Incomplete is never zero: a resource with a price not found, a quantity unknown until apply, a cost
/// unknown (nothing declared to price), or of a type that is neither priced nor known to be free makes every
/// total that contains it a lower bound. Computed here, once; reporters and policies only read it.
public enum GapKind: String, Sendable, CaseIterable, Comparable {
    /// A price key the book does not have.
    case priceNotFound = "price_not_found"
    /// A resource type no pricer knows and that is not on the free list.
    case unsupported
    /// A quantity only known after apply, or not declared (a container without requests, a claim without a size).
    case unknown

    public static func < (a: GapKind, b: GapKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One reason a resource's cost is not fully known.
public struct Gap: Sendable, Equatable {
    public var kind: GapKind
    /// `price not found: aws/rds/…`, `unknown until apply: instance_class`, `not supported yet`
    public var reason: String
}

/// A resource whose cost is not (fully) known, with why.
public struct Unpriced: Sendable, Equatable {
    public var address: String
    public var type: String
    public var project: String?
    public var gaps: [Gap]
    public var location: SourceLocation?

    /// `price not found: aws/rds/us-east-1/…; unknown until apply: allocated_storage`
    public var reason: String { gaps.map(\.reason).joined(separator: "; ") }
    public var kinds: Set<GapKind> { Set(gaps.map(\.kind)) }

    /// `1 resource not priced: aws_db_instance.main (price not found: aws/rds/…)`, the first `limit` named.
    public static func sentence(_ list: [Unpriced], limit: Int = 3, qualified: Bool = false) -> String {
        guard !list.isEmpty else { return "" }
        let named = list.prefix(limit).map { u in "\(qualified ? (u.project.map { "\($0): " } ?? "") : "")\(u.address) (\(u.reason))" }
        var text = "\(list.count) resource\(list.count == 1 ? "" : "s") not priced: " + named.joined(separator: ", ")
        if list.count > limit { text += " and \(list.count - limit) more" }
        return text
    }
}

/// A sum that may be a lower bound: the known part, and whether that is all of it.
public struct Amount: Sendable, Equatable {
    public var known: Decimal
    public var complete: Bool

    public init(_ known: Decimal, complete: Bool) {
        self.known = known
        self.complete = complete
    }
}

extension CostComponent {
    /// Why this line is not in the total although it would count, nil when it is priced or only waits
    /// for a usage value (usage-based lines are left out by design and listed as such).
    public var gap: Gap? {
        switch status {
        case .priced, .dependsOnUsage: return nil
        case .priceNotFound:
            // a usage-based line with neither usage nor a price would be left out anyway
            guard quantity.decimal != nil || !usageBased else { return nil }
            return Gap(kind: .priceNotFound, reason: "price not found: \(priceKey)")
        case .unknownUntilApply:
            if case .unknownUntilApply(let attribute) = quantity { return Gap(kind: .unknown, reason: "unknown until apply: \(attribute)") }
            return Gap(kind: .unknown, reason: "unknown until apply")
        case .costUnknown:
            if case .notDeclared(let why) = quantity { return Gap(kind: .unknown, reason: "cost unknown: \(why)") }
            return Gap(kind: .unknown, reason: "cost unknown")
        }
    }
}

extension ResourceCost {
    /// The reasons its cost is not fully known (empty: it is).
    public var gaps: [Gap] {
        var out: [Gap] = []
        for c in components { if let g = c.gap, !out.contains(g) { out.append(g) } }
        return out
    }

    public var isComplete: Bool { !components.contains { $0.gap != nil } }

    /// True when no line is priced and something is missing: the resource shows what is missing, never `$0.00`.
    public var nothingKnown: Bool { !components.contains { $0.status == .priced } && !isComplete }

    /// The sum of the exact line costs (the displayed `monthlyCost` sums each line rounded to cents).
    public var exactMonthlyCost: Decimal {
        components.reduce(Decimal(0)) { FastDecimal.add($0, $1.status == .priced ? ($1.monthlyCost ?? 0) : 0) }
    }

    public var amount: Amount { Amount(monthlyCost, complete: isComplete) }

    var unpriced: Unpriced? {
        let g = gaps
        return g.isEmpty ? nil : Unpriced(address: address, type: type, project: project, gaps: g, location: location)
    }
}

extension SkippedResource {
    /// The gap a skipped resource leaves in every total that contains it: a type no pricer knows, or Terraform
    /// source not evaluated (a count or for_each unknown until apply, a module not downloaded or nested too deep) —
    /// its cost is not zero, only not known. Free, deleted and not-ours resources leave none.
    var gap: Gap? {
        switch reason {
        case .unsupported: return Gap(kind: .unsupported, reason: "not supported yet: \(type)")
        case .notEvaluated: return Gap(kind: .unknown, reason: "not evaluated: \(detail ?? "unknown until apply")")
        case .free, .deleted, .forgotten, .notKubernetes, .notAPlan: return nil
        }
    }

    var unpriced: Unpriced? {
        gap.map { Unpriced(address: address, type: type, project: project, gaps: [$0], location: location) }
    }
}

extension Estimate {
    /// Every resource whose cost is not fully known: priced resources with a gap, then skipped ones with a gap.
    public var unpriced: [Unpriced] {
        resources.compactMap(\.unpriced) + skipped.compactMap(\.unpriced)
    }

    /// False when the total is a lower bound.
    public var isComplete: Bool {
        resources.allSatisfy(\.isComplete) && !skipped.contains { $0.gap != nil }
    }

    public var total: Amount { Amount(totalMonthlyCost, complete: isComplete) }

    /// The sum of the exact line costs, not rounded.
    public var exactTotalMonthlyCost: Decimal {
        resources.reduce(Decimal(0)) { FastDecimal.add($0, $1.exactMonthlyCost) }
    }
}

extension CostDiff.ResourceDiff {
    /// False when either side has a gap and the resource changed: the diff says "change not known".
    public var changeKnown: Bool {
        change == .unchanged || ((base?.isComplete ?? true) && (head?.isComplete ?? true))
    }
}

extension CostDiff {
    public var headAmount: Amount { head.total }
    public var baseAmount: Amount { base.total }

    /// The change, or its lower bound; nil when not even a lower bound is known (something unpriced was
    /// removed or changed from an unpriced base).
    public var change: Amount? {
        Amounts.change(base: base.resources, head: head.resources, baseSkipped: base.skipped, headSkipped: head.skipped,
                        moved: Dictionary(resources.compactMap { r in
                            guard let b = r.base, let h = r.head, b.address != h.address else { return nil }
                            return (h.address, b.address)
                        }, uniquingKeysWith: { a, _ in a }))
    }
}

public enum Amounts {
    /// head − base over two lists of resources (scoped or whole), matched by address: exact when every
    /// resource that changed is fully known on both sides; a lower bound when the unknown parts are only
    /// on the head side; nil when something unknown left or changed on the base side.
    public static func change(base: [ResourceCost], head: [ResourceCost], baseSkipped: [SkippedResource] = [],
                              headSkipped: [SkippedResource] = [], moved: [String: String] = [:]) -> Amount? {
        var byAddress: [String: ResourceCost] = [:]
        for b in base { byAddress[b.address] = b }
        var matched = Set<String>()
        var sum = Decimal(0)
        var complete = true
        for h in head {
            let key = byAddress[h.address] != nil ? h.address : (moved[h.address] ?? h.address)
            guard let b = byAddress[key] else {
                sum += h.monthlyCost
                complete = complete && h.isComplete
                continue
            }
            matched.insert(key)
            if b.isComplete && h.isComplete || same(b, h) {
                sum += h.monthlyCost - b.monthlyCost
            } else if b.isComplete {
                sum += h.monthlyCost - b.monthlyCost
                complete = false
            } else {
                return nil
            }
        }
        for b in base where !matched.contains(b.address) {
            guard b.isComplete else { return nil }
            sum -= b.monthlyCost
        }
        let baseUnsupported = Set(baseSkipped.filter { $0.gap != nil }.map(\.address))
        let headUnsupported = Set(headSkipped.filter { $0.gap != nil }.map(\.address))
        if !baseUnsupported.isSubset(of: headUnsupported) { return nil }   // an unpriced resource left, or became priced
        if headUnsupported != baseUnsupported { complete = false }
        return Amount(sum, complete: complete)
    }

    /// The same lines with the same prices and quantities on both sides: whatever is unknown is the same
    /// unknown. (Sources and the wording of a reason may differ: a base read back from a JSON report has none.)
    static func same(_ a: ResourceCost, _ b: ResourceCost) -> Bool {
        a.components.count == b.components.count && zip(a.components, b.components).allSatisfy { x, y in
            x.name == y.name && x.priceKey == y.priceKey && x.status == y.status && x.quantity.decimal == y.quantity.decimal
                && x.unitPrice == y.unitPrice
        }
    }
}

extension FastDecimal {
    /// Rounded to cents, half away from zero (as `Money.format(_, scale: 2)` prints it), without text.
    static func cents(_ d: Decimal) -> Decimal {
        guard usable, let p = parts(d) else { return Money.rounded(d, scale: 2) }
        if p.exponent >= -2 { return d }
        let drop = -2 - p.exponent
        guard drop <= 19 else { return 0 }   // the significand is below 2^64 < 5 × 10^19
        var scale: UInt64 = 1
        for _ in 0..<drop { scale *= 10 }
        var q = p.significand / scale
        if p.significand % scale >= scale / 2 { q += 1 }
        guard q != 0 else { return 0 }
        return make(Parts(exponent: -2, negative: p.negative, significand: q)) ?? Money.rounded(d, scale: 2)
    }
}

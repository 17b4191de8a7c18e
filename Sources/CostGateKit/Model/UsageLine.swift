import FoundationEssentials
/// How much of something a resource consumes in a month. Pricers produce it; it never changes with prices.
public enum Quantity: Sendable, Equatable {
    case value(Decimal)
    /// A usage-based amount (requests, GB processed) that the usage file does not give.
    case usageNotGiven
    /// An attribute the quantity needs is only known after apply (or is hidden as sensitive).
    case unknownUntilApply(attribute: String)
    /// The input does not say (a container without requests): the cost is unknown, not zero.
    case notDeclared(reason: String)

    public var decimal: Decimal? {
        if case .value(let d) = self { return d }
        return nil
    }
}

/// What a pricer says: "this much of that price". Never dollars.
public struct UsageLine: Sendable, Equatable {
    public var component: String
    public var unit: String
    public var quantity: Quantity
    public var priceKey: String
    public var usageBased: Bool
    /// Each unit it counts runs the whole month (730 hours): a book's full-month rules (sustained use) may apply.
    public var runsFullMonth = false

    public init(_ component: String, unit: String, quantity: Quantity, priceKey: String, usageBased: Bool = false) {
        self.component = component
        self.unit = unit
        self.quantity = quantity
        self.priceKey = priceKey
        self.usageBased = usageBased
    }
}

/// A pricer's answer for one resource: its usage lines and the assumptions it had to make.
public struct PricedUsage: Sendable, Equatable {
    public var lines: [UsageLine]
    public var assumptions: [String]
    /// How far the cost can grow (an autoscaler's max ÷ min replicas); nil when it cannot.
    public var ceiling: Decimal?
    /// Containers that declare no CPU or memory requests (nor limits, nor a LimitRange default): their
    /// cost is unknown, and the `require_requests` guardrail names them.
    public var containersWithoutRequests: [String] = []
    /// What makes the input unusable (a count out of range, sizes that overflow): the run stops with it.
    public var problems: [String] = []

    public init(lines: [UsageLine] = [], assumptions: [String] = [], ceiling: Decimal? = nil) {
        self.lines = lines
        self.assumptions = assumptions
        self.ceiling = ceiling
    }

    public mutating func add(_ line: UsageLine) { lines.append(line) }
    public mutating func assume(_ text: String) { assumptions.append(text) }
    public mutating func reject(_ text: String) { problems.append(text) }
    public mutating func append(_ other: PricedUsage) {
        lines.append(contentsOf: other.lines)
        assumptions.append(contentsOf: other.assumptions)
    }
}

import FoundationEssentials
/// Fixed platform costs (a cluster's control plane, a monitoring licence) shared out to teams or namespaces
/// by a coefficient, for the "by team" breakdown of the table, JSON and markdown reports.
public struct SharedCost: Sendable, Equatable {
    public enum Basis: String, Sendable, Equatable {
        /// Share of requested CPU (vCPU-hours of Kubernetes requests).
        case cpu
        /// Share of requested memory (GiB-hours of Kubernetes requests).
        case memory
        /// Share of each team's own monthly cost.
        case cost
        /// Fixed weights per team.
        case weights
    }

    public var name: String
    /// A fixed monthly amount from outside the inputs (a licence, a support contract).
    public var monthlyCost: Decimal = 0
    /// Resources of the run whose cost is shared instead of charged to their own team (address globs).
    public var resources: [Glob] = []
    public var basis: Basis
    public var weights: [String: Decimal] = [:]

    public init(name: String, monthlyCost: Decimal = 0, resources: [Glob] = [], basis: Basis, weights: [String: Decimal] = [:]) {
        self.name = name
        self.monthlyCost = monthlyCost
        self.resources = resources
        self.basis = basis
        self.weights = weights
    }
}

/// Who pays what: each team's own resources plus its share of every shared cost. Shares are whole cents
/// whose sum is the shared cost exactly (largest remainder; ties go to the team that sorts first).
public struct TeamBreakdown: Sendable, Equatable {
    public struct Team: Sendable, Equatable {
        public var name: String
        public var direct: Decimal
        /// Shared cost name → this team's share.
        public var shares: [String: Decimal]
        public var total: Decimal { direct + shares.values.reduce(0, +) }
    }

    public struct Pool: Sendable, Equatable {
        public var name: String
        public var amount: Decimal
        public var basis: SharedCost.Basis
    }

    /// The tag or label whose values name the teams (`namespace` for Kubernetes namespaces).
    public var key: String
    public var teams: [Team]
    public var pools: [Pool]
    public static let unallocated = "(no team)"

    public var total: Decimal { teams.reduce(0) { $0 + $1.total } }

    public init(estimate: Estimate, key: String, costs: [SharedCost]) {
        self.key = key
        func team(of r: ResourceCost) -> String {
            let name = key == "namespace" ? r.namespace : r.tags?[key]
            return name.flatMap { $0.isEmpty ? nil : $0 } ?? Self.unallocated
        }
        var direct: [String: Decimal] = [:], cpu: [String: Decimal] = [:], memory: [String: Decimal] = [:]
        var pools: [Pool] = costs.map { Pool(name: $0.name, amount: $0.monthlyCost, basis: $0.basis) }
        for r in estimate.resources {
            if let i = costs.firstIndex(where: { c in c.resources.contains { $0.matches(r.address) } }) {
                pools[i].amount += r.monthlyCost
                continue
            }
            let t = team(of: r)
            direct[t, default: 0] += r.monthlyCost
            for c in r.components {
                guard case .value(let q) = c.quantity else { continue }
                if c.unit == "vCPU-hour" && r.namespace != nil { cpu[t, default: 0] += q }
                if c.unit == "GiB-hour" && r.namespace != nil { memory[t, default: 0] += q }
            }
        }
        for i in pools.indices { pools[i].amount = Money.rounded(pools[i].amount, scale: 2) }
        var teams = Set(direct.keys)
        for c in costs { teams.formUnion(c.weights.keys) }
        var shares: [String: [String: Decimal]] = [:]
        for (i, c) in costs.enumerated() {
            let basis: [String: Decimal]
            switch c.basis {
            case .cpu: basis = cpu
            case .memory: basis = memory
            case .cost: basis = direct.filter { $0.key != Self.unallocated }
            case .weights: basis = c.weights
            }
            for (t, amount) in Self.split(pools[i].amount, by: basis) { shares[t, default: [:]][c.name] = amount; teams.insert(t) }
        }
        self.pools = pools
        self.teams = teams.sorted { a, b in
            (a == Self.unallocated ? 1 : 0, a) < (b == Self.unallocated ? 1 : 0, b)
        }.map { Team(name: $0, direct: direct[$0] ?? 0, shares: shares[$0] ?? [:]) }
    }

    /// `amount` in whole cents in proportion to `basis`; the cents add up to `amount` exactly.
    /// With no basis at all, the whole amount stays unallocated.
    static func split(_ amount: Decimal, by basis: [String: Decimal]) -> [(String, Decimal)] {
        let positive = basis.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        let total = positive.reduce(Decimal(0)) { $0 + $1.value }
        guard total > 0 else { return amount == 0 ? [] : [(unallocated, amount)] }
        let cents = amount * 100
        var out: [(team: String, cents: Decimal, remainder: Decimal)] = positive.map { t, w in
            let exact = cents * w / total
            let rounded = Money.rounded(exact, scale: 0)
            let floor = rounded > exact ? rounded - 1 : rounded
            return (t, floor, exact - floor)
        }
        var left = cents - out.reduce(0) { $0 + $1.cents }
        for i in out.indices.sorted(by: { (out[$0].remainder, out[$1].team) > (out[$1].remainder, out[$0].team) }) where left > 0 {
            out[i].cents += 1
            left -= 1
        }
        return out.map { ($0.team, $0.cents / 100) }
    }
}

extension TeamBreakdown {
    /// Lines for the table and markdown reports: one per team, own cost plus each share.
    func lines(_ f: NumberText) -> (header: String, rows: [(team: String, own: String, shares: [String], total: String)], footer: String) {
        let header = "By \(key == "namespace" ? "namespace" : key == "team" ? "team" : "team (label \(key))"), shared costs allocated"
        let rows = teams.map { t in
            (t.name, f.dollars(t.direct), pools.map { f.dollars(t.shares[$0.name] ?? 0) }, f.dollars(t.total))
        }
        let shared = pools.map { "\($0.name) \(f.dollars($0.amount)) by \($0.basis.rawValue)" }.joined(separator: ", ")
        return (header, rows, "Shared: \(shared); all teams: \(f.dollars(total))")
    }
}

import FoundationEssentials

/// One project's finished comparison, as policies see it.
public struct PolicySubject: Sendable {
    public var project: String?
    /// The head resources as read (attributes, tags, action).
    public var resources: [Resource]
    /// Addresses the change creates or updates; nil when everything counts as changed (no base).
    public var changed: Set<String>?
    public var head: Estimate
    /// nil when there is no base to compare with.
    public var base: Estimate?

    public init(project: String?, resources: [Resource], changed: Set<String>?, head: Estimate, base: Estimate?) {
        self.project = project
        self.resources = resources
        self.changed = changed
        self.head = head
        self.base = base
    }
}

/// What the resource policies look up in a subject, built once per evaluation (and only when there are
/// policies): its resources that exist after the change, sorted, and their head costs by address.
private struct IndexedSubject {
    let subject: PolicySubject
    let resources: [Resource]
    let costs: [String: ResourceCost]

    init(_ s: PolicySubject) {
        subject = s
        resources = s.resources.filter { $0.action.existsAfter }.sorted { $0.address < $1.address }
        var costs: [String: ResourceCost] = [:]
        for r in s.head.resources { costs[r.address] = r }
        self.costs = costs
    }
}

/// Judges a finished diff: budgets over totals, tagging rules and guardrails over resources; then
/// waives what the exemptions cover.
public struct PolicyEngine: Sendable {
    public var policies: [Policy]
    public var exemptions: [Config.Exemption]

    public init(policies: [Policy], exemptions: [Config.Exemption] = []) {
        self.policies = policies
        self.exemptions = exemptions
    }

    public func evaluate(_ subjects: [PolicySubject]) -> [Finding] {
        guard !policies.isEmpty else { return [] }
        let indexed = subjects.map(IndexedSubject.init)
        var findings: [Finding] = []
        for policy in policies {
            switch policy.rule {
            case .budget(let b): findings += budget(policy, b, subjects)
            case .tagging(let t): findings += each(policy, indexed) { tagging(policy, t, $0, $1) }
            case .guardrail(let g): findings += each(policy, indexed) { guardrail(policy, g, $0, $1) }
            case .coverage(let c): findings += coverage(policy, c, subjects)
            }
        }
        return Self.applyAnnotations(findings.map(exempt), subjects)
    }

    // MARK: - budgets: BudgetPolicy.swift; coverage: CoveragePolicy.swift

    // MARK: - resources

    /// Runs `check` over the resources in scope that exist after the change (and that it creates or
    /// updates, unless the policy checks all).
    private func each(_ p: Policy, _ subjects: [IndexedSubject],
                      _ check: (IndexedSubject, Resource) -> [(String, Severity, String)]) -> [Finding] {
        var out: [Finding] = []
        for indexed in subjects where p.scope.projects.isEmpty || p.scope.projects.contains(indexed.subject.project ?? "") {
            let s = indexed.subject
            for r in indexed.resources {
                if !p.checkAll, let changed = s.changed, !changed.contains(r.address) { continue }
                guard p.scope.matches(project: s.project, type: r.type, namespace: r.namespace, tags: r.tags) else { continue }
                for (message, severity, hint) in check(indexed, r) {
                    out.append(Finding(policy: p.name, severity: severity, message: message, address: r.address, project: s.project,
                                       location: r.location, hint: hint))
                }
            }
        }
        return out
    }

    private func tagging(_ p: Policy, _ t: Policy.Tagging, _ s: IndexedSubject, _ r: Resource) -> [(String, Severity, String)] {
        guard let sets = r.tagSets else { return [] }
        var out: [(String, Severity, String)] = []
        for set in sets {
            let noun = set.noun, fix = set.howToSet
            let on = set.place.isEmpty ? "" : " on the \(set.place)"
            var unknownReported = Set<String>()
            func unknown(_ key: String) {
                guard unknownReported.insert(key).inserted else { return }
                out.append(("\(noun) \(key)\(on) is unknown until apply; it cannot be checked before", .warning,
                            "nothing to do, or make the value known at plan time so it can be checked"))
            }
            for key in t.required where !set.has(key) || set.unknown.contains(key) {
                if set.unknown.contains(key) || set.wholeUnknown { unknown(key) } else { out.append(("required \(noun) \(key) is missing\(on)", p.severity, fix)) }
            }
            let checked = Set(t.allowed.keys).union(t.patterns.keys).sorted()
            for key in checked {
                if set.unknown.contains(key) { unknown(key); continue }
                if set.sensitive.contains(key) {
                    out.append(("\(noun) \(key)\(on) is sensitive; its value is not checked", .warning, "tag values should not be secrets"))
                    continue
                }
                guard let value = set.known[key] else { continue }
                if let allowed = t.allowed[key], !allowed.contains(value) {
                    out.append(("\(noun) \(key)\(on) is \"\(value)\"; allowed: \(allowed.joined(separator: ", "))", p.severity,
                                "use one of the allowed values"))
                }
                if let pattern = t.patterns[key], let compiled = try? TagPattern(pattern), !compiled.matches(value) {
                    out.append(("\(noun) \(key)\(on) is \"\(value)\"; it must match \(pattern)", p.severity, "change the value to match"))
                }
            }
        }
        return out
    }

    private func guardrail(_ p: Policy, _ g: Policy.Guardrail, _ s: IndexedSubject, _ r: Resource) -> [(String, Severity, String)] {
        var out: [(String, Severity, String)] = []
        if !g.deniedInstanceTypes.isEmpty {
            for t in r.sizes {
                if let glob = g.deniedInstanceTypes.first(where: { $0.matches(t) }) {
                    out.append(("instance type \(t) is denied (\(glob.pattern))", p.severity,
                                "choose another type, or add an exemption with a reason to .costgate.yml"))
                }
            }
        }
        if let max = g.maxResourceMonthlyCost, let cost = s.costs[r.address]?.monthlyCost, cost > max {
            out.append(("costs \(Money.dollars(cost)) a month, above the \(Money.dollars(max)) allowed per resource", p.severity,
                        "size it down, or add an exemption with a reason to .costgate.yml"))
        }
        if g.requireRequests {
            // what pricing found undeclared
            for name in s.costs[r.address]?.containersWithoutRequests ?? [] {
                out.append(("container \(name) declares no CPU or memory requests (nor limits, nor a LimitRange default)", p.severity,
                            "set resources.requests.cpu and resources.requests.memory"))
            }
        }
        return out
    }

    // MARK: - exemptions

    private func exempt(_ f: Finding) -> Finding {
        guard let address = f.address else { return f }
        var f = f
        if let e = exemptions.first(where: { ($0.policy == "*" || $0.policy == f.policy) && Glob.any($0.addresses, address) }) {
            f.exemption = e.reason
        }
        return f
    }
}

extension PolicyEngine {
    /// Waives the findings on resources whose authors waived those policies (`Resource.waiver`).
    private static func applyAnnotations(_ findings: [Finding], _ subjects: [PolicySubject]) -> [Finding] {
        var skips: [String: Resource.Waiver] = [:]
        for s in subjects {
            for r in s.resources {
                if let w = r.waiver { skips[(s.project ?? "") + "\u{0}" + r.address] = w }
            }
        }
        guard !skips.isEmpty else { return findings }
        return findings.map { f in
            guard f.exemption == nil, let a = f.address, let w = skips[(f.project ?? "") + "\u{0}" + a],
                  w.policies.contains(f.policy) || w.policies.contains("*") else { return f }
            var f = f
            f.exemption = w.reason
            return f
        }
    }
}

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
/// policies): its resources that exist after the change by address, head costs, LimitRanges.
private struct Prepared {
    let subject: PolicySubject
    let resources: [Resource]
    let costs: [String: Decimal]
    let limitRanges: [Resource]

    init(_ s: PolicySubject) {
        subject = s
        resources = s.resources.filter { $0.action.existsAfter }.sorted { $0.address < $1.address }
        var costs: [String: Decimal] = [:]
        for r in s.head.resources { costs[r.address] = r.monthlyCost }
        self.costs = costs
        limitRanges = s.resources.filter { $0.type == "k8s:LimitRange" }
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
        let prepared = subjects.map(Prepared.init)
        var findings: [Finding] = []
        for policy in policies {
            switch policy.rule {
            case .budget(let b): findings += budget(policy, b, subjects)
            case .tagging(let t): findings += each(policy, prepared) { tagging(policy, t, $0, $1) }
            case .guardrail(let g): findings += each(policy, prepared) { guardrail(policy, g, $0, $1) }
            }
        }
        return Self.applyAnnotations(findings.map(exempt), subjects)
    }

    // MARK: - budgets

    private func budget(_ p: Policy, _ b: Policy.Budget, _ subjects: [PolicySubject]) -> [Finding] {
        func total(_ e: Estimate, _ project: String?) -> Decimal {
            e.resources.reduce(Decimal(0)) { sum, r in
                p.scope.matches(project: project, type: r.type, namespace: r.namespace, tags: r.tags) ? sum + r.monthlyCost : sum
            }
        }
        let inScope = subjects.filter { p.scope.projects.isEmpty || p.scope.projects.contains($0.project ?? "") }
        let head = inScope.reduce(Decimal(0)) { $0 + total($1.head, $1.project) }
        let hasBase = !inScope.isEmpty && inScope.allSatisfy { $0.base != nil }
        let base = inScope.reduce(Decimal(0)) { sum, s in sum + (s.base.map { total($0, s.project) } ?? 0) }
        let what = "monthly cost\(p.scope.description)"
        var out: [Finding] = []
        func add(_ message: String) {
            out.append(Finding(policy: p.name, severity: p.severity, message: message, location: p.location,
                               hint: "bring the cost down, or raise the limit of policy \(p.name) with its owner's approval"))
        }
        if let limit = b.monthlyLimit, head > limit {
            add("\(what) is \(Money.dollars(head)), above the limit of \(Money.dollars(limit))")
        }
        if hasBase, let max = b.maxIncrease, head - base > max {
            add("\(what) rises by \(Money.dollars(head - base)) (\(Money.dollars(base)) → \(Money.dollars(head))), above the \(Money.dollars(max)) allowed")
        }
        if hasBase, let max = b.maxIncreasePercent, base > 0, (head - base) * 100 / base > max {
            let percent = Money.format((head - base) * 100 / base, scale: 1)
            add("\(what) rises by \(percent)% (\(Money.dollars(base)) → \(Money.dollars(head))), above the \(Money.plain(max))% allowed")
        }
        return out
    }

    // MARK: - resources

    /// Runs `check` over the resources in scope that exist after the change (and that it creates or
    /// updates, unless the policy checks all).
    private func each(_ p: Policy, _ subjects: [Prepared],
                      _ check: (Prepared, Resource) -> [(String, Severity, String)]) -> [Finding] {
        var out: [Finding] = []
        for prepared in subjects where p.scope.projects.isEmpty || p.scope.projects.contains(prepared.subject.project ?? "") {
            let s = prepared.subject
            for r in prepared.resources {
                if !p.checkAll, let changed = s.changed, !changed.contains(r.address) { continue }
                let namespace = r.provider == .kubernetes ? r.moduleAddress : nil
                guard p.scope.matches(project: s.project, type: r.type, namespace: namespace, tags: r.tags) else { continue }
                for (message, severity, hint) in check(prepared, r) {
                    out.append(Finding(policy: p.name, severity: severity, message: message, address: r.address, project: s.project,
                                       location: r.location, hint: hint))
                }
            }
        }
        return out
    }

    private func tagging(_ p: Policy, _ t: Policy.Tagging, _ s: Prepared, _ r: Resource) -> [(String, Severity, String)] {
        guard let sets = r.tagSets else { return [] }
        var out: [(String, Severity, String)] = []
        let noun = r.provider == .kubernetes || r.type.hasPrefix("google_") ? "label" : "tag"
        let fix = r.provider == .aws ? "set it in tags (or the provider's default_tags)" : "set the \(noun)"
        for set in sets {
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

    private func guardrail(_ p: Policy, _ g: Policy.Guardrail, _ s: Prepared, _ r: Resource) -> [(String, Severity, String)] {
        var out: [(String, Severity, String)] = []
        if !g.deniedInstanceTypes.isEmpty {
            for t in r.instanceTypes {
                if let glob = g.deniedInstanceTypes.first(where: { $0.matches(t) }) {
                    out.append(("instance type \(t) is denied (\(glob.pattern))", p.severity,
                                "choose another type, or add an exemption with a reason to .costgate.yml"))
                }
            }
        }
        if let max = g.maxResourceMonthlyCost, let cost = s.costs[r.address], cost > max {
            out.append(("costs \(Money.dollars(cost)) a month, above the \(Money.dollars(max)) allowed per resource", p.severity,
                        "size it down, or add an exemption with a reason to .costgate.yml"))
        }
        if g.requireRequests, r.type.hasPrefix("k8s:") {
            let kind = String(r.type.dropFirst(4))
            if KubernetesReader.workloadKinds.contains(kind) {
                let pod = PodRequests.compute(spec: PodRequests.podSpec(kind: kind, object: r.attributes),
                                              defaults: PodRequests.defaults(namespace: r.moduleAddress, limitRanges: s.limitRanges))
                for name in pod.withoutRequests {
                    out.append(("container \(name) declares no CPU or memory requests (nor limits, nor a LimitRange default)", p.severity,
                                "set resources.requests.cpu and resources.requests.memory"))
                }
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
    /// Waives findings on objects annotated `costgate.dev/skip: <policy>[, <policy>…]` (or `*`).
    private static func applyAnnotations(_ findings: [Finding], _ subjects: [PolicySubject]) -> [Finding] {
        var skips: [String: [String]] = [:]
        for s in subjects {
            for r in s.resources {
                let names = r.skippedPolicies
                if !names.isEmpty { skips[(s.project ?? "") + "\u{0}" + r.address] = names }
            }
        }
        guard !skips.isEmpty else { return findings }
        return findings.map { f in
            guard f.exemption == nil, let a = f.address, let names = skips[(f.project ?? "") + "\u{0}" + a],
                  names.contains(f.policy) || names.contains("*") else { return f }
            var f = f
            f.exemption = "annotation costgate.dev/skip on the object"
            return f
        }
    }
}

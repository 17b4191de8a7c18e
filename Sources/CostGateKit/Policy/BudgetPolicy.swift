import FoundationEssentials

/// Budgets: a limit on a project's (or a scope's) monthly total, and on how much a change may add.
/// A total with unpriced parts is a lower bound: a budget that its known part already breaks fails; one it
/// cannot judge gives a warning that says why, never a silent pass.
extension PolicyEngine {
    /// The part of one estimate in a policy's scope.
    struct Scoped {
        var resources: [ResourceCost] = []
        var skipped: [SkippedResource] = []
        var unpriced: [Unpriced] { resources.compactMap(\.unpriced) + skipped.compactMap(\.unpriced) }
        var total: Amount {
            Amount(resources.reduce(Decimal(0)) { $0 + $1.monthlyCost },
                   complete: resources.allSatisfy(\.isComplete) && !skipped.contains { $0.gap != nil })
        }
    }

    /// The resources of `e` in the scope of `p`; a skipped resource is matched with the tags and namespace
    /// its reader found (`resources`), since it has no cost of its own.
    static func scoped(_ p: Policy, _ e: Estimate, project: String?, resources: [Resource]) -> Scoped {
        var out = Scoped()
        out.resources = e.resources.filter { p.scope.matches(project: project, type: $0.type, namespace: $0.namespace, tags: $0.tags) }
        let read = Dictionary(resources.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        out.skipped = e.skipped.filter { k in
            let r = read[k.address]
            return p.scope.matches(project: project, type: k.type, namespace: r?.namespace, tags: r?.tags)
        }
        return out
    }

    func budget(_ p: Policy, _ b: Policy.Budget, _ subjects: [PolicySubject]) -> [Finding] {
        let inScope = subjects.filter { p.scope.projects.isEmpty || p.scope.projects.contains($0.project ?? "") }
        var head = Scoped(), base = Scoped()
        for s in inScope {
            let h = Self.scoped(p, s.head, project: s.project, resources: s.resources)
            head.resources += h.resources
            head.skipped += h.skipped
            if let be = s.base {
                let x = Self.scoped(p, be, project: s.project, resources: [])
                base.resources += x.resources
                base.skipped += x.skipped
            }
        }
        let hasBase = !inScope.isEmpty && inScope.allSatisfy { $0.base != nil }
        let headTotal = head.total, baseTotal = base.total
        let change = hasBase ? Amounts.change(base: base.resources, head: head.resources, baseSkipped: base.skipped, headSkipped: head.skipped) : nil
        let what = "monthly cost\(p.scope.description)"
        let atLeast = headTotal.complete ? "" : "at least "
        let headText = atLeast + Money.dollars(headTotal.known)
        let baseText = (baseTotal.complete ? "" : "at least ") + Money.dollars(baseTotal.known)
        var out: [Finding] = []
        func add(_ message: String, _ severity: Severity? = nil, hint: String? = nil) {
            out.append(Finding(policy: p.name, severity: severity ?? p.severity, message: message, location: p.location,
                               hint: hint ?? "bring the cost down, or raise the limit of policy \(p.name) with its owner's approval"))
        }
        var notJudged: [String] = []
        if let limit = b.monthlyLimit {
            if headTotal.known > limit {
                add("\(what) is \(headText), above the limit of \(Money.dollars(limit))")
            } else if !headTotal.complete {
                notJudged.append("monthly_limit \(Money.dollars(limit)) (\(what) is \(headText))")
            }
        }
        if hasBase, let max = b.maxIncrease {
            if let c = change, c.known > max {
                add("\(what) rises by \(c.complete ? "" : "at least ")\(Money.dollars(c.known)) (\(baseText) → \(headText)), above the \(Money.dollars(max)) allowed")
            } else if change?.complete != true {
                notJudged.append("max_increase \(Money.dollars(max)) (\(baseText) → \(headText), change not known)")
            }
        }
        if hasBase, let max = b.maxIncreasePercent, baseTotal.known > 0 || !baseTotal.complete {
            if baseTotal.complete, baseTotal.known > 0, let c = change, c.known * 100 / baseTotal.known > max {
                let percent = Money.format(c.known * 100 / baseTotal.known, scale: 1)
                add("\(what) rises by \(c.complete ? "" : "at least ")\(percent)% (\(baseText) → \(headText)), above the \(Money.plain(max))% allowed")
            } else if change?.complete != true || !baseTotal.complete {
                notJudged.append("max_increase_percent \(Money.plain(max))%")
            }
        }
        if !notJudged.isEmpty {
            let unpriced = Unpriced.sentence(head.unpriced.isEmpty ? base.unpriced : head.unpriced, qualified: inScope.count > 1)
            add("judged on an incomplete total, so \(notJudged.joined(separator: ", ")) cannot be checked: \(unpriced)", .warning,
                hint: "price what is missing (a custom price, a usage value, a known size), or add a coverage policy to fail on unpriced changes")
        }
        return out
    }
}

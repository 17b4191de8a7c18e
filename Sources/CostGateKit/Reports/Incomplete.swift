import FoundationEssentials

/// How every report writes a total that may be a lower bound (the model decides; this only words it).
extension NumberText {
    /// `$837.82`, or `at least $837.82` for a lower bound (sentences).
    func amount(_ a: Amount) -> String { (a.complete ? "" : "at least ") + dollars(a.known) }

    /// `$837.82`, or `≥ $837.82` for a lower bound (cells, and the two sides of an arrow).
    func bound(_ a: Amount) -> String { (a.complete ? "" : "≥ ") + dollars(a.known) }

    /// A resource's cost: `$12.00`, `≥ $12.00` when some lines are not priced, or what is missing when no
    /// line is priced (`price not found`, never `$0.00`).
    func cost(_ r: ResourceCost?) -> String {
        guard let r else { return dollars(0) }
        if r.nothingKnown {
            let statuses = r.components.map(\.status)
            if statuses.contains(.priceNotFound) { return "price not found" }
            if statuses.contains(.unknownUntilApply) { return "unknown until apply" }
            return "cost unknown"
        }
        return bound(r.amount)
    }

    /// A resource's change: `+$7.59`, or `change not known`.
    func change(_ r: CostDiff.ResourceDiff) -> String {
        r.changeKnown ? TableReporter.signed(r.delta, self) : "change not known"
    }

    /// The change of a whole comparison, for parentheses: `+$7.59, +88.4%`, `at least +$500.00`, `change not known`.
    func change(_ d: CostDiff) -> String {
        guard let c = d.change else { return "change not known" }
        if c.complete {
            var text = TableReporter.signed(c.known, self)
            if d.baseAmount.complete, let p = d.percent { text += ", \(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%" }
            return text
        }
        return c.known > 0 ? "at least " + TableReporter.signed(c.known, self) : "change not known"
    }

    /// `$1,036.38 → ≥ $837.82 (change not known)`, or `$58.52, unchanged`
    func comparison(_ d: CostDiff) -> String {
        if let c = d.change, c.complete, c.known == 0, d.baseAmount == d.headAmount { return "\(bound(d.headAmount)), unchanged" }
        return "\(bound(d.baseAmount)) → \(bound(d.headAmount)) (\(change(d)))"
    }
}

extension Report {
    /// Every resource whose cost is not fully known, head and base (a removed resource is named from its base).
    var unpriced: [Unpriced] {
        guard let d = diff else { return estimate.unpriced }
        let head = d.head.unpriced
        let names = Set(head.map { ($0.project ?? "") + "\u{0}" + $0.address })
        return head + d.base.unpriced.filter { !names.contains(($0.project ?? "") + "\u{0}" + $0.address) }
    }

    /// `1 resource not priced: aws_db_instance.main (price not found: aws/rds/…)`, or nil when everything is priced.
    func unpricedSentence(limit: Int = 3) -> String? {
        let u = unpriced
        return u.isEmpty ? nil : Unpriced.sentence(u, limit: limit, qualified: namedProjects.count > 1)
    }
}

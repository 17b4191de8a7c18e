import FoundationEssentials

extension Policy {
    /// `type: coverage`: a resource the change creates or updates whose cost is not known fails (or warns)
    /// the gate, so an unpriced change cannot pass a budget as if it cost nothing.
    ///
    /// ```yaml
    /// - name: coverage
    ///   type: coverage
    ///   severity: warning                               # error fails `costgate check`
    ///   fail_on: [price_not_found, unsupported, unknown]  # the default: all three
    ///   check: changed                                  # or all
    /// ```
    public struct Coverage: Sendable, Equatable {
        public var failOn: Set<GapKind> = Set(GapKind.allCases)

        public init(failOn: Set<GapKind> = Set(GapKind.allCases)) { self.failOn = failOn }

        static let keys = ["fail_on", "check"]

        static func decode(_ node: ConfigNode, name: String) throws -> Coverage {
            var c = Coverage()
            if let v = node["fail_on"] {
                let words = try v.strings("fail_on")
                var kinds = Set<GapKind>()
                for w in words {
                    guard let k = GapKind(rawValue: w) else {
                        var at = v.node.location
                        if case .sequence(let items) = v.node.kind, let item = items.first(where: { $0.scalar == w }) { at = item.location }
                        throw CostGateError("fail_on of policy \(name) lists `\(w)`; use \(GapKind.allCases.map(\.rawValue).joined(separator: ", "))",
                                            at: at)
                    }
                    kinds.insert(k)
                }
                guard !kinds.isEmpty else {
                    throw CostGateError("coverage policy \(name) fails on nothing: list price_not_found, unsupported or unknown", at: v.node.location)
                }
                c.failOn = kinds
            }
            return c
        }

        /// Examples that double as tests (CoveragePolicyTests runs every one): a policy, the gaps of the
        /// resources of a change (nil: fully priced; `changed: false`: untouched by the change), and the
        /// addresses that must give a finding.
        public struct Example: Sendable {
            public var policy: String
            public var resources: [(address: String, gap: GapKind?, changed: Bool)]
            public var triggers: [String]
        }

        public static let examples: [Example] = [
            Example(policy: "{name: coverage, type: coverage}",
                    resources: [("aws_db_instance.main", .priceNotFound, true), ("aws_instance.web", nil, true)],
                    triggers: ["aws_db_instance.main"]),
            Example(policy: "{name: coverage, type: coverage, fail_on: [unsupported]}",
                    resources: [("aws_db_instance.main", .priceNotFound, true), ("aws_mq_broker.queue", .unsupported, true)],
                    triggers: ["aws_mq_broker.queue"]),
            Example(policy: "{name: coverage, type: coverage, fail_on: unknown}",
                    resources: [("Deployment/shop/web", .unknown, true), ("aws_db_instance.main", .priceNotFound, true)],
                    triggers: ["Deployment/shop/web"]),
            // untouched by the change: only `check: all` looks at it
            Example(policy: "{name: coverage, type: coverage}",
                    resources: [("aws_nat_gateway.main", .priceNotFound, false)], triggers: []),
            Example(policy: "{name: coverage, type: coverage, check: all}",
                    resources: [("aws_nat_gateway.main", .priceNotFound, false)], triggers: ["aws_nat_gateway.main"]),
            Example(policy: "{name: coverage, type: coverage, scope: {resource_types: [\"k8s:*\"]}}",
                    resources: [("aws_nat_gateway.main", .priceNotFound, true), ("Deployment/shop/web", .unknown, true)],
                    triggers: ["Deployment/shop/web"]),
        ]
    }
}

extension PolicyEngine {
    func coverage(_ p: Policy, _ c: Policy.Coverage, _ subjects: [PolicySubject]) -> [Finding] {
        var out: [Finding] = []
        for s in subjects where p.scope.projects.isEmpty || p.scope.projects.contains(s.project ?? "") {
            let scoped = Self.scoped(p, s.head, project: s.project, resources: s.resources)
            for u in scoped.unpriced {
                if !p.checkAll, let changed = s.changed, !changed.contains(u.address) { continue }
                let gaps = u.gaps.filter { c.failOn.contains($0.kind) }
                guard !gaps.isEmpty else { continue }
                let hint = gaps.contains { $0.kind == .unsupported }
                    ? "price it with a custom price (custom_prices in .costgate.yml), or exempt it with a reason"
                    : gaps.contains { $0.kind == .priceNotFound }
                    ? "choose a priced option, add the price to a custom price book, or exempt it with a reason"
                    : "make the value known at plan time (or declare requests and sizes), or exempt it with a reason"
                out.append(Finding(policy: p.name, severity: p.severity,
                                   message: "cost not known (\(gaps.map(\.reason).joined(separator: "; "))): every total with it is a lower bound",
                                   address: u.address, project: s.project, location: u.location, hint: hint))
            }
        }
        return out
    }
}

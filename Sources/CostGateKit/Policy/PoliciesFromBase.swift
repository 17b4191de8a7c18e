import FoundationEssentials

/// `check --policies-from-base`: the policies and exemptions come from the base ref's `.costgate.yml`, so a
/// pull request cannot raise its own limit or exempt itself; what its own `.costgate.yml` loosens or adds
/// is itself a finding (an error), for the policy's owner to approve in a change of its own.
public enum PoliciesFromBase {
    public static let findingName = "policies-from-base"

    public struct Resolved: Sendable {
        public var policies: [Policy]
        public var exemptions: [Config.Exemption]
        public var findings: [Finding]
    }

    /// Reads the configuration at `ref` (the head's `.costgate.yml`, by the same path) and compares.
    public static func resolve(head: Config?, ref refName: String) throws -> Resolved {
        let ref = try GitRef.resolve(refName)
        let path = head?.path ?? Config.fileName
        let files = try ref.files(for: [path])
        guard let file = files.first, let bytes = file.bytes else {
            let message = "there is no \(Config.fileName) at \(refName): no policies are applied; the file's policies take effect once it is merged"
            return Resolved(policies: [], exemptions: [], findings: head.map { h in
                h.policies.isEmpty && h.exemptions.isEmpty ? [] : [Finding(policy: findingName, severity: .warning, message: message,
                                                                           location: h.path.map { SourceLocation(file: $0) })]
            } ?? [])
        }
        let base = try Config.load(bytes: bytes, path: file.name, directory: head?.directory)
        return Resolved(policies: base.policies, exemptions: base.exemptions,
                        findings: head.map { loosening(from: base, to: $0, ref: refName) } ?? [])
    }

    /// What `head` loosens or adds compared with `base`, one finding each, at the head file's line.
    public static func loosening(from base: Config, to head: Config, ref: String) -> [Finding] {
        var out: [Finding] = []
        func add(_ what: String, at location: SourceLocation?) {
            out.append(Finding(policy: findingName, severity: .error,
                               message: "this change \(what); it is judged with the policies of \(ref) instead",
                               location: location ?? head.path.map { SourceLocation(file: $0) },
                               hint: "change .costgate.yml in a pull request of its own, approved by the policy's owner"))
        }
        for b in base.policies {
            guard let h = head.policies.first(where: { $0.name == b.name }) else {
                add("removes policy \(b.name)", at: nil)
                continue
            }
            let changes = loosened(b, h)
            if !changes.isEmpty { add("loosens policy \(b.name) (\(changes.joined(separator: "; ")))", at: h.location) }
        }
        for e in head.exemptions where !base.exemptions.contains(where: { $0.policy == e.policy && $0.addresses == e.addresses }) {
            add("adds an exemption from \(e.policy == "*" ? "every policy" : "policy \(e.policy)") for \(e.addresses.map(\.pattern).joined(separator: ", "))",
                at: e.location)
        }
        return out
    }

    /// The ways `h` is looser than `b` (empty: the same or stricter).
    static func loosened(_ b: Policy, _ h: Policy) -> [String] {
        var out: [String] = []
        if b.severity == .error && h.severity == .warning { out.append("severity error → warning") }
        if b.scope != h.scope { out.append("scope\(b.scope.description.isEmpty ? " everything" : b.scope.description) →\(h.scope.description.isEmpty ? " everything" : h.scope.description)") }
        if b.checkAll && !h.checkAll { out.append("check all → changed") }
        func limit(_ name: String, _ x: Decimal?, _ y: Decimal?, percent: Bool = false) {
            guard let x else { return }
            let text = { (d: Decimal) in percent ? Money.plain(d) + "%" : Money.dollars(d) }
            if let y { if y > x { out.append("\(name) \(text(x)) → \(text(y))") } } else { out.append("\(name) \(text(x)) removed") }
        }
        switch (b.rule, h.rule) {
        case (.budget(let x), .budget(let y)):
            limit("monthly_limit", x.monthlyLimit, y.monthlyLimit)
            limit("max_increase", x.maxIncrease, y.maxIncrease)
            limit("max_increase_percent", x.maxIncreasePercent, y.maxIncreasePercent, percent: true)
        case (.tagging(let x), .tagging(let y)):
            let dropped = x.required.filter { !y.required.contains($0) }
            if !dropped.isEmpty { out.append("no longer requires \(dropped.joined(separator: ", "))") }
            for (key, values) in x.allowed.sorted(by: { $0.key < $1.key }) {
                guard let now = y.allowed[key] else { out.append("any value of \(key) allowed"); continue }
                let added = now.filter { !values.contains($0) }
                if !added.isEmpty { out.append("\(key) also allows \(added.joined(separator: ", "))") }
            }
            for (key, pattern) in x.patterns.sorted(by: { $0.key < $1.key }) where y.patterns[key] != pattern {
                out.append("pattern of \(key) \(y.patterns[key].map { "changed to \($0)" } ?? "removed")")
            }
        case (.guardrail(let x), .guardrail(let y)):
            let dropped = x.deniedInstanceTypes.filter { !y.deniedInstanceTypes.contains($0) }.map(\.pattern)
            if !dropped.isEmpty { out.append("no longer denies \(dropped.joined(separator: ", "))") }
            limit("max_resource_monthly_cost", x.maxResourceMonthlyCost, y.maxResourceMonthlyCost)
            if x.requireRequests && !y.requireRequests { out.append("require_requests off") }
        case (.coverage(let x), .coverage(let y)):
            let dropped = x.failOn.subtracting(y.failOn).sorted().map(\.rawValue)
            if !dropped.isEmpty { out.append("no longer fails on \(dropped.joined(separator: ", "))") }
        default:
            out.append("type \(b.rule.kind) → \(h.rule.kind)")
        }
        return out
    }
}

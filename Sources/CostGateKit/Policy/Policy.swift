import FoundationEssentials

public enum Severity: String, Sendable, Comparable {
    case error, warning
    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// What a policy looks at: by project, resource type (globs), tags or labels (value globs), namespace.
public struct Scope: Sendable, Equatable {
    public var projects: [String] = []
    public var resourceTypes: [Glob] = []
    public var tags: [(key: String, value: Glob)] = []
    public var namespaces: [String] = []
    /// Where each of `projects` is written (a project that does not exist is a configuration error there).
    public var projectLocations: [SourceLocation?] = []

    public init() {}

    public var isEmpty: Bool { projects.isEmpty && resourceTypes.isEmpty && tags.isEmpty && namespaces.isEmpty }

    public func matches(project: String?, type: String, namespace: String?, tags resourceTags: [String: String]?) -> Bool {
        if !projects.isEmpty, !projects.contains(project ?? "") { return false }
        if !resourceTypes.isEmpty, !Glob.any(resourceTypes, type) { return false }
        if !namespaces.isEmpty, !namespaces.contains(namespace ?? "") { return false }
        for (key, value) in tags {
            guard let v = resourceTags?[key], value.matches(v) else { return false }
        }
        return true
    }

    /// ` (project shop, team=payments)`, or "" for everything.
    public var description: String {
        var parts: [String] = []
        if !projects.isEmpty { parts.append("project \(projects.joined(separator: ", "))") }
        if !resourceTypes.isEmpty { parts.append("types \(resourceTypes.map(\.pattern).joined(separator: ", "))") }
        if !namespaces.isEmpty { parts.append("namespace \(namespaces.joined(separator: ", "))") }
        for (k, v) in tags { parts.append("\(k)=\(v.pattern)") }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
    }

    public static func == (a: Scope, b: Scope) -> Bool {
        a.projects == b.projects && a.resourceTypes == b.resourceTypes && a.namespaces == b.namespaces
            && a.tags.map(\.key) == b.tags.map(\.key) && a.tags.map(\.value) == b.tags.map(\.value)
    }
}

/// A rule with a name, a severity and a scope.
public struct Policy: Sendable, Equatable {
    public struct Budget: Sendable, Equatable {
        /// At most this much a month in total (head).
        public var monthlyLimit: Decimal?
        /// At most this many dollars more a month than the base.
        public var maxIncrease: Decimal?
        /// At most this many percent more than the base (not applied when the base costs nothing).
        public var maxIncreasePercent: Decimal?
    }

    public struct Tagging: Sendable, Equatable {
        public var required: [String] = []
        public var allowed: [String: [String]] = [:]
        /// Regular expressions a whole value must match.
        public var patterns: [String: String] = [:]
    }

    public struct Guardrail: Sendable, Equatable {
        public var deniedInstanceTypes: [Glob] = []
        public var maxResourceMonthlyCost: Decimal?
        public var requireRequests = false
    }

    public enum Rule: Sendable, Equatable {
        case budget(Budget)
        case tagging(Tagging)
        case guardrail(Guardrail)
        case coverage(Coverage)

        public var kind: String {
            switch self {
            case .budget: return "budget"
            case .tagging: return "tagging"
            case .guardrail: return "guardrail"
            case .coverage: return "coverage"
            }
        }
    }

    public var name: String
    public var severity: Severity
    public var scope: Scope
    public var rule: Rule
    /// Tagging and guardrails: check every resource, not only what the change creates or updates.
    public var checkAll: Bool
    public var location: SourceLocation?

    public init(name: String, severity: Severity = .error, scope: Scope = Scope(), rule: Rule, checkAll: Bool = false,
                location: SourceLocation? = nil) {
        self.name = name
        self.severity = severity
        self.scope = scope
        self.rule = rule
        self.checkAll = checkAll
        self.location = location
    }

    static let types = ["budget", "tagging", "guardrail", "coverage"]

    static func decode(_ entry: ConfigNode) throws -> Policy {
        let common = ["name", "type", "severity", "scope", "description"]
        let name = try entry.required("name").string("name")
        guard !name.isEmpty, !name.contains(","), name != "*" else {
            throw CostGateError("a policy name must be a word without commas", at: entry["name"]?.node.location)
        }
        let node = entry.named("policy \(name)")
        let typeValue = try node.required("type")
        let type = try typeValue.string("type")
        var severity = Severity.error
        if let s = node["severity"] {
            guard let v = Severity(rawValue: try s.string("severity")) else {
                throw CostGateError("severity must be error or warning", at: s.node.location)
            }
            severity = v
        }
        let scope = try node["scope"].map { try decodeScope($0.mapping("the scope of policy \(name)")) } ?? Scope()
        var checkAll = false
        let rule: Rule
        switch type {
        case "budget":
            try node.only(common + ["monthly_limit", "max_increase", "max_increase_percent"])
            let b = Budget(monthlyLimit: try node["monthly_limit"]?.amount("monthly_limit"),
                           maxIncrease: try node["max_increase"]?.amount("max_increase"),
                           maxIncreasePercent: try node["max_increase_percent"]?.amount("max_increase_percent"))
            guard b.monthlyLimit != nil || b.maxIncrease != nil || b.maxIncreasePercent != nil else {
                throw CostGateError("budget \(name) sets no limit: give monthly_limit, max_increase or max_increase_percent", at: node.node.location)
            }
            rule = .budget(b)
        case "tagging":
            try node.only(common + ["required", "allowed", "patterns", "check"])
            var t = Tagging()
            t.required = try node["required"]?.strings("required") ?? []
            if let allowed = node["allowed"] {
                let m = try allowed.mapping("allowed (tag: [values])")
                for key in m.keys { t.allowed[key] = try m[key]?.strings("allowed values of \(key)") ?? [] }
            }
            if let patterns = node["patterns"] {
                let m = try patterns.mapping("patterns (tag: regular expression)")
                for key in m.keys {
                    guard let v = m[key] else { continue }
                    let pattern = try v.string("the pattern of \(key)")
                    do { _ = try TagPattern(pattern) } catch {
                        throw CostGateError("the pattern of \(Limits.echo(key)) is not one costgate reads: \(error.message)", at: v.node.location)
                    }
                    t.patterns[key] = pattern
                }
            }
            guard !t.required.isEmpty || !t.allowed.isEmpty || !t.patterns.isEmpty else {
                throw CostGateError("tagging policy \(name) checks nothing: give required, allowed or patterns", at: node.node.location)
            }
            checkAll = try decodeCheck(node)
            rule = .tagging(t)
        case "guardrail":
            try node.only(common + ["denied_instance_types", "max_resource_monthly_cost", "require_requests", "check"])
            var g = Guardrail()
            g.deniedInstanceTypes = try node["denied_instance_types"]?.strings("denied_instance_types").map(Glob.init) ?? []
            g.maxResourceMonthlyCost = try node["max_resource_monthly_cost"]?.amount("max_resource_monthly_cost")
            g.requireRequests = try node["require_requests"]?.bool("require_requests") ?? false
            guard !g.deniedInstanceTypes.isEmpty || g.maxResourceMonthlyCost != nil || g.requireRequests else {
                throw CostGateError("guardrail \(name) checks nothing: give denied_instance_types, max_resource_monthly_cost or require_requests",
                                    at: node.node.location)
            }
            checkAll = try decodeCheck(node)
            rule = .guardrail(g)
        case "coverage":
            try node.only(common + Coverage.keys)
            rule = .coverage(try Coverage.decode(node, name: name))
            checkAll = try decodeCheck(node)
        default:
            throw CostGateError("unknown policy type `\(type)`; use one of \(types.joined(separator: ", "))", at: typeValue.node.location)
        }
        return Policy(name: name, severity: severity, scope: scope, rule: rule, checkAll: checkAll, location: node.node.location)
    }

    private static func decodeCheck(_ node: ConfigNode) throws -> Bool {
        guard let c = node["check"] else { return false }
        switch try c.string("check") {
        case "changed": return false
        case "all": return true
        default: throw CostGateError("check must be changed (what the change creates or updates) or all", at: c.node.location)
        }
    }

    private static func decodeScope(_ node: ConfigNode) throws -> Scope {
        try node.only(["projects", "resource_types", "tags", "labels", "namespaces"])
        var s = Scope()
        s.projects = try node["projects"]?.strings("projects") ?? []
        if let v = node["projects"] { s.projectLocations = Config.itemLocations(v.node, count: s.projects.count) }
        s.resourceTypes = try node["resource_types"]?.strings("resource_types").map(Glob.init) ?? []
        s.namespaces = try node["namespaces"]?.strings("namespaces") ?? []
        for key in ["tags", "labels"] {
            guard let m = try node[key]?.mapping("scope \(key) (key: value)") else { continue }
            for k in m.keys { if let v = m[k] { s.tags.append((k, Glob(try v.string("the value of \(k)")))) } }
        }
        return s
    }
}

/// One thing a policy found.
public struct Finding: Sendable, Equatable {
    public var policy: String
    public var severity: Severity
    public var message: String
    public var address: String?
    public var project: String?
    public var location: SourceLocation?
    /// The reason of the exemption that waives this finding (it then never fails the run).
    public var exemption: String?
    /// What to do about it.
    public var hint: String?

    public init(policy: String, severity: Severity, message: String, address: String? = nil, project: String? = nil,
                location: SourceLocation? = nil, exemption: String? = nil, hint: String? = nil) {
        self.hint = hint
        self.policy = policy
        self.severity = severity
        self.message = message
        self.address = address
        self.project = project
        self.location = location
        self.exemption = exemption
    }

    /// True when this finding fails the run.
    public var fails: Bool { severity == .error && exemption == nil }
}

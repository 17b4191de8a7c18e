import FoundationEssentials

/// `.costgate.yml`: projects, the price-book pin, usage and cluster profiles, policies and exemptions.
/// Paths in it are relative to the file's folder. Unknown keys and wrong types are errors at file:line:col.
public struct Config: Sendable {
    public struct Project: Sendable, Equatable {
        public var name: String
        public var paths: [String]
        public var usage: String?
        public var clusterProfile: String?
        public var region: String?
        /// Where each path is written in `.costgate.yml` (for "not found" errors; not part of equality).
        public var pathLocations: [SourceLocation?] = []

        public static func == (a: Project, b: Project) -> Bool {
            (a.name, a.paths, a.usage, a.clusterProfile, a.region) == (b.name, b.paths, b.usage, b.clusterProfile, b.region)
        }
    }

    public struct Exemption: Sendable, Equatable {
        /// A policy name, or `*` for every policy.
        public var policy: String
        public var addresses: [Glob]
        public var reason: String
        public var location: SourceLocation?
    }

    public var path: String?
    /// The folder relative paths in the file are taken from.
    public var directory: String
    public var pricebooks: [String] = []
    public var usage: String?
    public var clusterProfile: String?
    public var region: String?
    public var projects: [Project] = []
    public var policies: [Policy] = []
    public var exemptions: [Exemption] = []
    /// Pricing views (`--view NAME`); `list` is always there.
    public var views: [PriceView] = []
    /// Where `views:` is (or the file), for an error naming a view that is not there.
    public var viewsLocation: SourceLocation?
    /// The user's own price book and the rules that map resource types to its prices.
    public var customPricebook: String?
    public var customPrices: [CustomPriceRule] = []
    /// The tag/label key that names teams (`namespace` for namespaces) and the costs shared among them.
    public var sharedCostsBy: String?
    public var sharedCosts: [SharedCost] = []

    public init(directory: String = ".") { self.directory = directory }

    public static let fileName = ".costgate.yml"

    /// `start` and its parents up to the repository root (the folder holding `.git`): the first `.costgate.yml`,
    /// as a path relative to `start` (`.costgate.yml`, `../.costgate.yml`), so messages name it briefly.
    public static func find(from start: String) -> String? {
        var dir = FileIO.absolute(start)
        var up = ""
        while true {
            let candidate = (dir == "/" ? "" : dir) + "/" + fileName
            if FileIO.exists(candidate) { return start == "." ? up + fileName : candidate }
            if FileIO.exists(dir + "/.git") || dir == "/" || dir.isEmpty { return nil }
            dir = FileIO.parent(dir)
            up += "../"
        }
    }

    /// A path from the file, made relative to the working directory's view (absolute paths stay).
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || directory == "." { return path }
        return Self.normalized(directory + "/" + path)
    }

    /// `a/b/../c` → `a/c`, `./a` → `a` (lexically; leading `..` stay).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/", omittingEmptySubsequences: false) {
            if p == "." && !parts.isEmpty { continue }
            if p == "..", let last = parts.last, last != "..", last != "", last != "." { parts.removeLast(); continue }
            parts.append(p)
        }
        let joined = parts.joined(separator: "/")
        return joined.hasPrefix("./") ? String(joined.dropFirst(2)) : joined
    }

    public static func load(path: String) throws -> Config { try load(bytes: try FileIO.read(path), path: path) }

    /// A configuration from its bytes (`path` names it in messages; paths in it are relative to `directory`).
    public static func load(bytes: [UInt8], path: String, directory: String? = nil) throws -> Config {
        var config = Config(directory: directory ?? FileIO.parent(path))
        config.path = path
        guard let root = try YAMLReader.parseSingle(bytes, file: path) else { return config }
        let top = try ConfigNode(root, "the configuration")
        try top.only(["version", "pricebooks", "usage", "cluster_profile", "region", "projects", "policies", "exemptions", "views",
                      "custom_prices", "shared_costs"])
        if let v = top["version"] {
            guard try v.string("version") == "1" else { throw CostGateError("version must be 1", at: v.node.location) }
        }
        config.pricebooks = try top["pricebooks"]?.strings("pricebooks") ?? []
        config.usage = try top["usage"]?.string("usage")
        config.clusterProfile = try top["cluster_profile"]?.string("cluster_profile")
        config.region = try top["region"]?.string("region")
        var names = Set<String>()
        for p in try top["projects"]?.list("projects") ?? [] {
            try p.only(["name", "paths", "usage", "cluster_profile", "region"])
            let name = try p.required("name").string("name")
            guard names.insert(name).inserted else { throw CostGateError("project \(name) is listed twice", at: p.node.location) }
            let pathsValue = try p.required("paths")
            let paths = try pathsValue.strings("paths")
            guard !paths.isEmpty else { throw CostGateError("project \(name) has no paths", at: p.node.location) }
            // where each path is written, so a path that is not there is named at its place in this file
            let items = pathsValue.node.items.isEmpty ? [pathsValue.node] : pathsValue.node.items
            for (path, item) in zip(paths, items) { Inputs.declare(config.resolve(path), at: item.location) }
            config.projects.append(Project(name: name, paths: paths, usage: try p["usage"]?.string("usage"),
                                           clusterProfile: try p["cluster_profile"]?.string("cluster_profile"),
                                           region: try p["region"]?.string("region"),
                                           pathLocations: Self.itemLocations(try p.required("paths").node, count: paths.count)))
        }
        var policyNames = Set<String>()
        for p in try top["policies"]?.list("policies") ?? [] {
            let policy = try Policy.decode(p)
            guard policyNames.insert(policy.name).inserted else {
                throw CostGateError("policy \(policy.name) is defined twice; names must be unique", at: p.node.location)
            }
            config.policies.append(policy)
        }
        config.viewsLocation = top["views"]?.node.location ?? SourceLocation(file: path, line: 1, column: 1)
        for v in try top["views"]?.list("views") ?? [] {
            let view = try Self.decodeView(v)
            guard view.name != "list", !config.views.contains(where: { $0.name == view.name }) else {
                throw CostGateError("view \(view.name) is defined twice (list is built in)", at: v.node.location)
            }
            config.views.append(view)
        }
        if let c = top["custom_prices"] {
            let node = try c.mapping("custom_prices")
            try node.only(["pricebook", "rules"])
            config.customPricebook = try node["pricebook"]?.string("pricebook")
            for rule in try node.required("rules").list("custom_prices rules") {
                config.customPrices.append(try Self.decodeCustomRule(rule))
            }
        }
        if let c = top["shared_costs"] {
            let node = try c.mapping("shared_costs")
            try node.only(["by", "costs"])
            config.sharedCostsBy = try node.required("by").string("by")
            for entry in try node["costs"]?.list("shared costs") ?? [] {
                config.sharedCosts.append(try Self.decodeSharedCost(entry))
            }
        }
        for e in try top["exemptions"]?.list("exemptions") ?? [] {
            try e.only(["policy", "addresses", "reason"])
            let policy = try e.required("policy").string("policy")
            guard policy == "*" || policyNames.contains(policy) else {
                throw CostGateError("exemption names policy \(policy), which is not defined", at: e["policy"]?.node.location)
            }
            let reason = try e.required("reason").string("reason")
            guard !reason.trimmingSpaces().isEmpty else { throw CostGateError("an exemption needs a reason", at: e["reason"]?.node.location) }
            config.exemptions.append(Exemption(policy: policy, addresses: try e.required("addresses").strings("addresses").map(Glob.init),
                                               reason: reason, location: e.node.location))
        }
        try config.checkTraps()
        return config
    }
}

extension Config {
    /// The view named `name` (`list` is built in).
    public func view(_ name: String) throws -> PriceView {
        if name == "list" { return .list }
        guard let v = views.first(where: { $0.name == name }) else {
            let known = (["list"] + views.map(\.name)).joined(separator: ", ")
            throw CostGateError("no pricing view \(Limits.echo(name)); views: \(known)\(path.map { " (defined in \($0))" } ?? "")", at: viewsLocation)
        }
        return v
    }

    /// `{name, resource_types, price, unit, quantity: count | N, quantity_attribute, quantity_times}`.
    static func decodeCustomRule(_ entry: ConfigNode) throws -> CustomPriceRule {
        try entry.only(["name", "resource_types", "price", "unit", "quantity", "quantity_attribute", "quantity_times"])
        let key = try entry.required("price").string("price")
        let types = try entry.required("resource_types").strings("resource_types").map(Glob.init)
        let unit = try entry["unit"]?.string("unit") ?? "month"
        var quantity = CustomPriceRule.QuantitySource.count
        if let q = entry["quantity"] {
            if try q.string("quantity") != "count" { quantity = .constant(try q.amount("quantity (count or a number)")) }
        }
        if let a = entry["quantity_attribute"] {
            guard entry["quantity"] == nil else {
                throw CostGateError("give quantity or quantity_attribute, not both", at: a.node.location)
            }
            quantity = .attribute(try a.string("quantity_attribute"), times: try entry["quantity_times"]?.amount("quantity_times") ?? 1)
        } else if let t = entry["quantity_times"] {
            throw CostGateError("quantity_times goes with quantity_attribute", at: t.node.location)
        }
        return CustomPriceRule(name: try entry["name"]?.string("name") ?? key, types: types, priceKey: key, unit: unit, quantity: quantity,
                               location: entry.node.location)
    }

    /// `{name, monthly_cost, resources, allocate: cpu|memory|cost|weights, weights}`.
    static func decodeSharedCost(_ entry: ConfigNode) throws -> SharedCost {
        try entry.only(["name", "monthly_cost", "resources", "allocate", "weights"])
        let name = try entry.required("name").string("name")
        let allocate = try entry.required("allocate")
        guard let basis = SharedCost.Basis(rawValue: try allocate.string("allocate")) else {
            throw CostGateError("allocate must be cpu, memory, cost or weights", at: allocate.node.location)
        }
        var cost = SharedCost(name: name, basis: basis)
        cost.monthlyCost = try entry["monthly_cost"]?.amount("monthly_cost") ?? 0
        cost.resources = try entry["resources"]?.strings("resources").map(Glob.init) ?? []
        guard entry["monthly_cost"] != nil || !cost.resources.isEmpty else {
            throw CostGateError("shared cost \(name) needs monthly_cost, resources, or both", at: entry.node.location)
        }
        if let w = entry["weights"] {
            let m = try w.mapping("weights (team: weight)")
            for key in m.keys { if let v = m[key] { cost.weights[key] = try v.amount("the weight of \(key)") } }
        }
        guard (basis == .weights) == !cost.weights.isEmpty else {
            throw CostGateError(basis == .weights ? "allocate: weights needs weights (team: weight)" : "weights go with allocate: weights",
                                at: (entry["weights"] ?? allocate).node.location)
        }
        return cost
    }

    static func decodeView(_ entry: ConfigNode) throws -> PriceView {
        let name = try entry.required("name").string("name")
        let node = entry.named("view \(name)")
        try node.only(["name", "description", "discount_percent", "discounts", "overrides", "commitments", "sustained_use"])
        func percent(_ v: ConfigValue, _ what: String) throws -> Decimal {
            let p = try v.amount(what)
            guard p <= 100 else { throw CostGateError("\(what) must be between 0 and 100", at: v.node.location) }
            return p
        }
        var view = PriceView(name: name)
        if let v = node["sustained_use"] { view.bookRules = try v.bool("sustained_use") }
        if let d = node["discount_percent"] { view.discountPercent = try percent(d, "discount_percent") }
        for d in try node["discounts"]?.list("discounts") ?? [] {
            try d.only(["prices", "percent"])
            view.discounts.append(.init(prices: Glob(try d.required("prices").string("prices")), percent: try percent(d.required("percent"), "percent")))
        }
        for c in try node["commitments"]?.list("commitments") ?? [] {
            try c.only(["prices", "discount_percent", "coverage_percent"])
            view.commitments.append(.init(prices: Glob(try c.required("prices").string("prices")),
                                          percent: try percent(c.required("discount_percent"), "discount_percent"),
                                          coveragePercent: try c["coverage_percent"].map { try percent($0, "coverage_percent") } ?? 100))
        }
        if let o = node["overrides"] {
            let m = try o.mapping("overrides (price key or glob: unit price)")
            for key in m.keys {
                guard let v = m[key] else { continue }
                view.overrides.append(.init(prices: Glob(key), amount: try v.amount("the unit price of \(key)")))
            }
        }
        return view
    }
}

/// A YAML node read as configuration: typed accessors whose errors name the key and its line.
struct ConfigNode {
    let node: YAMLNode
    private(set) var what: String
    private let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    init(_ node: YAMLNode, _ what: String) throws {
        guard case .mapping(let pairs) = node.kind else { throw CostGateError("\(what) must be a mapping of keys to values", at: node.location) }
        self.node = node
        self.what = what
        var out: [(String, YAMLNode, YAMLNode)] = []
        var seen = Set<String>()
        for (k, v) in pairs {
            guard let key = k.scalar else { throw CostGateError("keys in \(what) must be words", at: k.location) }
            guard seen.insert(key).inserted else { throw CostGateError("key \(key) is given twice in \(what)", at: k.location) }
            out.append((key, k, v))
        }
        self.pairs = out
    }

    var keys: [String] { pairs.map(\.key) }

    /// The same mapping, named otherwise in messages.
    func named(_ what: String) -> ConfigNode {
        var copy = self
        copy.what = what
        return copy
    }

    subscript(key: String) -> ConfigValue? {
        pairs.first { $0.key == key }.flatMap { $0.value.isNull ? nil : ConfigValue(node: $0.value, key: key) }
    }

    func required(_ key: String) throws -> ConfigValue {
        guard let v = self[key] else { throw CostGateError("\(what) needs `\(key)`", at: node.location) }
        return v
    }

    /// Unknown keys are errors naming the keys that are known.
    func only(_ known: [String]) throws {
        for p in pairs where !known.contains(p.key) {
            throw CostGateError("unknown key `\(p.key)` in \(what); known keys: \(known.joined(separator: ", "))", at: p.keyNode.location)
        }
    }
}

struct ConfigValue {
    let node: YAMLNode
    let key: String

    func string(_ what: String) throws -> String {
        guard case .scalar(let s, _) = node.kind else { throw CostGateError("\(what) must be a single value, not a list or mapping", at: node.location) }
        return s
    }

    /// A list of words; a single word is a list of one.
    func strings(_ what: String) throws -> [String] {
        switch node.kind {
        case .scalar(let s, _): return [s]
        case .sequence(let items):
            return try items.map { item in
                guard let s = item.scalar else { throw CostGateError("\(what) must be a list of words", at: item.location) }
                return s
            }
        case .mapping: throw CostGateError("\(what) must be a word or a list of words, not a mapping", at: node.location)
        }
    }

    /// A non-negative amount of money or a percentage.
    func amount(_ what: String) throws -> Decimal {
        let text = try string(what).replacing(",", with: "")
        let plain = text.hasPrefix("$") ? String(text.dropFirst()) : text
        guard let d = Money.parseDecimal(plain), d >= 0 else {
            throw CostGateError("\(what) must be a non-negative number such as 500 or 12.5, not \"\(text)\"", at: node.location)
        }
        return d
    }

    func bool(_ what: String) throws -> Bool {
        switch try string(what) {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw CostGateError("\(what) must be true or false", at: node.location)
        }
    }

    func list(_ what: String) throws -> [ConfigNode] {
        guard case .sequence(let items) = node.kind else { throw CostGateError("\(what) must be a list", at: node.location) }
        return try items.map { try ConfigNode($0, "an entry of \(what)") }
    }

    func mapping(_ what: String) throws -> ConfigNode { try ConfigNode(node, what) }
}

import FoundationEssentials
/// What the plan's `configuration` says that the values do not: which provider block each resource
/// uses (for its region) and which other resources its expressions refer to.
struct ConfigIndex: Sendable {
    struct ProviderConfig: Sendable {
        var name: String
        var region: String?
        var regionReferences: [String]
        var moduleAddress: String?
    }

    struct ConfigResource: Sendable {
        var providerConfigKey: String?
        var references: [String: [String]]
    }

    var providers: [String: ProviderConfig] = [:]
    /// Keyed by configuration address: `module.db.module.x.aws_db_instance.this`.
    var resources: [String: ConfigResource] = [:]

    static func read(_ r: inout JSONReader) throws -> ConfigIndex {
        var index = ConfigIndex()
        var obj = try r.beginObject()
        while let key = try r.nextKey(&obj) {
            switch key {
            case "provider_config":
                if r.consumeNull() { break }
                var pc = try r.beginObject()
                while let name = try r.nextKey(&pc) {
                    let v = try r.readValue()
                    let region = v["expressions"]["region"]
                    index.providers[name] = ProviderConfig(
                        name: v["name"].string ?? name,
                        region: region["constant_value"].nonEmptyString,
                        regionReferences: region["references"].array.compactMap(\.string),
                        moduleAddress: v["module_address"].string)
                }
            case "root_module":
                if !r.consumeNull() { try readModule(&r, prefix: "", into: &index) }
            default:
                try r.skipValue()
            }
        }
        return index
    }

    private static func readModule(_ r: inout JSONReader, prefix: String, into index: inout ConfigIndex) throws {
        var obj = try r.beginObject()
        while let key = try r.nextKey(&obj) {
            switch key {
            case "resources":
                if r.consumeNull() { break }
                var arr = try r.beginArray()
                while try r.nextElement(&arr) {
                    let v = try r.readValue()
                    guard let address = v["address"].string else { continue }
                    var refs: [String: [String]] = [:]
                    for (attr, expr) in v["expressions"].objectMembers {
                        var found: [String] = []
                        collectReferences(expr, into: &found)
                        if !found.isEmpty { refs[attr] = found }
                    }
                    index.resources[prefix + address] = ConfigResource(
                        providerConfigKey: v["provider_config_key"].string, references: refs)
                }
            case "module_calls":
                if r.consumeNull() { break }
                var calls = try r.beginObject()
                while let name = try r.nextKey(&calls) {
                    var call = try r.beginObject()
                    while let k = try r.nextKey(&call) {
                        if k == "module", !r.consumeNull() {
                            try readModule(&r, prefix: prefix + "module.\(name).", into: &index)
                        } else {
                            try r.skipValue()
                        }
                    }
                }
            default:
                try r.skipValue()
            }
        }
    }

    private static func collectReferences(_ v: Value, into out: inout [String]) {
        switch v {
        case .object(let members):
            for (k, child) in members.sorted(by: { $0.key < $1.key }) {
                if k == "references" { out.append(contentsOf: child.array.compactMap(\.string)) } else { collectReferences(child, into: &out) }
            }
        case .array(let items):
            for item in items { collectReferences(item, into: &out) }
        default:
            break
        }
    }

    static func configAddress(module: String, type: String, name: String) -> String {
        let m = stripKeys(module)
        return m.isEmpty ? "\(type).\(name)" : "\(m).\(type).\(name)"
    }

    /// `module.db["a.b"].module.x[0]` → `module.db.module.x`. Keys may hold dots, brackets and quotes.
    static func stripKeys(_ address: String) -> String {
        var out = ""
        var depth = 0
        var inString = false
        var escaped = false
        for ch in address {
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            if depth > 0 {
                if ch == "\"" { inString = true } else if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
                continue
            }
            if ch == "[" { depth = 1; continue }
            out.append(ch)
        }
        return out
    }

    /// The module part of a resource address (`module.a["k"].aws_x.y[0]` → `module.a["k"]`), "" at the root.
    static func modulePart(of address: String) -> String {
        let segments = splitSegments(address)
        var i = 0
        var kept: [String] = []
        while i + 1 < segments.count, segments[i] == "module" {
            kept.append("module.\(segments[i + 1])")
            i += 2
        }
        return kept.joined(separator: ".")
    }

    /// Splits an address at dots that are outside index brackets.
    static func splitSegments(_ address: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for ch in address {
            if inString {
                current.append(ch)
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            switch ch {
            case "\"" where depth > 0: inString = true; current.append(ch)
            case "[": depth += 1; current.append(ch)
            case "]": depth -= 1; current.append(ch)
            case "." where depth == 0: parts.append(current); current = ""
            default: current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }
}

/// Finds a resource's region: the provider block it uses (inheriting from parent modules), then
/// its own attributes, then the run's default (reported as assumed).
final class RegionResolver {
    let config: ConfigIndex
    let variables: [String: Value]
    let options: PlanReader.Options
    /// Provider-block regions by (config key, provider, module): a plan repeats a handful of them.
    private var memo: [String: String?] = [:]

    init(config: ConfigIndex, variables: [String: Value], options: PlanReader.Options) {
        self.config = config
        self.variables = variables
        self.options = options
    }

    func region(provider: CloudProvider, providerName: String, configKey: String?, moduleAddress: String,
                attributes: Value) -> (String?, Bool) {
        switch provider {
        case .aws:
            if let r = attributes["region"].nonEmptyString { return (r, false) }
            if let r = providerRegion(configKey: configKey, providerName: providerName, moduleAddress: moduleAddress) { return (r, false) }
            if let az = attributes["availability_zone"].nonEmptyString, let r = Self.awsRegion(fromZone: az) { return (r, false) }
            if let arn = attributes["arn"].nonEmptyString {
                let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
                if parts.count > 3, !parts[3].isEmpty { return (String(parts[3]), false) }
            }
            return (options.defaultRegion, true)
        case .azure:
            if let loc = attributes["location"].nonEmptyString { return (Self.azureRegion(loc), false) }
            return (nil, true)
        case .gcp:
            if let zone = attributes["zone"].nonEmptyString { return (Self.gcpRegion(fromZone: zone), false) }
            if let r = attributes["region"].nonEmptyString { return (r, false) }
            if let loc = attributes["location"].nonEmptyString { return (Self.gcpRegion(fromZone: loc.lowercased()), false) }
            if let r = providerRegion(configKey: configKey, providerName: providerName, moduleAddress: moduleAddress) { return (r, false) }
            return (nil, true)
        case .kubernetes, .other:
            return (nil, false)
        }
    }

    private func providerRegion(configKey: String?, providerName: String, moduleAddress: String) -> String? {
        let memoKey = "\(configKey ?? "")|\(providerName)|\(configKey == nil ? moduleAddress : "")"
        if let hit = memo[memoKey] { return hit }
        let found = lookupProviderRegion(configKey: configKey, providerName: providerName, moduleAddress: moduleAddress)
        memo[memoKey] = found
        return found
    }

    private func lookupProviderRegion(configKey: String?, providerName: String, moduleAddress: String) -> String? {
        let local = providerName.split(separator: "/").last.map(String.init) ?? providerName
        var key = configKey ?? {
            let module = ConfigIndex.stripKeys(moduleAddress)
            return module.isEmpty ? local : "\(module):\(local)"
        }()
        var seen = Set<String>()
        while !key.isEmpty, !seen.contains(key) {
            seen.insert(key)
            if let pc = config.providers[key] {
                if let r = pc.region { return r }
                if pc.moduleAddress == nil || pc.moduleAddress == "", pc.regionReferences.count >= 1 {
                    for ref in pc.regionReferences where ref.hasPrefix("var.") {
                        if let v = variables[String(ref.dropFirst(4))]?.nonEmptyString { return v }
                    }
                }
                if !pc.regionReferences.isEmpty { return nil }
            }
            key = Self.parentKey(key)
        }
        return nil
    }

    /// `module.a.module.b:aws.west` → `module.a:aws.west` → `aws.west`; `a.b:aws` (old style) → `a:aws`.
    static func parentKey(_ key: String) -> String {
        guard let colon = key.lastIndex(of: ":") else { return "" }
        let module = String(key[..<colon])
        let provider = String(key[key.index(after: colon)...])
        var segments = ConfigIndex.splitSegments(module)
        if segments.count >= 2, segments[segments.count - 2] == "module" {
            segments.removeLast(2)
        } else if !segments.isEmpty {
            segments.removeLast()
        }
        return segments.isEmpty ? provider : segments.joined(separator: ".") + ":" + provider
    }

    /// `us-east-1a` → `us-east-1`; `us-west-2-lax-1a` → `us-west-2`; `us-gov-west-1b` → `us-gov-west-1`.
    static func awsRegion(fromZone zone: String) -> String? {
        let parts = zone.split(separator: "-").map(String.init)
        guard parts.count >= 3 else { return nil }
        var i = 1
        var out = [parts[0]]
        if parts[1] == "gov" || parts[1] == "iso" || parts[1] == "isob" { out.append(parts[1]); i = 2 }
        guard i + 1 < parts.count else { return nil }
        out.append(parts[i])
        let num = parts[i + 1].prefix(while: { $0.isNumber })
        guard !num.isEmpty else { return nil }
        out.append(String(num))
        return out.joined(separator: "-")
    }

    static func gcpRegion(fromZone zone: String) -> String {
        let parts = zone.split(separator: "-")
        if parts.count == 3, parts[2].count == 1 { return parts[0] + "-" + parts[1] }
        return zone
    }

    static func azureRegion(_ location: String) -> String {
        String(location.lowercased().filter { $0 != " " })
    }
}

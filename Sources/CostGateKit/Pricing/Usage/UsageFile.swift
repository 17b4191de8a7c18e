import FoundationEssentials
/// Usage values for one resource: monthly requests, GB processed, and so on.
public struct UsageValues: Sendable, Equatable {
    public var values: [String: Decimal]
    public var texts: [String: String]
    public init(_ values: [String: Decimal] = [:], texts: [String: String] = [:]) {
        self.values = values
        self.texts = texts
    }
    public subscript(key: UsageKey) -> Decimal? { values[key.name] }
    /// A text value such as `operating_system: windows`.
    public func text(_ key: UsageKey) -> String? { texts[key.name] }
}

/// The usage file (`--usage FILE`), in YAML:
///
/// ```yaml
/// version: 1
/// resource_type_default_usage:
///   aws_lambda_function:
///     monthly_requests: 1000000
///     request_duration_ms: 250
/// resource_usage:
///   aws_lambda_function.api:
///     monthly_requests: 5000000
/// ```
///
/// Per-address values win over per-type defaults. Addresses may use `[*]` to match every instance.
public struct UsageFile: Sendable {
    public var path: String?
    public var defaults: [String: [String: Decimal]] = [:]
    public var byAddress: [String: [String: Decimal]] = [:]
    public var textDefaults: [String: [String: String]] = [:]
    public var textByAddress: [String: [String: String]] = [:]
    /// Keys whose values are words, not numbers.
    static let textKeys: Set<String> = [UsageKey.operatingSystem.name]
    /// Where each entry's key is written (`entry` NUL `key`), for warnings.
    var keyPlaces: [String: SourceLocation] = [:]

    public init() {}

    /// The values given for a resource (its address's over its type's), of the keys its pricer reads.
    public func values(for resource: Resource, keys: [UsageKey]) -> UsageValues {
        guard !keys.isEmpty, !(defaults.isEmpty && textDefaults.isEmpty && byAddress.isEmpty && textByAddress.isEmpty) else { return UsageValues() }
        var merged = defaults[resource.type] ?? [:]
        var texts = textDefaults[resource.type] ?? [:]
        if !byAddress.isEmpty || !textByAddress.isEmpty {
            let wildcard = ConfigIndex.stripKeys(resource.address) + "[*]"
            for key in [wildcard, resource.address] {
                if let v = byAddress[key] { merged.merge(v) { _, new in new } }
                if let v = textByAddress[key] { texts.merge(v) { _, new in new } }
            }
        }
        let names = Set(keys.map(\.name))
        return UsageValues(merged.filter { names.contains($0.key) }, texts: texts.filter { names.contains($0.key) })
    }

    /// One warning for each key that the pricer of its entry's type does not read (a misspelling, or a key
    /// of another type), with the nearest key it does read.
    public func unknownKeyWarnings(registry: PricerRegistry) -> [String] {
        var out: [String] = []
        func check(_ entry: String, _ type: String, _ keys: [String]) {
            guard let pricer = registry.pricer(for: type) else { return }
            let known = pricer.usageKeys.map(\.name)
            for key in keys.sorted() where !known.contains(key) {
                let place = keyPlaces[entry + "\u{0}" + key].map { "\($0): " } ?? (path.map { "\($0): " } ?? "")
                let hint = Suggestion.nearest(key, among: known).map { "did you mean \($0)?" }
                    ?? (known.isEmpty ? "\(type) reads no usage keys" : "its keys: \(known.joined(separator: ", "))")
                out.append("\(place)usage key \(key) of \(entry) is not one that \(type) reads (it is ignored); \(hint)")
            }
        }
        for entry in Set(defaults.keys).union(textDefaults.keys).sorted() {
            check(entry, entry, Array((defaults[entry] ?? [:]).keys) + Array((textDefaults[entry] ?? [:]).keys))
        }
        for entry in Set(byAddress.keys).union(textByAddress.keys).sorted() {
            check(entry, Self.type(ofAddress: entry), Array((byAddress[entry] ?? [:]).keys) + Array((textByAddress[entry] ?? [:]).keys))
        }
        return out
    }

    /// `module.x.aws_lambda_function.api["a"]` → `aws_lambda_function`; `CronJob/ns/name` → `k8s:CronJob`.
    static func type(ofAddress address: String) -> String {
        if !address.contains("."), let slash = address.firstIndex(of: "/") { return "k8s:" + address[..<slash] }
        let parts = ConfigIndex.stripKeys(address).split(separator: ".")
        guard parts.count >= 2 else { return address }
        return String(parts[parts.count - 2])
    }

    public static func load(path: String) throws -> UsageFile {
        let doc = try YAMLReader.parseSingle(FileIO.read(path), file: path)
        var file = UsageFile()
        file.path = path
        guard let root = doc else { return file }
        guard case .mapping(let pairs) = root.kind else {
            throw CostGateError("the usage file must be a mapping with resource_type_default_usage and resource_usage", at: root.location)
        }
        for (k, v) in pairs {
            switch k.scalar {
            case "version":
                continue
            case "resource_type_default_usage":
                (file.defaults, file.textDefaults) = try readSection(v, places: &file.keyPlaces)
            case "resource_usage":
                (file.byAddress, file.textByAddress) = try readSection(v, places: &file.keyPlaces)
            default:
                throw CostGateError("unknown key `\(k.scalar ?? "?")` in the usage file; expected version, resource_type_default_usage, resource_usage", at: k.location)
            }
        }
        return file
    }

    private static func readSection(_ node: YAMLNode, places: inout [String: SourceLocation]) throws -> ([String: [String: Decimal]], [String: [String: String]]) {
        if case .scalar(_, _) = node.kind, node.isNull { return ([:], [:]) }
        guard case .mapping(let entries) = node.kind else {
            throw CostGateError("expected a mapping of resource types or addresses", at: node.location)
        }
        var out: [String: [String: Decimal]] = [:]
        var texts: [String: [String: String]] = [:]
        for (name, values) in entries {
            guard let key = name.scalar else { throw CostGateError("expected a resource type or address", at: name.location) }
            guard case .mapping(let fields) = values.kind else {
                throw CostGateError("expected usage values under \(key)", at: values.location)
            }
            var parsed: [String: Decimal] = [:]
            for (f, v) in fields {
                guard let field = f.scalar else { throw CostGateError("expected a usage key", at: f.location) }
                places[key + "\u{0}" + field] = f.location
                if textKeys.contains(field) {
                    guard let text = v.scalar, !text.isEmpty else {
                        throw CostGateError("usage value \(field) of \(key) must be a word such as linux or windows", at: v.location)
                    }
                    texts[key, default: [:]][field] = text
                    continue
                }
                guard let text = v.scalar, let number = Money.parseDecimal(text), number >= 0 else {
                    throw CostGateError("usage value \(Limits.echo(field)) of \(Limits.echo(key)) must be a non-negative number from 1e-18 to 1e18 (or 0), not \"\(Limits.echo(v.scalar ?? "a list or mapping"))\"",
                                        at: v.location)
                }
                parsed[field] = number
            }
            out[key] = parsed
        }
        return (out, texts)
    }
}

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

/// The usage file (`--usage FILE`), in YAML — costgate's own form and Infracost's (`version: 0.1`) alike:
///
/// ```yaml
/// version: 0.1
/// resource_type_default_usage:
///   aws_lambda_function:
///     monthly_requests: 1000000
///     request_duration_ms: 250
/// resource_usage:
///   aws_lambda_function.api:
///     monthly_requests: 5_000_000
///   aws_s3_bucket.logs:
///     standard:                  # nested keys are read as standard.storage_gb
///       storage_gb: 10000
/// ```
///
/// Per-address values win over per-type defaults. Addresses may use `[*]` to match every instance. Nested
/// mappings are flattened with dots (`standard.storage_gb`, `node_pool[0].nodes`); YAML 1.1 digit groups
/// (`2_000_000`) are numbers; any other scalar is a word (`false`, `standard`). Whether a value must be a
/// number or a word is the key's (`UsageKey.isText`), judged when the file is loaded for the keys the entry's
/// pricer reads; keys it does not read are warnings (`unknownKeyWarnings`), never judged.
public struct UsageFile: Sendable {
    public var path: String?
    public var defaults: [String: [String: Decimal]] = [:]
    public var byAddress: [String: [String: Decimal]] = [:]
    public var textDefaults: [String: [String: String]] = [:]
    public var textByAddress: [String: [String: String]] = [:]
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

    /// Reads a usage file and judges its values for the keys each entry's pricer reads in `registry`.
    public static func load(path: String, registry: PricerRegistry = .standard) throws -> UsageFile {
        let doc = try YAMLReader.parseSingle(FileIO.read(path), file: path)
        var file = UsageFile()
        file.path = path
        guard let root = doc else { return file }
        if root.isNull { return file }
        guard case .mapping(let pairs) = root.kind else {
            throw CostGateError("the usage file must be a mapping with resource_type_default_usage and resource_usage", at: root.location)
        }
        for (k, v) in pairs {
            switch k.scalar {
            case "version":
                continue
            case "resource_type_default_usage":
                (file.defaults, file.textDefaults) = try readSection(v, types: true, registry: registry, places: &file.keyPlaces)
            case "resource_usage":
                (file.byAddress, file.textByAddress) = try readSection(v, types: false, registry: registry, places: &file.keyPlaces)
            default:
                throw CostGateError("unknown key `\(Limits.echo(k.scalar ?? "?"))` in the usage file; expected version, resource_type_default_usage, resource_usage", at: k.location)
            }
        }
        return file
    }

    /// `2_000_000` → `2000000` (YAML 1.1 digit groups, as Infracost's usage files write them); nil when the
    /// text is not digits in groups.
    static func withoutDigitGroups(_ text: String) -> String? {
        guard text.contains("_") else { return nil }
        var out = ""
        var previousDigit = false
        for c in text {
            if c == "_" {
                guard previousDigit else { return nil }
                previousDigit = false
                continue
            }
            previousDigit = c.isASCII && c.isNumber
            out.append(c)
        }
        return previousDigit && Money.isDecimalLiteral(out) ? out : nil
    }

    private static func readSection(_ node: YAMLNode, types: Bool, registry: PricerRegistry,
                                    places: inout [String: SourceLocation]) throws -> ([String: [String: Decimal]], [String: [String: String]]) {
        if case .scalar(_, _) = node.kind, node.isNull { return ([:], [:]) }
        guard case .mapping(let entries) = node.kind else {
            throw CostGateError("expected a mapping of resource types or addresses", at: node.location)
        }
        var out: [String: [String: Decimal]] = [:]
        var texts: [String: [String: String]] = [:]
        for (name, values) in entries {
            guard let key = name.scalar else { throw CostGateError("expected a resource type or address", at: name.location) }
            if values.isNull { continue }
            guard case .mapping = values.kind else {
                throw CostGateError("expected usage values under \(Limits.echo(key))", at: values.location)
            }
            let type = types ? key : Self.type(ofAddress: key)
            let declared = registry.pricer(for: type).map { Dictionary($0.usageKeys.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
            var parsed: [String: Decimal] = [:]
            var words: [String: String] = [:]
            // nested mappings flattened with dots, walked with a stack (depth is bounded by the YAML reader)
            var stack: [(prefix: String, node: YAMLNode)] = [("", values)]
            while let (prefix, node) = stack.popLast() {
                guard case .mapping(let fields) = node.kind else { continue }
                for (f, v) in fields.reversed() {
                    guard let fieldName = f.scalar else { throw CostGateError("expected a usage key", at: f.location) }
                    let field = prefix.isEmpty ? fieldName : prefix + "." + fieldName
                    places[key + "\u{0}" + field] = f.location
                    if case .mapping = v.kind { stack.append((field, v)); continue }
                    if v.isNull { continue }
                    guard let text = v.scalar else {
                        if let k = declared[field] { throw notAValue(field, of: key, k, v) }
                        continue   // a list under a key no pricer reads: ignored, and warned about as an unknown key
                    }
                    let numberText = withoutDigitGroups(text) ?? text
                    if let k = declared[field], k.isText {
                        guard !text.isEmpty else { throw notAValue(field, of: key, k, v) }
                        words[field] = text
                    } else if let number = Money.parseDecimal(numberText), number >= 0 {
                        parsed[field] = number
                    } else if let k = declared[field] {
                        throw notAValue(field, of: key, k, v)
                    } else {
                        words[field] = text   // a word under a key the pricer does not read: kept for the warning
                    }
                }
            }
            out[key] = parsed
            if !words.isEmpty { texts[key] = words }
        }
        return (out, texts)
    }

    private static func notAValue(_ field: String, of key: String, _ k: UsageKey, _ v: YAMLNode) -> CostGateError {
        if k.isText {
            return CostGateError("usage value \(Limits.echo(field)) of \(Limits.echo(key)) must be a word (\(Limits.echo(k.unit))), not \"\(Limits.echo(v.scalar ?? "a list or mapping"))\"", at: v.location)
        }
        return CostGateError("usage value \(Limits.echo(field)) of \(Limits.echo(key)) must be a non-negative number from 1e-18 to 1e18 (or 0), not \"\(Limits.echo(v.scalar ?? "a list or mapping"))\"",
                             at: v.location)
    }
}

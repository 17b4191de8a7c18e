import FoundationEssentials
/// Usage values for one resource: monthly requests, GB processed, and so on.
public struct UsageValues: Sendable, Equatable {
    public var values: [String: Decimal]
    public var texts: [String: String]
    public init(_ values: [String: Decimal] = [:], texts: [String: String] = [:]) {
        self.values = values
        self.texts = texts
    }
    public subscript(key: String) -> Decimal? { values[key] }
    /// A text value such as `operating_system: windows`.
    public func text(_ key: String) -> String? { texts[key] }
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
    static let textKeys: Set<String> = ["operating_system"]

    public init() {}

    public func values(for resource: Resource) -> UsageValues {
        var merged = defaults[resource.type] ?? [:]
        var texts = textDefaults[resource.type] ?? [:]
        if byAddress.isEmpty && textByAddress.isEmpty { return UsageValues(merged, texts: texts) }
        let wildcard = ConfigIndex.stripKeys(resource.address) + "[*]"
        for key in [wildcard, resource.address] {
            if let v = byAddress[key] { merged.merge(v) { _, new in new } }
            if let v = textByAddress[key] { texts.merge(v) { _, new in new } }
        }
        return UsageValues(merged, texts: texts)
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
                (file.defaults, file.textDefaults) = try readSection(v)
            case "resource_usage":
                (file.byAddress, file.textByAddress) = try readSection(v)
            default:
                throw CostGateError("unknown key `\(k.scalar ?? "?")` in the usage file; expected version, resource_type_default_usage, resource_usage", at: k.location)
            }
        }
        return file
    }

    private static func readSection(_ node: YAMLNode) throws -> ([String: [String: Decimal]], [String: [String: String]]) {
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

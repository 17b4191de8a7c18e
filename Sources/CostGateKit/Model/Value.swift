import FoundationEssentials
/// A JSON/YAML-neutral attribute tree, as read from a plan's `after`/`before` or a manifest.
///
/// Two leaves are costgate's own: `unknown` (Terraform will only know the value after apply) and
/// `sensitive` (the value was marked sensitive; it is dropped when the plan is read, so no later
/// stage can print it). Numbers keep their literal text so that they convert to `Decimal` exactly.
public indirect enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([Value])
    case object([String: Value])
    case unknown
    case sensitive

    public subscript(key: String) -> Value {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    public subscript(index: Int) -> Value {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }
    public var isUnknown: Bool { if case .unknown = self { return true } else { return false } }
    public var isSensitive: Bool { if case .sensitive = self { return true } else { return false } }

    /// A string value; numbers and booleans are given as text too (Terraform is loose about this).
    public var string: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// A non-empty string value.
    public var nonEmptyString: String? {
        guard let s = string, !s.isEmpty else { return nil }
        return s
    }

    public var decimal: Decimal? {
        switch self {
        case .number(let n): return Decimal(string: n)
        case .string(let s): return Money.parseDecimal(s)
        default: return nil
        }
    }

    public var bool: Bool? {
        switch self {
        case .bool(let b): return b
        case .string("true"): return true
        case .string("false"): return false
        default: return nil
        }
    }

    public var array: [Value] {
        if case .array(let items) = self { return items }
        return []
    }

    public var objectMembers: [String: Value] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// The first element of a Terraform nested block (`root_block_device = [ {...} ]`), or an object itself.
    public var block: Value {
        switch self {
        case .array(let items): return items.first ?? .null
        case .object: return self
        default: return .null
        }
    }
}

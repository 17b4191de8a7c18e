import FoundationEssentials
/// A JSON/YAML-neutral attribute tree, as read from a plan's `after`/`before` or a manifest.
///
/// Two leaves are costgate's own: `unknown` (Terraform will only know the value after apply) and
/// `sensitive` (the value was marked sensitive; it is dropped when the plan is read, so no later
/// stage can print it). Numbers keep their literal text so that they convert to `Decimal` exactly.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([Value])
    case object(Members)
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
        case .number(let n): return Money.literal(n)
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

    public var objectMembers: Members {
        if case .object(let members) = self { return members }
        return Members()
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

/// The members of an object, in document order. Objects in plans and manifests are small, so a list
/// beats a hash table: one allocation, no hashing, and lookups that scan a handful of keys.
/// A key given twice keeps its last value.
public struct Members: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: Value)
    private var pairs: [Element]

    public init() { pairs = [] }
    public init(dictionaryLiteral elements: (String, Value)...) {
        pairs = []
        for (k, v) in elements { self[k] = v }
    }
    /// Members read from a document, in order (a repeated key is resolved on lookup: the last wins).
    init(taking read: [Element]) { pairs = read }
    init(reservingCapacity n: Int) {
        pairs = []
        pairs.reserveCapacity(n)
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }
    public var keys: [String] { pairs.map(\.key) }
    public var values: [Value] { pairs.map(\.value) }
    public func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }

    public subscript(key: String) -> Value? {
        get {
            var i = pairs.count - 1
            while i >= 0 {
                if pairs[i].key == key { return pairs[i].value }
                i -= 1
            }
            return nil
        }
        set {
            if let i = pairs.lastIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// How many times a key is given.
    public func count(of key: String) -> Int { pairs.reduce(0) { $0 + ($1.key == key ? 1 : 0) } }

    /// Every copy of a key replaced by one member (where the first copy was, or at the end).
    mutating func replaceAll(_ key: String, with value: Value) {
        guard let first = pairs.firstIndex(where: { $0.key == key }) else { pairs.append((key, value)); return }
        pairs[first].value = value
        var i = pairs.count - 1
        while i > first {
            if pairs[i].key == key { pairs.remove(at: i) }
            i -= 1
        }
    }

    /// Adds a member read from a document (a repeated key is resolved on lookup: the last wins).
    mutating func append(_ key: String, _ value: Value) { pairs.append((key, value)) }

    /// Drops spare capacity, so a large plan's many small objects take only the room they need.
    mutating func compact() {
        guard pairs.capacity > pairs.count + 1 else { return }
        let n = pairs.count
        pairs = [Element](unsafeUninitializedCapacity: n) { buffer, initialized in
            _ = buffer.initialize(from: pairs)
            initialized = n
        }
    }

    public static func == (a: Members, b: Members) -> Bool {
        guard a.count == b.count else { return false }
        for (k, v) in a where b[k] != v { return false }
        return true
    }
}

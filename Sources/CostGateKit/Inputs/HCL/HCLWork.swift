/// The work one read of Terraform source may do (`Limits.maxHCLSteps`), so that no configuration — however its
/// locals share and double values, however many instances evaluate a costly attribute — makes the reader hang or
/// run out of memory. A step is an expression evaluated, or a node of a value built or walked (a string counts one
/// node per 64 bytes): values made by constructors, `for` expressions, splats, templates and function calls are
/// weighed when made; a value walked as a whole (function arguments, `==`, a resource's attributes) is weighed
/// each time. Weighing stops at what is left of the budget, so weighing is bounded too.
///
/// One read binds one `HCLWork` (`HCLReader.read`); an evaluator made outside a read has one of its own. Once
/// spent, every further step fails (`HCLWorkSpent`, which `try()`/`can()` do not catch), and the read ends with
/// one error at the place the budget ran out.
final class HCLWork: @unchecked Sendable {   // one read, one thread
    @TaskLocal static var current: HCLWork?
    static let nodeBytes = 64

    private(set) var used = 0
    /// The file being evaluated (set by the reader) and, once spent, where.
    var file = ""
    private(set) var spentAt: SourceLocation?

    var remaining: Int { Limits.maxHCLSteps - used }

    /// Runs `body` with `file` as the file being evaluated (restored after), so a budget spent there names it.
    func within<T>(_ file: String, _ body: () throws -> T) rethrows -> T {
        let outer = self.file
        self.file = file
        defer { self.file = outer }
        return try body()
    }

    func charge(_ n: Int, _ p: HCLPos?) throws {
        if n <= remaining { used += n; return }
        used = Limits.maxHCLSteps + 1
        if spentAt == nil { spentAt = SourceLocation(file: file, line: p?.line, column: p?.column) }
        throw HCLWorkSpent()
    }

    /// Weighs a value (nodes, strings by 64 bytes) up to what is left, and checks its nesting.
    func charge(value v: Value, _ p: HCLPos?) throws {
        switch v {
        case .array, .object: break
        case .string(let s): return try charge(1 + s.utf8.count / HCLWork.nodeBytes, p)
        default: return try charge(1, p)
        }
        let left = remaining + 1
        var n = 0
        var stack: [(Value, Int)] = [(v, 1)]
        while let (x, depth) = stack.popLast() {
            n += 1
            if n >= left { break }
            if depth > HCLWork.maxValueDepth {
                throw HCLEvalError("a value nested deeper than \(HCLWork.maxValueDepth) levels; simplify the expression", p)
            }
            switch x {
            case .array(let items): for i in items { stack.append((i, depth + 1)) }
            case .object(let m): for (_, i) in m { stack.append((i, depth + 1)) }
            case .string(let s): n += s.utf8.count / HCLWork.nodeBytes
            default: break
            }
        }
        try charge(n, p)
    }

    /// Values nest at most this deep (the recursive walkers of values — equality, cleaning, encoding — stay shallow).
    static let maxValueDepth = 1_000
}

/// The read's work budget is spent; not an `HCLEvalError`, so no `try()` or `can()` swallows it.
struct HCLWorkSpent: Error {}

/// Sets of values keyed by a canonical text that equal values share (`HCLEvaluator.equal`), so `distinct` and the
/// set functions take linear time, not quadratic.
struct HCLValueSet {
    private var buckets: [String: [Value]] = [:]

    /// Adds `v`; false when an equal value is already in.
    mutating func insert(_ v: Value) -> Bool {
        let k = HCLValueSet.key(v)
        if let b = buckets[k] {
            if b.contains(where: { HCLEvaluator.equal($0, v) }) { return false }
            buckets[k, default: []].append(v)
        } else {
            buckets[k] = [v]
        }
        return true
    }

    func contains(_ v: Value) -> Bool {
        buckets[HCLValueSet.key(v)]?.contains(where: { HCLEvaluator.equal($0, v) }) ?? false
    }

    static func key(_ v: Value) -> String {
        var out = ""
        key(v, &out)
        return out
    }

    /// Equal values give the same text: numbers by their exact value, objects by sorted keys (the computed marker
    /// left out), lengths before contents so no two shapes collide by concatenation.
    static func key(_ v: Value, _ out: inout String) {
        switch v {
        case .null: out += "z"
        case .bool(let b): out += b ? "t" : "f"
        case .number(let n):
            let t = Money.literal(n).map(Money.plain) ?? n
            out += "n\(t.utf8.count):"; out += t
        case .string(let s): out += "s\(s.utf8.count):"; out += s
        case .unknown: out += "u"
        case .sensitive: out += "x"
        case .array(let items):
            out += "a\(items.count)["
            for i in items { key(i, &out) }
            out += "]"
        case .object(let m):
            var last: [String: Value] = [:]
            for (k, i) in m where k != HCLEvaluator.computedKey { last[k] = i }
            let keys = last.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            out += "o\(keys.count){"
            for k in keys { out += "\(k.utf8.count):"; out += k; key(last[k]!, &out) }
            out += "}"
        }
    }
}

/// Members built from many keys in linear time (a repeated key keeps its first place and takes the last value,
/// as `Members`' setter does).
struct HCLMembersBuilder {
    private var pairs: [(key: String, value: Value)] = []
    private var index: [String: Int] = [:]

    init(capacity: Int = 0) { pairs.reserveCapacity(capacity) }

    func has(_ k: String) -> Bool { index[k] != nil }

    mutating func set(_ k: String, _ v: Value) {
        if let i = index[k] { pairs[i].value = v } else { index[k] = pairs.count; pairs.append((k, v)) }
    }

    var members: Members { Members(taking: pairs) }
}

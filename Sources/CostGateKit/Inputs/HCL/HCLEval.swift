import FoundationEssentials
/// An evaluation error: inside `try()`/`can()` it selects the fallback; in a resource argument it
/// makes that argument unknown and is listed among the unknowns (never a crash, never a guess).
struct HCLEvalError: Error, Sendable {
    var message: String
    var pos: HCLPos?
    init(_ message: String, _ pos: HCLPos? = nil) { self.message = message; self.pos = pos }
}

/// One step of a traversal after its root name.
enum HCLStep {
    case attr(String)
    case index(Value)
}

/// What names outside an expression mean (`var`, `local`, resources, modules …): a module instance.
protocol HCLNames: AnyObject {
    /// Resolves `root` and as many of `steps` as it needs; returns the value and how many steps it used.
    func resolve(root: String, steps: [HCLStep], pos: HCLPos) throws -> (Value, Int)
    /// The module's folder (for `file`, `templatefile`).
    var moduleDirectory: String { get }
}

/// Evaluates expressions to `Value`s. `.unknown` and `.sensitive` propagate: an operation or function on
/// an unknown value is unknown, on a sensitive one sensitive (and never printed).
struct HCLEvaluator {
    typealias Env = [String: Value]
    /// A marker member of a resource's object: its attributes not set in configuration are computed, so unknown.
    static let computedKey = "\u{1}computed"
    static let maxDepth = 512

    let names: (any HCLNames)?
    var depth = 0
    /// The read's work budget (or, outside a read, this evaluator's own).
    let work: HCLWork

    init(names: (any HCLNames)?, work: HCLWork? = nil) {
        self.names = names
        self.work = work ?? HCLWork.current ?? HCLWork()
    }

    // MARK: - value helpers

    static func number(_ d: Decimal) -> Value { .number(Money.plain(d)) }
    static func number(_ i: Int) -> Value { .number(String(i)) }

    static func decimal(_ v: Value, _ what: String = "a number", _ pos: HCLPos? = nil) throws -> Decimal {
        switch v {
        case .number(let n):
            if let d = Money.literal(n) { return d }
        case .string(let s):
            if let d = Money.parseDecimal(HCLStrings.trimSpace(s)) { return d }
        default: break
        }
        throw HCLEvalError("\(what) is required, got \(typeName(v))", pos)
    }

    static func int(_ v: Value, _ what: String = "a whole number", _ pos: HCLPos? = nil) throws -> Int {
        let d = try decimal(v, what, pos)
        guard let i = Int(Money.plain(d)) else { throw HCLEvalError("\(what) is required, got \(Money.plain(d))", pos) }
        return i
    }

    static func string(_ v: Value, _ pos: HCLPos? = nil) throws -> String {
        switch v {
        case .string(let s): return s
        case .number(let n): return Money.literal(n).map(Money.plain) ?? n
        case .bool(let b): return b ? "true" : "false"
        case .null: throw HCLEvalError("a string is required, got null", pos)
        default: throw HCLEvalError("a string is required, got \(typeName(v))", pos)
        }
    }

    static func bool(_ v: Value, _ pos: HCLPos? = nil) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .string("true"): return true
        case .string("false"): return false
        default: throw HCLEvalError("a bool is required, got \(typeName(v))", pos)
        }
    }

    static func typeName(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "tuple"
        case .object: return "object"
        case .unknown: return "unknown"
        case .sensitive: return "sensitive"
        }
    }

    /// `.sensitive` if any part is sensitive, else `.unknown` if any part is unknown (a resource object
    /// counts as holding unknown parts: its computed attributes), else nil.
    static func poison(_ values: [Value]) -> Value? {
        var unknown = false
        for v in values {
            switch deepMark(v) {
            case 2: return .sensitive
            case 1: unknown = true
            default: break
            }
        }
        return unknown ? .unknown : nil
    }

    static func poisonTop(_ values: [Value]) -> Value? {
        var unknown = false
        for v in values {
            if case .sensitive = v { return .sensitive }
            if case .unknown = v { unknown = true }
        }
        return unknown ? .unknown : nil
    }

    /// 0 known, 1 unknown inside, 2 sensitive inside.
    static func deepMark(_ v: Value) -> Int {
        switch v {
        case .unknown: return 1
        case .sensitive: return 2
        case .array(let items):
            var m = 0
            for i in items { m = max(m, deepMark(i)); if m == 2 { return 2 } }
            return m
        case .object(let members):
            var m = 0
            for (k, i) in members {
                if k == computedKey { m = max(m, 1); continue }
                m = max(m, deepMark(i)); if m == 2 { return 2 }
            }
            return m
        default: return 0
        }
    }

    /// Removes resource markers (the value goes into a resource's attributes or a report).
    static func clean(_ v: Value) -> Value {
        switch v {
        case .array(let items): return .array(items.map(clean))
        case .object(let members):
            var out = HCLMembersBuilder(capacity: members.count)
            for (k, i) in members where k != computedKey { out.set(k, clean(i)) }
            return .object(out.members)
        default: return v
        }
    }

    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if x == y { return true }
            return Money.literal(x) == Money.literal(y)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for i in x.indices where !equal(x[i], y[i]) { return false }
            return true
        case (.object(let x), .object(let y)):
            let xs = x.filter { $0.key != computedKey }, ys = y.filter { $0.key != computedKey }
            guard xs.count == ys.count else { return false }
            for (k, v) in xs { guard let w = y[k], equal(v, w) else { return false } }
            return true
        default: return a == b
        }
    }

    /// Members in Terraform's iteration order for maps: keys sorted lexically (by bytes).
    static func sortedMembers(_ m: Members) -> [(key: String, value: Value)] {
        m.filter { $0.key != computedKey }.map { (key: $0.key, value: $0.value) }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    // MARK: - expressions

    mutating func eval(_ e: HCLExpr, _ env: Env) throws -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > HCLEvaluator.maxDepth { throw HCLEvalError("evaluation nested too deeply", e.pos) }
        try work.charge(1, e.pos)
        switch e {
        case .literal(let v, _): return v
        case .template(let parts, _):
            if parts.count == 1, case .interpolation(let inner) = parts[0] { return try eval(inner, env) }
            var out = ""
            var mark: Value?
            try render(parts, env, &out, &mark)
            let v = mark ?? .string(out)
            try work.charge(value: v, e.pos)
            return v
        case .parens(let inner, _): return try eval(inner, env)
        case .variable, .getAttr, .index:
            return try traverse(e, env)
        case .splatItem(let p):
            guard let v = env["@splat"] else { throw HCLEvalError("splat item outside a splat", p) }
            return v
        case .splat(let source, let each, _):
            let s = try eval(source, env)
            let items: [Value]
            switch s {
            case .unknown, .sensitive: return s
            case .null: return .array([])
            case .array(let a): items = a
            default: items = [s]
            }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            var inner = env
            for item in items {
                inner["@splat"] = item
                out.append(try eval(each, inner))
            }
            try work.charge(value: .array(out), e.pos)
            return .array(out)
        case .tuple(let items, _):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for i in items { out.append(try eval(i, env)) }
            try work.charge(value: .array(out), e.pos)
            return .array(out)
        case .object(let items, _):
            var out = HCLMembersBuilder(capacity: items.count)
            for (k, v) in items {
                let key = try eval(k, env)
                if case .unknown = key { return .unknown }
                if case .sensitive = key { return .sensitive }
                out.set(try HCLEvaluator.string(key, k.pos), try eval(v, env))
            }
            let v = Value.object(out.members)
            try work.charge(value: v, e.pos)
            return v
        case .not(let a, let p):
            let v = try eval(a, env)
            if let m = HCLEvaluator.poisonTop([v]) { return m }
            return .bool(!(try HCLEvaluator.bool(v, p)))
        case .negate(let a, let p):
            let v = try eval(a, env)
            if let m = HCLEvaluator.poisonTop([v]) { return m }
            return HCLEvaluator.number(-(try HCLEvaluator.decimal(v, "a number", p)))
        case .binary(let op, let a, let b, let p):
            return try binary(op, try eval(a, env), try eval(b, env), p)
        case .conditional(let c, let a, let b, let p):
            let cv = try eval(c, env)
            if let m = HCLEvaluator.poisonTop([cv]) { return m }
            return try HCLEvaluator.bool(cv, p) ? try eval(a, env) : try eval(b, env)
        case .call(let name, let args, let expand, let p):
            let v = try call(name, args, expand, p, env)
            try work.charge(value: v, p)
            return v
        case .forExpr(let f, let p):
            let v = try forExpr(f, p, env)
            try work.charge(value: v, p)
            return v
        }
    }

    private mutating func render(_ parts: [HCLTemplatePart], _ env: Env, _ out: inout String, _ mark: inout Value?) throws {
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .interpolation(let e):
                let v = try eval(e, env)
                switch v {
                case .unknown: if mark == nil { mark = .unknown }
                case .sensitive: mark = .sensitive
                default:
                    let text = try HCLEvaluator.string(v, e.pos)
                    try work.charge(text.utf8.count / HCLWork.nodeBytes, e.pos)
                    out += text
                }
            case .ifDirective(let c, let t, let f):
                let cv = try eval(c, env)
                if let m = HCLEvaluator.poisonTop([cv]) { if mark != .sensitive { mark = m }; continue }
                try render(try HCLEvaluator.bool(cv, c.pos) ? t : f, env, &out, &mark)
            case .forDirective(let k, let v, let coll, let body):
                let cv = try eval(coll, env)
                if let m = HCLEvaluator.poisonTop([cv]) { if mark != .sensitive { mark = m }; continue }
                var inner = env
                for (key, value) in try HCLEvaluator.iterate(cv, coll.pos) {
                    if let k { inner[k] = key }
                    inner[v] = value
                    try render(body, inner, &out, &mark)
                }
            }
        }
    }

    /// Elements of a collection for `for`: lists by index, maps by sorted key.
    static func iterate(_ v: Value, _ pos: HCLPos?) throws -> [(Value, Value)] {
        switch v {
        case .array(let items): return items.enumerated().map { (number($0.offset), $0.element) }
        case .object(let m): return sortedMembers(m).map { (.string($0.key), $0.value) }
        case .null: throw HCLEvalError("cannot iterate over null", pos)
        default: throw HCLEvalError("a list, set, map or object is required to iterate over, got \(typeName(v))", pos)
        }
    }

    private mutating func forExpr(_ f: HCLForExpr, _ p: HCLPos, _ env: Env) throws -> Value {
        let coll = try eval(f.collection, env)
        if let m = HCLEvaluator.poisonTop([coll]) { return m }
        var inner = env
        var items: [Value] = []
        var object = HCLMembersBuilder()
        var groups: [(String, [Value])] = []
        var groupIndex: [String: Int] = [:]
        for (key, value) in try HCLEvaluator.iterate(coll, f.collection.pos) {
            if let k = f.keyVar { inner[k] = key }
            inner[f.valueVar] = value
            if let c = f.condition {
                let cv = try eval(c, inner)
                if let m = HCLEvaluator.poisonTop([cv]) { return m }
                if !(try HCLEvaluator.bool(cv, c.pos)) { continue }
            }
            if let ke = f.keyExpr {
                let kv = try eval(ke, inner)
                if let m = HCLEvaluator.poisonTop([kv]) { return m }
                let ks = try HCLEvaluator.string(kv, ke.pos)
                let vv = try eval(f.valueExpr, inner)
                if f.grouping {
                    if let i = groupIndex[ks] { groups[i].1.append(vv) } else { groupIndex[ks] = groups.count; groups.append((ks, [vv])) }
                } else {
                    if object.has(ks) { throw HCLEvalError("duplicate key \(HCLText.quoted(ks)) in the for expression; add '...' to group values", ke.pos) }
                    object.set(ks, vv)
                }
            } else {
                items.append(try eval(f.valueExpr, inner))
            }
        }
        if f.keyExpr != nil {
            if f.grouping { for (k, vs) in groups { object.set(k, .array(vs)) } }
            return .object(object.members)
        }
        return .array(items)
    }

    private func binary(_ op: HCLBinaryOp, _ a: Value, _ b: Value, _ p: HCLPos) throws -> Value {
        switch op {
        case .eq, .ne:
            try work.charge(value: a, p)
            try work.charge(value: b, p)
            if let m = HCLEvaluator.poison([a, b]) { return m }
            let eq = HCLEvaluator.equal(a, b)
            return .bool(op == .eq ? eq : !eq)
        case .and, .or:
            // Terraform knows `false && unknown` is false, `true || unknown` is true
            if case .bool(let x) = a, (op == .and && !x) || (op == .or && x) { return .bool(x) }
            if case .bool(let y) = b, (op == .and && !y) || (op == .or && y), HCLEvaluator.poisonTop([a]) == .unknown { return .bool(y) }
            if let m = HCLEvaluator.poisonTop([a, b]) { return m }
            let x = try HCLEvaluator.bool(a, p), y = try HCLEvaluator.bool(b, p)
            return .bool(op == .and ? (x && y) : (x || y))
        default:
            if let m = HCLEvaluator.poisonTop([a, b]) { return m }
            let x = try HCLEvaluator.decimal(a, "a number", p), y = try HCLEvaluator.decimal(b, "a number", p)
            switch op {
            case .add: return HCLEvaluator.number(x + y)
            case .sub: return HCLEvaluator.number(x - y)
            case .mul: return HCLEvaluator.number(x * y)
            case .div:
                guard y != 0 else { throw HCLEvalError("division by zero", p) }
                return HCLEvaluator.number(x / y)
            case .mod:
                guard y != 0 else { throw HCLEvalError("modulo by zero", p) }
                return HCLEvaluator.number(x - HCLFunctions.truncate(x / y) * y)
            case .lt: return .bool(x < y)
            case .gt: return .bool(x > y)
            case .le: return .bool(x <= y)
            case .ge: return .bool(x >= y)
            default: return .null
            }
        }
    }

    // MARK: - traversals

    private mutating func traverse(_ e: HCLExpr, _ env: Env) throws -> Value {
        // flatten the chain of attribute and index steps down to its root
        var chain: [HCLExpr] = []
        var root = e
        while true {
            switch root {
            case .getAttr(let inner, _, _), .index(let inner, _, _): chain.append(root); root = inner; continue
            default: break
            }
            break
        }
        var steps: [HCLStep] = []
        steps.reserveCapacity(chain.count)
        var stepPos: [HCLPos] = []
        for s in chain.reversed() {
            switch s {
            case .getAttr(_, let n, let p): steps.append(.attr(n)); stepPos.append(p)
            case .index(_, let k, let p):
                let kv = try eval(k, env)
                steps.append(.index(kv)); stepPos.append(p)
            default: break
            }
        }
        var value: Value
        var used = 0
        if case .variable(let name, let p) = root {
            if let bound = env[name] {
                value = bound
            } else if let names {
                (value, used) = try names.resolve(root: name, steps: steps, pos: p)
            } else {
                throw HCLEvalError("unknown name \(name) (no variables here)", p)
            }
        } else {
            value = try eval(root, env)
        }
        var i = used
        while i < steps.count {
            value = try HCLEvaluator.apply(steps[i], to: value, stepPos[i])
            i += 1
        }
        return value
    }

    static func apply(_ step: HCLStep, to value: Value, _ p: HCLPos?) throws -> Value {
        switch value {
        case .unknown, .sensitive: return value
        default: break
        }
        switch step {
        case .attr(let name):
            switch value {
            case .object(let m):
                if let v = m[name] { return v }
                if m[computedKey] != nil { return .unknown }
                throw HCLEvalError("this object has no attribute \(name)", p)
            case .null: throw HCLEvalError("attempt to get attribute \(name) of null", p)
            default: throw HCLEvalError("a \(typeName(value)) has no attribute \(name)", p)
            }
        case .index(let key):
            if let m = poisonTop([key]) { return m }
            switch value {
            case .array(let items):
                let i = try int(key, "an index number", p)
                guard i >= 0 && i < items.count else { throw HCLEvalError("index \(i) out of range for a list of \(items.count)", p) }
                return items[i]
            case .object(let m):
                let k = try string(key, p)
                if let v = m[k], k != computedKey { return v }
                if m[computedKey] != nil { return .unknown }
                throw HCLEvalError("no element \(HCLText.quoted(k)) in this map", p)
            case .null: throw HCLEvalError("attempt to index null", p)
            default: throw HCLEvalError("a \(typeName(value)) cannot be indexed", p)
            }
        }
    }

    // MARK: - calls

    private mutating func call(_ name: String, _ args: [HCLExpr], _ expand: Bool, _ p: HCLPos, _ env: Env) throws -> Value {
        switch name {
        case "try":
            for a in args {
                do {
                    let v = try eval(a, env)
                    if HCLEvaluator.deepMark(v) == 1, case .unknown = v { return .unknown }
                    return v
                } catch is HCLEvalError { continue }
            }
            throw HCLEvalError("no argument of try() could be evaluated", p)
        case "can":
            guard args.count == 1 else { throw HCLEvalError("can() takes one argument", p) }
            do {
                let v = try eval(args[0], env)
                if case .unknown = v { return .unknown }
                return .bool(true)
            } catch is HCLEvalError { return .bool(false) }
        case "templatefile":
            guard args.count == 2 else { throw HCLEvalError("templatefile(path, vars) takes two arguments", p) }
            let pathV = try eval(args[0], env), varsV = try eval(args[1], env)
            if let m = HCLEvaluator.poison([pathV]) { return m }
            let path = try HCLEvaluator.string(pathV, args[0].pos)
            let full = HCLFunctions.resolvePath(path, names?.moduleDirectory ?? ".")
            guard let bytes = try? FileIO.read(full) else { throw HCLEvalError("templatefile: no file \(path)", p) }
            let tpl: HCLExpr
            do { tpl = try HCLParser.parseTemplate(bytes, file: full) } catch let e as CostGateError {
                throw HCLEvalError("templatefile: \(e.description)", p)
            }
            var vars: Env = [:]
            switch varsV {
            case .object(let m): for (k, v) in m where k != HCLEvaluator.computedKey { vars[k] = v }
            case .unknown, .sensitive: return varsV
            default: throw HCLEvalError("templatefile: the variables must be an object", args[1].pos)
            }
            var sub = HCLEvaluator(names: nil, work: work)
            sub.depth = depth
            let out = try sub.eval(tpl, vars)
            if case .string = out { return out }
            if case .unknown = out { return out }
            if case .sensitive = out { return out }
            return .string(try HCLEvaluator.string(out, p))
        default:
            break
        }
        var values: [Value] = []
        values.reserveCapacity(args.count)
        for a in args { values.append(try eval(a, env)) }
        if expand, let last = values.popLast() {
            switch last {
            case .array(let items): values.append(contentsOf: items)
            case .unknown, .sensitive: return last
            default: throw HCLEvalError("'...' expands a list or tuple, got \(HCLEvaluator.typeName(last))", args.last?.pos ?? p)
            }
        }
        for v in values { try work.charge(value: v, p) }
        return try HCLFunctions.call(name, values, p, directory: names?.moduleDirectory ?? ".")
    }
}

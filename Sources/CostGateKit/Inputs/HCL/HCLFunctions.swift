import FoundationEssentials
/// Terraform's built-in functions (the ones real modules use), on `Value`s. An unknown argument makes
/// the result unknown, a sensitive one sensitive; `uuid`, `timestamp` and `bcrypt` are always unknown.
enum HCLFunctions {
    typealias E = HCLEvaluator

    /// Functions that look only at the top of their arguments (a list with unknown elements still has a length).
    static let shallow: Set<String> = ["length", "concat", "merge", "tolist", "tomap", "toset", "flatten", "element", "lookup",
                                       "keys", "slice", "reverse", "zipmap", "one", "coalesce", "coalescelist", "values",
                                       "compact", "chunklist", "setunion", "distinct", "sensitive", "nonsensitive", "type",
                                       "list", "map", "contains", "tostring", "tonumber", "tobool", "setproduct", "transpose",
                                       "alltrue", "anytrue", "range", "matchkeys", "setintersection", "setsubtract", "index", "sum"]

    static func call(_ name: String, _ a: [Value], _ p: HCLPos, directory: String) throws -> Value {
        switch name {
        case "uuid", "timestamp", "bcrypt", "plantimestamp", "uuidv5": return .unknown
        case "sensitive": return .sensitive
        case "nonsensitive": return a.first ?? .null
        default: break
        }
        if shallow.contains(name) {
            if let m = E.poisonTop(a) { return m }
        } else if let m = E.poison(a) {
            return m
        }
        func arity(_ n: Int) throws {
            guard a.count == n else { throw HCLEvalError("\(name)() takes \(n) argument\(n == 1 ? "" : "s"), got \(a.count)", p) }
        }
        func s(_ i: Int) throws -> String { try E.string(a[i], p) }
        func d(_ i: Int) throws -> Decimal { try E.decimal(a[i], "a number", p) }
        func n(_ i: Int) throws -> Int { try E.int(a[i], "a whole number", p) }
        func list(_ i: Int) throws -> [Value] {
            switch a[i] {
            case .array(let items): return items
            case .null: throw HCLEvalError("\(name)(): argument \(i + 1) is null, a list is required", p)
            default: throw HCLEvalError("\(name)(): argument \(i + 1) must be a list, got \(E.typeName(a[i]))", p)
            }
        }
        func map(_ i: Int) throws -> Members {
            switch a[i] {
            case .object(let m): return m
            default: throw HCLEvalError("\(name)(): argument \(i + 1) must be a map or object, got \(E.typeName(a[i]))", p)
            }
        }
        func nums() throws -> [Decimal] {
            var xs: [Decimal] = []
            for v in a { if case .array(let items) = v { for i in items { xs.append(try E.decimal(i, "a number", p)) } } else { xs.append(try E.decimal(v, "a number", p)) } }
            return xs
        }
        switch name {
        // numbers
        case "abs": try arity(1); return E.number(abs(try d(0)))
        case "ceil": try arity(1); return E.number(ceiling(try d(0)))
        case "floor": try arity(1); return E.number(floor(try d(0)))
        case "signum": try arity(1); let x = try d(0); return E.number(x > 0 ? 1 : (x < 0 ? -1 : 0))
        case "max", "min":
            let xs = try nums()
            guard let first = xs.first else { throw HCLEvalError("\(name)() needs at least one number", p) }
            return E.number(xs.dropFirst().reduce(first) { name == "max" ? Swift.max($0, $1) : Swift.min($0, $1) })
        case "pow":
            try arity(2)
            let x = try d(0), y = try d(1)
            if let e = Int(Money.plain(y)), e >= 0, e <= 1024 {
                var r: Decimal = 1
                for _ in 0..<e {
                    r *= x
                    // every factor is within Limits' range; stop before a product leaves Decimal's
                    guard r.isZero || Limits.numberInRange(Money.plain(r)) else { throw HCLEvalError("pow(): the result is out of range", p) }
                }
                return E.number(r)
            }
            return try E.number(fromDouble(Foundation_pow(Double(Money.plain(x)) ?? 0, Double(Money.plain(y)) ?? 0), "pow()", p))
        case "parseint":
            try arity(2)
            let base = try n(1)
            guard (2...36).contains(base) else { throw HCLEvalError("parseint: the base must be from 2 to 36, got \(base)", p) }
            guard let v = Int(try s(0), radix: base) else { throw HCLEvalError("parseint: \(HCLText.quoted(try s(0))) is not a number in base \(base)", p) }
            return E.number(v)
        case "log":
            try arity(2)
            let r = Foundation_log(Double(Money.plain(try d(0))) ?? 0) / Foundation_log(Double(Money.plain(try d(1))) ?? 1)
            return try E.number(fromDouble(r, "log()", p))

        // strings
        case "chomp":
            try arity(1)
            var t = try s(0)
            while t.hasSuffix("\n") || t.hasSuffix("\r") { t.removeLast() }
            return .string(t)
        case "format": return .string(try format(a, p))
        case "formatlist":
            guard !a.isEmpty else { throw HCLEvalError("formatlist() needs a format", p) }
            var length: Int?
            for v in a.dropFirst() { if case .array(let items) = v {
                if let l = length, l != items.count { throw HCLEvalError("formatlist(): all lists must have the same length", p) }
                length = items.count
            } }
            guard let count = length else { return .array([.string(try format(a, p))]) }
            var out: [Value] = []
            for i in 0..<count {
                var row: [Value] = [a[0]]
                for v in a.dropFirst() { if case .array(let items) = v { row.append(items[i]) } else { row.append(v) } }
                out.append(.string(try format(row, p)))
            }
            return .array(out)
        case "indent":
            try arity(2)
            let width = try n(0)
            guard (0...maxPad).contains(width) else { throw HCLEvalError("indent(): the number of spaces must be from 0 to \(maxPad), got \(width)", p) }
            let pad = String(repeating: " ", count: width)
            return .string(try s(1).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n"))
        case "join":
            guard a.count >= 2 else { throw HCLEvalError("join(separator, list) takes a separator and lists", p) }
            let sep = try s(0)
            var parts: [String] = []
            for i in 1..<a.count { for v in try list(i) { parts.append(try E.string(v, p)) } }
            return .string(parts.joined(separator: sep))
        case "lower": try arity(1); return .string(try s(0).lowercased())
        case "upper": try arity(1); return .string(try s(0).uppercased())
        case "replace":
            try arity(3)
            let t = try s(0), sub = try s(1), rep = try s(2)
            if sub.count >= 2, sub.hasPrefix("/"), sub.hasSuffix("/") {
                let re = try HCLRegex(String(sub.dropFirst().dropLast()), p)
                return .string(re.replaceAll(t, with: rep))
            }
            if sub.isEmpty { return .string(t) }
            return .string(HCLStrings.replace(t, sub, rep))
        case "split":
            try arity(2)
            let sep = try s(0), t = try s(1)
            if t.isEmpty { return .array([]) }
            if sep.isEmpty { return .array(t.map { .string(String($0)) }) }
            return .array(HCLStrings.split(t, sep).map { .string($0) })
        case "strrev": try arity(1); return .string(String(try s(0).reversed()))
        case "substr":
            try arity(3)
            let chars = Array(try s(0))
            var off = try n(1)
            var len = try n(2)
            if off < 0 { off = chars.count + off }
            guard off >= 0 && off <= chars.count else { throw HCLEvalError("substr(): offset out of range", p) }
            if len < 0 || len > chars.count - off { len = chars.count - off }
            return .string(String(chars[off..<off + len]))
        case "title":
            try arity(1)
            var out = ""
            var startWord = true
            for ch in try s(0) {
                if ch.isLetter || ch.isNumber { out += startWord ? ch.uppercased() : String(ch); startWord = false } else { out.append(ch); startWord = true }
            }
            return .string(out)
        case "trim":
            try arity(2)
            let set = Set(try s(1))
            var t = Substring(try s(0))
            while let f = t.first, set.contains(f) { t.removeFirst() }
            while let l = t.last, set.contains(l) { t.removeLast() }
            return .string(String(t))
        case "trimprefix": try arity(2); let t = try s(0), x = try s(1); return .string(!x.isEmpty && t.hasPrefix(x) ? String(t.dropFirst(x.count)) : t)
        case "trimsuffix": try arity(2); let t = try s(0), x = try s(1); return .string(!x.isEmpty && t.hasSuffix(x) ? String(t.dropLast(x.count)) : t)
        case "trimspace": try arity(1); return .string(HCLStrings.trimSpace(try s(0)))
        case "startswith": try arity(2); return .bool(try s(0).hasPrefix(try s(1)))
        case "endswith": try arity(2); return .bool(try s(0).hasSuffix(try s(1)))
        case "strcontains": try arity(2); let x = try s(1), t = try s(0); return .bool(x.isEmpty || HCLStrings.split(t, x).count > 1)
        case "regex", "regexall":
            try arity(2)
            let re = try HCLRegex(try s(0), p)
            let t = try s(1)
            if name == "regexall" { return .array(re.allMatches(t).map { re.result($0) }) }
            guard let m = re.firstMatch(t) else { throw HCLEvalError("regex(): the pattern does not match", p) }
            return re.result(m)

        // collections
        case "alltrue", "anytrue":
            try arity(1)
            var sawUnknown = false
            for v in try list(0) {
                if case .unknown = v { sawUnknown = true; continue }
                if case .sensitive = v { return .sensitive }
                let b = try E.bool(v, p)
                if name == "alltrue" && !b { return .bool(false) }
                if name == "anytrue" && b { return .bool(true) }
            }
            return sawUnknown ? .unknown : .bool(name == "alltrue")
        case "chunklist":
            try arity(2)
            let items = try list(0), size = try n(1)
            guard size >= 0 else { throw HCLEvalError("chunklist(): the size must not be negative", p) }
            if size == 0 { return .array([.array(items)]) }
            return .array(stride(from: 0, to: items.count, by: size).map { .array(Array(items[$0..<Swift.min($0 + size, items.count)])) })
        case "coalesce":
            for v in a {
                if case .null = v { continue }
                if case .string("") = v { continue }
                return v
            }
            throw HCLEvalError("coalesce(): no non-null, non-empty argument", p)
        case "coalescelist":
            for v in a { if case .array(let items) = v, !items.isEmpty { return v } }
            return .array([])
        case "compact":
            try arity(1)
            var out: [Value] = []
            for v in try list(0) {
                if case .null = v { continue }
                if case .unknown = v { return .unknown }
                if case .sensitive = v { return .sensitive }
                if try E.string(v, p).isEmpty { continue }
                out.append(v)
            }
            return .array(out)
        case "concat":
            var out: [Value] = []
            for i in a.indices { out.append(contentsOf: try list(i)) }
            return .array(out)
        case "contains":
            try arity(2)
            let items: [Value]
            if case .object(let m) = a[0] { items = E.sortedMembers(m).map(\.value) } else { items = try list(0) }
            if let m = E.poison([a[1]]) { return m }
            var unknown = false
            for v in items {
                if E.deepMark(v) != 0 { unknown = true; continue }
                if E.equal(v, a[1]) { return .bool(true) }
            }
            return unknown ? .unknown : .bool(false)
        case "distinct":
            try arity(1)
            return .array(distinct(try list(0)))
        case "element":
            try arity(2)
            let items = try list(0)
            guard !items.isEmpty else { throw HCLEvalError("element(): the list is empty", p) }
            let i = try n(1)
            guard i >= 0 else { throw HCLEvalError("element(): the index must not be negative", p) }
            return items[i % items.count]
        case "flatten":
            try arity(1)
            var out: [Value] = []
            var unknown = false
            func walk(_ v: Value, _ depth: Int) throws {
                guard depth < 64 else { throw HCLEvalError("flatten(): nested too deeply", p) }
                switch v {
                case .array(let items): for i in items { try walk(i, depth + 1) }
                case .unknown: unknown = true
                default: out.append(v)
                }
            }
            for v in try list(0) { try walk(v, 0) }
            return unknown ? .unknown : .array(out)
        case "index":
            try arity(2)
            for (i, v) in try list(0).enumerated() where E.equal(v, a[1]) { return E.number(i) }
            throw HCLEvalError("index(): the value is not in the list", p)
        case "keys":
            try arity(1)
            return .array(E.sortedMembers(try map(0)).map { .string($0.key) })
        case "values":
            try arity(1)
            return .array(E.sortedMembers(try map(0)).map(\.value))
        case "length":
            try arity(1)
            switch a[0] {
            case .array(let items): return E.number(items.count)
            case .object(let m):
                if m[E.computedKey] != nil { return .unknown }
                return E.number(m.count)
            case .string(let t): return E.number(t.count)
            case .null: throw HCLEvalError("length(): argument is null", p)
            default: throw HCLEvalError("length(): a collection or string is required, got \(E.typeName(a[0]))", p)
            }
        case "list": return .array(a)
        case "map":
            var out = Members()
            var i = 0
            while i + 1 < a.count { out[try s(i)] = a[i + 1]; i += 2 }
            return .object(out)
        case "lookup":
            guard a.count == 2 || a.count == 3 else { throw HCLEvalError("lookup(map, key, default) takes two or three arguments", p) }
            let m = try map(0)
            if let k = E.poison([a[1]]) { return k }
            let key = try s(1)
            if let v = m[key], key != E.computedKey { return v }
            if m[E.computedKey] != nil { return .unknown }
            if a.count == 3 { return a[2] }
            throw HCLEvalError("lookup(): no key \(HCLText.quoted(key)) and no default", p)
        case "merge":
            var out = Members()
            var computed = false
            for v in a {
                switch v {
                case .null: continue
                case .object(let m):
                    for (k, x) in m { if k == E.computedKey { computed = true } else { out[k] = x } }
                default: throw HCLEvalError("merge(): arguments must be maps or objects, got \(E.typeName(v))", p)
                }
            }
            if computed { out[E.computedKey] = .bool(true) }
            return .object(out)
        case "one":
            try arity(1)
            let items = try list(0)
            guard items.count <= 1 else { throw HCLEvalError("one(): the list has \(items.count) elements; at most one is allowed", p) }
            return items.first ?? .null
        case "range":
            guard (1...3).contains(a.count) else { throw HCLEvalError("range() takes one to three arguments", p) }
            let start: Decimal = a.count == 1 ? 0 : try d(0)
            let end: Decimal = a.count == 1 ? try d(0) : try d(1)
            let step: Decimal = a.count == 3 ? try d(2) : (start <= end ? 1 : -1)
            guard step != 0 else { throw HCLEvalError("range(): the step must not be zero", p) }
            var out: [Value] = []
            var x = start
            let work = HCLWork.current
            if truncate(start) == start, truncate(step) == step, truncate(end) == end,
               let i0 = Int(Money.plain(start)), let di = Int(Money.plain(step)), let e = Int(Money.plain(end)) {
                // whole numbers (nearly every range): counted in Int, each element's text made directly
                var i = i0
                while (di > 0 ? i < e : i > e) {
                    out.append(.number(String(i)))
                    if out.count > 1_024 * 1_024 { throw HCLEvalError("range(): more than a million elements", p) }
                    if out.count % 1_024 == 0 { try work?.charge(1_024, p) }   // the read's budget, as the list grows
                    i += di
                }
                return .array(out)
            }
            while (step > 0 ? x < end : x > end) {
                out.append(E.number(x))
                if out.count > 1_024 * 1_024 { throw HCLEvalError("range(): more than a million elements", p) }
                if out.count % 1_024 == 0 { try work?.charge(1_024, p) }   // the read's budget, as the list grows
                x += step
            }
            return .array(out)
        case "reverse": try arity(1); return .array(try list(0).reversed())
        case "setintersection":
            guard !a.isEmpty else { throw HCLEvalError("setintersection() needs a set", p) }
            var acc = distinct(try list(0))
            for i in 1..<a.count { let other = valueSet(try list(i)); acc = acc.filter { other.contains($0) } }
            return .array(acc)
        case "setsubtract":
            try arity(2)
            let other = valueSet(try list(1))
            return .array(distinct(try list(0)).filter { !other.contains($0) })
        case "setunion":
            var acc: [Value] = []
            for i in a.indices { acc.append(contentsOf: try list(i)) }
            return .array(distinct(acc))
        case "setproduct":
            var acc: [[Value]] = [[]]
            for i in a.indices {
                let items = try list(i)
                var next: [[Value]] = []
                for prefix in acc { for x in items { next.append(prefix + [x]) } }
                acc = next
                if acc.count > 100_000 { throw HCLEvalError("setproduct(): more than 100,000 combinations", p) }
            }
            return .array(a.isEmpty ? [] : acc.map { .array($0) })
        case "slice":
            try arity(3)
            let items = try list(0), from = try n(1), to = try n(2)
            guard from >= 0, to <= items.count, from <= to else { throw HCLEvalError("slice(): indexes \(from)..\(to) out of range for a list of \(items.count)", p) }
            return .array(Array(items[from..<to]))
        case "sort":
            try arity(1)
            let items = try list(0).map { try E.string($0, p) }
            return .array(items.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { .string($0) })
        case "sum":
            try arity(1)
            let items = try list(0)
            guard !items.isEmpty else { throw HCLEvalError("sum(): the list is empty", p) }
            if let m = E.poison(items) { return m }
            return E.number(try items.reduce(Decimal(0)) { $0 + (try E.decimal($1, "a number", p)) })
        case "transpose":
            try arity(1)
            var out: [String: [Value]] = [:]
            for (k, v) in try map(0) {
                for x in v.array { out[try E.string(x, p), default: []].append(.string(k)) }
            }
            var m = Members()
            for k in out.keys.sorted() { m[k] = .array(out[k]!.sorted { (($0.string ?? "") < ($1.string ?? "")) }) }
            return .object(m)
        case "zipmap":
            try arity(2)
            let ks = try list(0), vs = try list(1)
            guard ks.count == vs.count else { throw HCLEvalError("zipmap(): \(ks.count) keys but \(vs.count) values", p) }
            var m = Members()
            for (k, v) in zip(ks, vs) {
                if let x = E.poison([k]) { return x }
                m[try E.string(k, p)] = v
            }
            return .object(m)
        case "matchkeys":
            try arity(3)
            let vs = try list(0), ks = try list(1), search = valueSet(try list(2))
            guard vs.count == ks.count else { throw HCLEvalError("matchkeys(): values and keys differ in length", p) }
            return .array(zip(vs, ks).filter { pair in search.contains(pair.1) }.map(\.0))

        // types
        case "tobool":
            try arity(1)
            if case .null = a[0] { return .null }
            return .bool(try E.bool(a[0], p))
        case "tonumber":
            try arity(1)
            if case .null = a[0] { return .null }
            return E.number(try E.decimal(a[0], "a number", p))
        case "tostring":
            try arity(1)
            if case .null = a[0] { return .null }
            return .string(try s(0))
        case "tolist":
            try arity(1)
            if case .object = a[0] { throw HCLEvalError("tolist(): a map cannot become a list", p) }
            return .array(try list(0))
        case "toset":
            try arity(1)
            let items = distinct(try list(0))
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                return .array(items.sorted { Array(($0.string ?? "").utf8).lexicographicallyPrecedes(Array(($1.string ?? "").utf8)) })
            }
            return .array(items)
        case "tomap":
            try arity(1)
            return .object(try map(0))
        case "type": try arity(1); return .string(E.typeName(a[0]))

        // encodings
        case "base64encode": try arity(1); return .string(Data(try s(0).utf8).base64EncodedString())
        case "base64decode":
            try arity(1)
            guard let data = Data(base64Encoded: try s(0)) else { throw HCLEvalError("base64decode(): not valid base64", p) }
            return .string(String(decoding: data, as: UTF8.self))
        case "jsonencode": try arity(1); var out = ""; try json(a[0], &out, p); return .string(out)
        case "jsondecode":
            try arity(1)
            var scan = HCLJSONSyntax.JSONScan(bytes: Array(try s(0).utf8), file: "jsondecode")
            scan.skip()
            do {
                let node = try scan.value(depth: 0)
                return value(node)
            } catch let e as CostGateError { throw HCLEvalError("jsondecode(): \(e.message)", p) }
        case "yamlencode": try arity(1); var out = ""; try yaml(a[0], &out, indent: 0, p); return .string(out)
        case "yamldecode":
            try arity(1)
            var result: Value = .null
            do {
                try YAMLReader.forEachValueDocument(Array(try s(0).utf8), file: "yamldecode") { result = $0.value }
            } catch let e as CostGateError { throw HCLEvalError("yamldecode(): \(e.message)", p) }
            return result
        case "urlencode":
            try arity(1)
            var out = ""
            for b in try s(0).utf8 {
                if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E {
                    out.unicodeScalars.append(Unicode.Scalar(b))
                } else {
                    out += "%" + String(HCLText.hex4(UInt32(b)).suffix(2)).uppercased()
                }
            }
            return .string(out)

        // networks
        case "cidrhost":
            try arity(2)
            let net = try CIDR(try s(0), p)
            return .string(CIDR.text(try net.host(try n(1), p)))
        case "cidrnetmask":
            try arity(1)
            let net = try CIDR(try s(0), p)
            return .string(CIDR.text(net.mask))
        case "cidrsubnet":
            try arity(3)
            let net = try CIDR(try s(0), p)
            return .string(try net.subnet(try n(1), try n(2), p).description)
        case "cidrsubnets":
            guard !a.isEmpty else { throw HCLEvalError("cidrsubnets(prefix, newbits...) needs a prefix", p) }
            let net = try CIDR(try s(0), p)
            var out: [Value] = []
            var next = net.base
            for i in 1..<a.count {
                let bits = try n(i)
                guard bits > 0, bits <= 32 - net.length else { throw HCLEvalError("cidrsubnets(): \(bits) new bits do not fit", p) }
                let len = net.length + bits
                guard len <= 32 else { throw HCLEvalError("cidrsubnets(): \(bits) new bits do not fit", p) }
                let size = UInt64(1) << UInt64(32 - len)
                var start = UInt64(next)
                if start % size != 0 { start = (start / size + 1) * size }
                guard start + size <= UInt64(net.base) + (UInt64(1) << UInt64(32 - net.length)) else {
                    throw HCLEvalError("cidrsubnets(): not enough room in \(net.description)", p)
                }
                out.append(.string(CIDR(base: UInt32(start), length: len).description))
                next = UInt32(truncatingIfNeeded: start + size)
            }
            return .array(out)

        // files
        case "file", "filebase64", "filemd5", "filesha1", "filesha256":
            try arity(1)
            let path = resolvePath(try s(0), directory)
            guard let bytes = try? FileIO.read(path) else { throw HCLEvalError("\(name)(): no file \(try s(0))", p) }
            switch name {
            case "filebase64": return .string(Data(bytes).base64EncodedString())
            case "filemd5": return .string(HCLHash.hex(HCLHash.md5(bytes)))
            case "filesha1": return .string(HCLHash.hex(HCLHash.sha1(bytes)))
            case "filesha256": return .string(HCLHash.hex(HCLHash.sha256(bytes)))
            default: return .string(String(decoding: bytes, as: UTF8.self))
            }
        case "fileexists":
            try arity(1)
            let path = resolvePath(try s(0), directory)
            return .bool(FileIO.exists(path) && !FileIO.isDirectory(path))
        case "basename": try arity(1); return .string(String(try s(0).split(separator: "/").last ?? ""))
        case "dirname":
            try arity(1)
            let t = try s(0)
            guard let i = t.lastIndex(of: "/") else { return .string(".") }
            return .string(i == t.startIndex ? "/" : String(t[..<i]))
        case "abspath", "pathexpand": try arity(1); return .string(try s(0))

        // hashes
        case "md5": try arity(1); return .string(HCLHash.hex(HCLHash.md5(Array(try s(0).utf8))))
        case "sha1": try arity(1); return .string(HCLHash.hex(HCLHash.sha1(Array(try s(0).utf8))))
        case "sha256": try arity(1); return .string(HCLHash.hex(HCLHash.sha256(Array(try s(0).utf8))))
        case "base64sha256": try arity(1); return .string(Data(HCLHash.sha256(Array(try s(0).utf8))).base64EncodedString())
        default:
            throw HCLEvalError("unknown function \(name)()", p)
        }
    }

    // MARK: - helpers

    static func resolvePath(_ path: String, _ directory: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix(directory + "/") || directory == "." { return path }
        return directory + "/" + path
    }

    static func truncate(_ d: Decimal) -> Decimal {
        let t = Money.plain(d)
        guard let dot = t.firstIndex(of: ".") else { return d }
        return Decimal(string: String(t[..<dot])) ?? d
    }
    static func floor(_ d: Decimal) -> Decimal { let t = truncate(d); return (d < 0 && t != d) ? t - 1 : t }
    static func ceiling(_ d: Decimal) -> Decimal { let t = truncate(d); return (d > 0 && t != d) ? t + 1 : t }

    /// The widest padding `format()` and `indent()` make (so a width in the input cannot ask for gigabytes).
    static let maxPad = 10_000

    /// A floating-point result as a number, when it is finite and in Limits' range.
    static func fromDouble(_ r: Double, _ what: String, _ p: HCLPos) throws -> Decimal {
        let text = String(r)
        guard r.isFinite, r == 0 || Limits.numberInRange(text), let d = Decimal(string: text) else {
            throw HCLEvalError("\(what): the result (\(text)) is not a number in range", p)
        }
        return d
    }

    static func distinct(_ items: [Value]) -> [Value] {
        var out: [Value] = []
        var seen = HCLValueSet()
        for v in items where seen.insert(v) { out.append(v) }
        return out
    }

    static func valueSet(_ items: [Value]) -> HCLValueSet {
        var set = HCLValueSet()
        for v in items { _ = set.insert(v) }
        return set
    }

    static func value(_ node: HCLJSONSyntax.Node) -> Value {
        switch node {
        case .string(let s, _): return .string(s)
        case .number(let n, _): return .number(n)
        case .bool(let b, _): return .bool(b)
        case .null: return .null
        case .array(let items, _): return .array(items.map(value))
        case .object(let members, _):
            var m = Members()
            for x in members { m[x.key] = value(x.value) }
            return .object(m)
        }
    }

    /// Terraform's jsonencode: compact, keys sorted, `<`, `>` and `&` escaped.
    static func json(_ v: Value, _ out: inout String, _ p: HCLPos) throws {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += Money.literal(n).map(Money.plain) ?? n
        case .string(let s): jsonString(s, &out)
        case .array(let items):
            out += "["
            for (i, x) in items.enumerated() { if i > 0 { out += "," }; try json(x, &out, p) }
            out += "]"
        case .object(let m):
            out += "{"
            for (i, x) in E.sortedMembers(m).enumerated() {
                if i > 0 { out += "," }
                jsonString(x.key, &out)
                out += ":"
                try json(x.value, &out, p)
            }
            out += "}"
        case .unknown, .sensitive: throw HCLEvalError("jsonencode() of an unknown value", p)
        }
    }

    static func jsonString(_ s: String, _ out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&": out += "\\u00" + String(HCLText.hex4(u.value).suffix(2))
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 { out += "\\u" + HCLText.hex4(u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }

    static func yaml(_ v: Value, _ out: inout String, indent: Int, _ p: HCLPos) throws {
        let pad = String(repeating: "  ", count: indent)
        switch v {
        case .array(let items):
            if items.isEmpty { out += "[]\n"; return }
            for x in items {
                out += pad + "- "
                if case .object(let m) = x, !m.isEmpty { var sub = ""; try yaml(x, &sub, indent: indent + 1, p); out += String(sub.dropFirst(pad.count + 2)) }
                else if case .array(let i) = x, !i.isEmpty { out += "\n"; try yaml(x, &out, indent: indent + 1, p) }
                else { try yaml(x, &out, indent: 0, p) }
            }
        case .object(let m):
            if m.isEmpty { out += "{}\n"; return }
            for x in E.sortedMembers(m) {
                out += pad
                jsonString(x.key, &out)
                out += ":"
                switch x.value {
                case .object(let mm) where !mm.isEmpty: out += "\n"; try yaml(x.value, &out, indent: indent + 1, p)
                case .array(let ii) where !ii.isEmpty: out += "\n"; try yaml(x.value, &out, indent: indent, p)
                default: out += " "; try yaml(x.value, &out, indent: 0, p)
                }
            }
        case .string(let s): jsonString(s, &out); out += "\n"
        case .number, .bool, .null: try json(v, &out, p); out += "\n"
        case .unknown, .sensitive: throw HCLEvalError("yamlencode() of an unknown value", p)
        }
    }

    /// Go's fmt verbs as Terraform's format() uses them: %s %d %f %v %q %t %%, flags `-` `0` `+`, width, precision.
    static func format(_ a: [Value], _ p: HCLPos) throws -> String {
        guard let f = a.first else { throw HCLEvalError("format() needs a format string", p) }
        let spec = Array(try E.string(f, p))
        var out = ""
        var arg = 1
        var i = 0
        while i < spec.count {
            let c = spec[i]
            guard c == "%" else { out.append(c); i += 1; continue }
            i += 1
            guard i < spec.count else { throw HCLEvalError("format(): the format ends with '%'", p) }
            if spec[i] == "%" { out.append("%"); i += 1; continue }
            var left = false, zero = false, plus = false, sharp = false
            while i < spec.count, "-0+# ".contains(spec[i]) {
                switch spec[i] { case "-": left = true; case "0": zero = true; case "+": plus = true; case "#": sharp = true; default: break }
                i += 1
            }
            var width = 0
            while i < spec.count, let dgt = spec[i].wholeNumberValue {
                width = width * 10 + dgt; i += 1
                guard width <= maxPad else { throw HCLEvalError("format(): a width over \(maxPad)", p) }
            }
            var precision: Int?
            if i < spec.count, spec[i] == "." {
                i += 1
                var pr = 0
                while i < spec.count, let dgt = spec[i].wholeNumberValue {
                    pr = pr * 10 + dgt; i += 1
                    guard pr <= maxPad else { throw HCLEvalError("format(): a precision over \(maxPad)", p) }
                }
                precision = pr
            }
            guard i < spec.count else { throw HCLEvalError("format(): incomplete verb", p) }
            let verb = spec[i]
            i += 1
            guard arg < a.count else { throw HCLEvalError("format(): not enough arguments for the format", p) }
            let v = a[arg]
            arg += 1
            var text: String
            switch verb {
            case "s": text = try E.string(v, p); if let pr = precision { text = String(text.prefix(pr)) }
            case "q": text = ""; jsonString(try E.string(v, p), &text)
            case "t": text = try E.bool(v, p) ? "true" : "false"
            case "d":
                let d = try E.decimal(v, "a number", p)
                guard truncate(d) == d else { throw HCLEvalError("format(): %d needs a whole number", p) }
                text = Money.plain(d)
                if plus && d >= 0 { text = "+" + text }
            case "f", "e", "g":
                let d = try E.decimal(v, "a number", p)
                text = Money.format(d, scale: precision ?? 6)
                if plus && d >= 0 { text = "+" + text }
            case "v":
                if sharp { text = ""; try json(v, &text, p) } else if case .string(let s) = v { text = s } else {
                    switch v { case .number, .bool: text = try E.string(v, p); default: text = ""; try json(v, &text, p) }
                }
            case "x", "X":
                let num = try E.int(v, "a whole number", p)
                text = String(num, radix: 16, uppercase: verb == "X")
            case "o": text = String(try E.int(v, "a whole number", p), radix: 8)
            case "b": text = String(try E.int(v, "a whole number", p), radix: 2)
            default: throw HCLEvalError("format(): unsupported verb %\(verb)", p)
            }
            if text.count < width {
                let fill = String(repeating: zero && !left ? "0" : " ", count: width - text.count)
                if left { text += fill } else if zero, text.hasPrefix("-") || text.hasPrefix("+") {
                    text = String(text.first!) + fill + text.dropFirst()
                } else { text = fill + text }
            }
            out += text
        }
        return out
    }
}

/// Square root and friends are not in FoundationEssentials; these two go through the C library.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func Foundation_log(_ x: Double) -> Double { log(x) }

/// An IPv4 prefix (`10.0.0.0/16`). IPv6 prefixes are an error (a listed unknown), not a guess.
struct CIDR: CustomStringConvertible {
    var base: UInt32
    var length: Int

    init(base: UInt32, length: Int) { self.base = base; self.length = length }

    init(_ text: String, _ p: HCLPos) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let len = Int(parts[1]), len >= 0, len <= 32 else {
            throw HCLEvalError("\(HCLText.quoted(text)) is not an IPv4 prefix like 10.0.0.0/16 (IPv6 is not supported)", p)
        }
        guard let addr = CIDR.parse(String(parts[0])) else {
            throw HCLEvalError("\(HCLText.quoted(text)) is not an IPv4 prefix like 10.0.0.0/16 (IPv6 is not supported)", p)
        }
        length = len
        base = len == 0 ? 0 : addr & (UInt32.max << UInt32(32 - len))
    }

    static func parse(_ s: String) -> UInt32? {
        let octets = s.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var v: UInt32 = 0
        for o in octets {
            guard let x = UInt32(o), x <= 255 else { return nil }
            v = v << 8 | x
        }
        return v
    }

    static func text(_ v: UInt32) -> String { "\(v >> 24).\((v >> 16) & 255).\((v >> 8) & 255).\(v & 255)" }

    var mask: UInt32 { length == 0 ? 0 : UInt32.max << UInt32(32 - length) }
    var description: String { "\(CIDR.text(base))/\(length)" }

    func host(_ n: Int, _ p: HCLPos) throws -> UInt32 {
        let size = Int64(1) << Int64(32 - length)
        let k = n < 0 ? size + Int64(n) : Int64(n)
        guard k >= 0, k < size else { throw HCLEvalError("cidrhost(): host number \(n) does not fit in \(description)", p) }
        return UInt32(Int64(base) + k)
    }

    func subnet(_ newbits: Int, _ netnum: Int, _ p: HCLPos) throws -> CIDR {
        guard newbits >= 0, newbits <= 32 - length else { throw HCLEvalError("cidrsubnet(): \(newbits) new bits do not fit in \(description)", p) }
        let len = length + newbits
        guard len <= 32 else { throw HCLEvalError("cidrsubnet(): \(newbits) new bits do not fit in \(description)", p) }
        guard netnum >= 0, Int64(netnum) < (Int64(1) << Int64(newbits)) else {
            throw HCLEvalError("cidrsubnet(): network number \(netnum) does not fit in \(newbits) bits", p)
        }
        return CIDR(base: base | UInt32(truncatingIfNeeded: Int64(netnum) << Int64(32 - len)), length: len)
    }
}

/// String operations FoundationEssentials does not have.
enum HCLStrings {
    static func split(_ s: String, _ sep: String) -> [String] {
        let t = Array(s.utf8), p = Array(sep.utf8)
        guard !p.isEmpty else { return [s] }
        var out: [String] = []
        var start = 0, i = 0
        while i + p.count <= t.count {
            if t[i] == p[0], Array(t[i..<i + p.count]) == p {
                out.append(String(decoding: t[start..<i], as: UTF8.self))
                i += p.count
                start = i
            } else { i += 1 }
        }
        out.append(String(decoding: t[start...], as: UTF8.self))
        return out
    }

    static func replace(_ s: String, _ sub: String, _ rep: String) -> String { split(s, sub).joined(separator: rep) }

    static func trimSpace(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }
}

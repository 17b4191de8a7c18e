import FoundationEssentials
/// HCL's JSON syntax (hashicorp/hcl `json/spec.md`), as Terraform uses it in `.tf.json` files.
///
/// JSON has no way to say whether a property is an attribute or a block, so the block types are
/// Terraform's: top-level `resource`/`data` (two labels), `module`/`variable`/`output`/`provider`
/// (one), `locals`/`terraform`/`moved` (none); inside a resource `lifecycle`, `provisioner`,
/// `connection` and `dynamic` are blocks and everything else is an attribute whose strings are templates.
enum HCLJSONSyntax {
    indirect enum Node {
        case string(String, HCLPos)
        case number(String, HCLPos)
        case bool(Bool, HCLPos)
        case null(HCLPos)
        case array([Node], HCLPos)
        case object([(key: String, pos: HCLPos, value: Node)], HCLPos)

        var pos: HCLPos {
            switch self {
            case .string(_, let p), .number(_, let p), .bool(_, let p), .null(let p), .array(_, let p), .object(_, let p): return p
            }
        }
    }

    static let topLabels: [String: Int] = ["resource": 2, "data": 2, "module": 1, "variable": 1, "output": 1, "provider": 1,
                                            "locals": 0, "terraform": 0, "moved": 0, "import": 0, "removed": 0, "check": 1]
    static let nestedLabels: [String: Int] = ["lifecycle": 0, "provisioner": 1, "connection": 0, "dynamic": 1, "content": 0,
                                               "validation": 0, "precondition": 0, "postcondition": 0, "required_providers": 0,
                                               "backend": 1, "cloud": 0, "default_tags": 0]

    static func parse(bytes: [UInt8], file: String) throws -> HCLFile {
        var p = JSONScan(bytes: bytes, file: file)
        p.skip()
        let root = try p.value(depth: 0)
        p.skip()
        if p.pos < bytes.count { throw p.fail("unexpected \(p.describe()) after the JSON object") }
        guard case .object(let members, _) = root else {
            throw CostGateError("a .tf.json file must hold one JSON object", at: SourceLocation(file: file, line: 1, column: 1))
        }
        var body = HCLBody()
        for m in members where m.key != "//" {
            if let n = topLabels[m.key] {
                try addBlocks(type: m.key, labels: n, m.value, m.pos, into: &body, file: file, context: .top)
            } else {
                body.attributes.append(HCLAttribute(name: m.key, expr: try expression(m.value, file: file, literal: false), pos: m.pos))
            }
        }
        return HCLFile(path: file, body: body)
    }

    enum Context { case top, resource, variable, plain }

    private static func addBlocks(type: String, labels n: Int, _ node: Node, _ pos: HCLPos, into body: inout HCLBody, file: String,
                                  context: Context, prefix: [String] = []) throws {
        if n > 0 {
            guard case .object(let members, _) = node else {
                throw CostGateError("\(type) needs an object keyed by its \(n == 2 && prefix.isEmpty ? "type" : "name")",
                                    at: SourceLocation(file: file, line: node.pos.line, column: node.pos.column))
            }
            for m in members where m.key != "//" {
                try addBlocks(type: type, labels: n - 1, m.value, m.pos, into: &body, file: file, context: context, prefix: prefix + [m.key])
            }
            return
        }
        // a block body, or an array of block bodies
        if case .array(let items, _) = node {
            for item in items { try addBlocks(type: type, labels: 0, item, item.pos, into: &body, file: file, context: context, prefix: prefix) }
            return
        }
        guard case .object(let members, _) = node else {
            throw CostGateError("the body of \(type) must be a JSON object", at: SourceLocation(file: file, line: node.pos.line, column: node.pos.column))
        }
        let inner: Context = (type == "resource" || type == "data" || type == "module" || type == "provider") ? .resource
            : (type == "variable" ? .variable : .plain)
        var b = HCLBody()
        for m in members where m.key != "//" {
            if let k = nestedLabels[m.key], context != .variable, !(inner == .plain && type == "locals") {
                try addBlocks(type: m.key, labels: k, m.value, m.pos, into: &b, file: file, context: inner)
                continue
            }
            let expr: HCLExpr
            if inner == .variable && m.key == "type", case .string(let s, let p) = m.value {
                expr = try HCLParser.parseExpression(s, file: "\(file):\(p.line):\(p.column)")
            } else if inner == .variable && (m.key == "default") {
                expr = try expression(m.value, file: file, literal: true)
            } else if inner == .resource && (m.key == "provider" || m.key == "depends_on"), case .string(let s, _) = m.value {
                expr = try HCLParser.parseExpression(s, file: file)
            } else if type == "moved", case .string(let s, _) = m.value {
                expr = try HCLParser.parseExpression(s, file: file)
            } else {
                expr = try expression(m.value, file: file, literal: false)
            }
            b.attributes.append(HCLAttribute(name: m.key, expr: expr, pos: m.pos))
        }
        body.blocks.append(HCLBlock(type: type, labels: prefix, body: b, pos: pos))
    }

    /// A JSON value as an expression: strings are templates (unless `literal`).
    static func expression(_ node: Node, file: String, literal: Bool) throws -> HCLExpr {
        switch node {
        case .string(let s, let p):
            if literal || (!s.contains("${") && !s.contains("%{")) { return .literal(.string(s), p) }
            return try HCLParser.parseTemplate(Array(s.utf8), file: file, line: p.line, column: p.column + 1)
        case .number(let n, let p): return .literal(.number(n), p)
        case .bool(let b, let p): return .literal(.bool(b), p)
        case .null(let p): return .literal(.null, p)
        case .array(let items, let p): return .tuple(try items.map { try expression($0, file: file, literal: literal) }, p)
        case .object(let members, let p):
            var out: [(key: HCLExpr, value: HCLExpr)] = []
            for m in members where m.key != "//" {
                let key: HCLExpr = literal ? .literal(.string(m.key), m.pos)
                    : try expression(.string(m.key, m.pos), file: file, literal: false)
                out.append((key, try expression(m.value, file: file, literal: literal)))
            }
            return .object(out, p)
        }
    }

    /// A small JSON scanner that keeps line and column of every value.
    struct JSONScan {
        let bytes: [UInt8]
        let file: String
        var pos = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3; lineStart = 0 }
        }

        var here: HCLPos {
            var col = 1
            var j = lineStart
            while j < pos { if bytes[j] & 0xC0 != 0x80 { col += 1 }; j += 1 }
            return HCLPos(line, col)
        }

        func fail(_ m: String) -> CostGateError {
            let p = here
            return CostGateError(m, at: SourceLocation(file: file, line: p.line, column: p.column))
        }

        func describe() -> String {
            guard pos < bytes.count else { return "end of file" }
            var end = pos + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'\(HCLText.echo(bytes[pos..<end]))'"
        }

        mutating func skip() {
            while pos < bytes.count {
                let c = bytes[pos]
                if c == 0x0A { line += 1; lineStart = pos + 1; pos += 1 } else if c == 0x20 || c == 0x09 || c == 0x0D { pos += 1 } else { return }
            }
        }

        mutating func value(depth: Int) throws -> Node {
            guard depth < HCLParser.maxDepth else { throw fail("JSON nested deeper than \(HCLParser.maxDepth) levels") }
            let p = here
            guard pos < bytes.count else { throw fail("unexpected end of file; a JSON value was expected") }
            switch bytes[pos] {
            case UInt8(ascii: "{"):
                pos += 1
                var members: [(key: String, pos: HCLPos, value: Node)] = []
                skip()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members, p) }
                while true {
                    skip()
                    let kp = here
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a property name in quotes, found \(describe())") }
                    let key = try string()
                    skip()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after the property name, found \(describe())") }
                    pos += 1
                    skip()
                    members.append((key, kp, try value(depth: depth + 1)))
                    skip()
                    if pos < bytes.count, bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members, p) }
                    throw fail("expected ',' or '}' in the object, found \(describe())")
                }
            case UInt8(ascii: "["):
                pos += 1
                var items: [Node] = []
                skip()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items, p) }
                while true {
                    skip()
                    items.append(try value(depth: depth + 1))
                    skip()
                    if pos < bytes.count, bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items, p) }
                    throw fail("expected ',' or ']' in the array, found \(describe())")
                }
            case UInt8(ascii: "\""):
                return .string(try string(), p)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                for (word, node) in [("true", Node.bool(true, p)), ("false", .bool(false, p)), ("null", .null(p))] {
                    let w = Array(word.utf8)
                    if pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w { pos += w.count; return node }
                }
                throw fail("expected a JSON value, found \(describe())")
            default:
                let s = pos
                if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
                while pos < bytes.count, (bytes[pos] >= 0x30 && bytes[pos] <= 0x39) || bytes[pos] == 0x2E || bytes[pos] == 0x65
                    || bytes[pos] == 0x45 || bytes[pos] == 0x2B || bytes[pos] == 0x2D { pos += 1 }
                let text = String(decoding: bytes[s..<pos], as: UTF8.self)
                guard Money.isDecimalLiteral(text) else { pos = s; throw fail("expected a JSON value, found \(describe())") }
                return .number(text, p)
            }
        }

        mutating func string() throws -> String {
            pos += 1
            var out: [UInt8] = []
            while true {
                guard pos < bytes.count else { throw fail("unterminated string") }
                let c = bytes[pos]
                if c == UInt8(ascii: "\"") { pos += 1; break }
                if c < 0x20 { throw fail("control character \\u\(HCLText.hex4(UInt32(c))) in a string; escape it") }
                if c == UInt8(ascii: "\\") {
                    pos += 1
                    guard pos < bytes.count else { throw fail("unterminated string") }
                    let e = bytes[pos]
                    pos += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(e)
                    case UInt8(ascii: "u"):
                        var v: UInt32 = 0
                        for _ in 0..<4 {
                            guard pos < bytes.count, let d = hexDigit(bytes[pos]) else { throw fail("\\u needs four hexadecimal digits") }
                            v = v * 16 + d
                            pos += 1
                        }
                        if v >= 0xD800 && v < 0xDC00, pos + 1 < bytes.count, bytes[pos] == 0x5C, bytes[pos + 1] == UInt8(ascii: "u") {
                            pos += 2
                            var lo: UInt32 = 0
                            for _ in 0..<4 {
                                guard pos < bytes.count, let d = hexDigit(bytes[pos]) else { throw fail("\\u needs four hexadecimal digits") }
                                lo = lo * 16 + d
                                pos += 1
                            }
                            v = 0x10000 + ((v - 0xD800) << 10) + (lo &- 0xDC00)
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(v) ?? "\u{FFFD}")).utf8))
                    default:
                        pos -= 2
                        throw fail("invalid escape in a JSON string")
                    }
                    continue
                }
                out.append(c)
                pos += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        private func hexDigit(_ h: UInt8) -> UInt32? {
            switch h {
            case 0x30...0x39: return UInt32(h - 0x30)
            case 0x61...0x66: return UInt32(h - 0x61 + 10)
            case 0x41...0x46: return UInt32(h - 0x41 + 10)
            default: return nil
            }
        }
    }
}

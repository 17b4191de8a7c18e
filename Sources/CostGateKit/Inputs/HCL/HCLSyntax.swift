import FoundationEssentials
/// The syntax tree of an HCL file (native or JSON syntax): bodies of attributes and blocks, and expressions.
///
/// Both syntaxes produce the same tree, so evaluation does not know which one it reads.
public struct HCLPos: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public init(_ line: Int, _ column: Int) { self.line = line; self.column = column }
}

public struct HCLAttribute: Sendable {
    public var name: String
    public var expr: HCLExpr
    public var pos: HCLPos
}

public struct HCLBlock: Sendable {
    public var type: String
    public var labels: [String]
    public var body: HCLBody
    public var pos: HCLPos
}

public struct HCLBody: Sendable {
    public var attributes: [HCLAttribute] = []
    public var blocks: [HCLBlock] = []
    public init() {}

    public func attribute(_ name: String) -> HCLAttribute? { attributes.last { $0.name == name } }
    public func blocks(_ type: String) -> [HCLBlock] { blocks.filter { $0.type == type } }
}

/// A parsed file.
public struct HCLFile: Sendable {
    public var path: String
    public var body: HCLBody
}

public enum HCLBinaryOp: String, Sendable {
    case or = "||", and = "&&", eq = "==", ne = "!=", lt = "<", gt = ">", le = "<=", ge = ">="
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"

    var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .eq, .ne: return 3
        case .lt, .gt, .le, .ge: return 4
        case .add, .sub: return 5
        case .mul, .div, .mod: return 6
        }
    }
}

public enum HCLTemplatePart: Sendable {
    case literal(String)
    case interpolation(HCLExpr)
    case ifDirective(cond: HCLExpr, then: [HCLTemplatePart], else: [HCLTemplatePart])
    case forDirective(key: String?, value: String, collection: HCLExpr, body: [HCLTemplatePart])
}

public struct HCLForExpr: Sendable {
    public var keyVar: String?
    public var valueVar: String
    public var collection: HCLExpr
    /// The key expression of an object `for` (`{ for k, v in x : KEY => VALUE }`); nil for a tuple `for`.
    public var keyExpr: HCLExpr?
    public var valueExpr: HCLExpr
    public var condition: HCLExpr?
    /// `...` after the value: values with the same key are grouped into lists.
    public var grouping: Bool
}

public indirect enum HCLExpr: Sendable {
    case literal(Value, HCLPos)
    case template([HCLTemplatePart], HCLPos)
    /// A root name: `var`, `local`, `aws_instance`, `each`, a `for` variable …
    case variable(String, HCLPos)
    case getAttr(HCLExpr, String, HCLPos)
    case index(HCLExpr, HCLExpr, HCLPos)
    /// `source[*].each` or `source.*.each`: `each` is evaluated per element with `.splatItem` bound to it.
    case splat(HCLExpr, HCLExpr, HCLPos)
    case splatItem(HCLPos)
    case call(String, [HCLExpr], expandFinal: Bool, HCLPos)
    case tuple([HCLExpr], HCLPos)
    case object([(key: HCLExpr, value: HCLExpr)], HCLPos)
    case not(HCLExpr, HCLPos)
    case negate(HCLExpr, HCLPos)
    case binary(HCLBinaryOp, HCLExpr, HCLExpr, HCLPos)
    case conditional(HCLExpr, HCLExpr, HCLExpr, HCLPos)
    case forExpr(HCLForExpr, HCLPos)
    case parens(HCLExpr, HCLPos)

    public var pos: HCLPos {
        switch self {
        case .literal(_, let p), .template(_, let p), .variable(_, let p), .getAttr(_, _, let p), .index(_, _, let p),
             .splat(_, _, let p), .splatItem(let p), .call(_, _, _, let p), .tuple(_, let p), .object(_, let p),
             .not(_, let p), .negate(_, let p), .binary(_, _, _, let p), .conditional(_, _, _, let p),
             .forExpr(_, let p), .parens(_, let p):
            return p
        }
    }

    /// The traversal as text (`aws_instance.web[0].id`), when the expression is a plain reference.
    public var traversalText: String? {
        switch self {
        case .variable(let n, _): return n
        case .getAttr(let e, let n, _): return e.traversalText.map { "\($0).\(n)" }
        case .index(let e, let k, _):
            guard let base = e.traversalText else { return nil }
            switch k {
            case .literal(.number(let n), _): return "\(base)[\(n)]"
            case .literal(.string(let s), _): return "\(base)[\(HCLText.quoted(s))]"
            case .template(let parts, _):
                if parts.count == 1, case .literal(let s) = parts[0] { return "\(base)[\(HCLText.quoted(s))]" }
                if parts.isEmpty { return "\(base)[\"\"]" }
                return nil
            default: return nil
            }
        case .parens(let e, _): return e.traversalText
        default: return nil
        }
    }

    /// The references Terraform would list for this expression (`aws_subnet.a.id`, `aws_subnet.a`, `var.x`).
    public func collectReferences(into out: inout [String]) {
        switch self {
        case .literal, .splatItem: return
        case .variable, .getAttr, .index:
            if let chain = referenceChain() {
                for r in chain where !out.contains(r) { out.append(r) }
                if case .index(let e, let k, _) = self { if chain.isEmpty { e.collectReferences(into: &out) }; k.collectReferences(into: &out) }
                return
            }
            if case .getAttr(let e, _, _) = self { e.collectReferences(into: &out) }
            if case .index(let e, let k, _) = self { e.collectReferences(into: &out); k.collectReferences(into: &out) }
        case .template(let parts, _):
            for p in parts { HCLExpr.collect(p, into: &out) }
        case .splat(let s, let e, _): s.collectReferences(into: &out); e.collectReferences(into: &out)
        case .call(_, let args, _, _): for a in args { a.collectReferences(into: &out) }
        case .tuple(let items, _): for a in items { a.collectReferences(into: &out) }
        case .object(let items, _): for (k, v) in items { k.collectReferences(into: &out); v.collectReferences(into: &out) }
        case .not(let e, _), .negate(let e, _), .parens(let e, _): e.collectReferences(into: &out)
        case .binary(_, let a, let b, _): a.collectReferences(into: &out); b.collectReferences(into: &out)
        case .conditional(let a, let b, let c, _): a.collectReferences(into: &out); b.collectReferences(into: &out); c.collectReferences(into: &out)
        case .forExpr(let f, _):
            var inner: [String] = []
            f.collection.collectReferences(into: &out)
            f.keyExpr?.collectReferences(into: &inner)
            f.valueExpr.collectReferences(into: &inner)
            f.condition?.collectReferences(into: &inner)
            let bound = Set([f.valueVar] + (f.keyVar.map { [$0] } ?? []))
            for r in inner where !bound.contains(String(r.split(separator: ".").first ?? "")) && !out.contains(r) { out.append(r) }
        }
    }

    /// True when the expression reads `each.value` (a `for_each` over another resource's instances points there).
    public var readsEachValue: Bool {
        switch self {
        case .literal, .splatItem: return false
        case .variable: return false
        case .getAttr(let e, let n, _):
            if n == "value", case .variable("each", _) = e { return true }
            return e.readsEachValue
        case .index(let e, let k, _): return e.readsEachValue || k.readsEachValue
        case .template(let parts, _): return parts.contains { HCLExpr.reads($0) }
        case .splat(let s, let e, _): return s.readsEachValue || e.readsEachValue
        case .call(_, let args, _, _): return args.contains { $0.readsEachValue }
        case .tuple(let items, _): return items.contains { $0.readsEachValue }
        case .object(let items, _): return items.contains { $0.0.readsEachValue || $0.1.readsEachValue }
        case .not(let e, _), .negate(let e, _), .parens(let e, _): return e.readsEachValue
        case .binary(_, let a, let b, _): return a.readsEachValue || b.readsEachValue
        case .conditional(let a, let b, let c, _): return a.readsEachValue || b.readsEachValue || c.readsEachValue
        case .forExpr(let f, _):
            return f.collection.readsEachValue || f.valueExpr.readsEachValue || (f.keyExpr?.readsEachValue ?? false) || (f.condition?.readsEachValue ?? false)
        }
    }

    private static func reads(_ part: HCLTemplatePart) -> Bool {
        switch part {
        case .literal: return false
        case .interpolation(let e): return e.readsEachValue
        case .ifDirective(let c, let t, let e): return c.readsEachValue || (t + e).contains { reads($0) }
        case .forDirective(_, _, let c, let body): return c.readsEachValue || body.contains { reads($0) }
        }
    }

    private static func collect(_ part: HCLTemplatePart, into out: inout [String]) {
        switch part {
        case .literal: return
        case .interpolation(let e): e.collectReferences(into: &out)
        case .ifDirective(let c, let t, let e):
            c.collectReferences(into: &out)
            for p in t + e { collect(p, into: &out) }
        case .forDirective(_, _, let c, let body):
            c.collectReferences(into: &out)
            for p in body { collect(p, into: &out) }
        }
    }

    /// `aws_instance.web[0].id` → `["aws_instance.web[0].id", "aws_instance.web"]`; nil when not rooted at a name.
    private func referenceChain() -> [String]? {
        var steps: [HCLExpr] = []
        var e = self
        while true {
            switch e {
            case .getAttr(let inner, _, _), .index(let inner, _, _): steps.append(e); e = inner; continue
            case .variable: break
            default: return nil
            }
            break
        }
        guard case .variable(let root, _) = e else { return nil }
        if ["each", "count", "path", "terraform", "self"].contains(root) { return [] }
        // the longest literal traversal
        var text = root
        var names: [String] = []
        for step in steps.reversed() {
            switch step {
            case .getAttr(_, let n, _): text += ".\(n)"; names.append(text)
            case .index(_, let k, _):
                if case .literal(.number(let n), _) = k { text += "[\(n)]"; names.append(text); continue }
                if case .literal(.string(let s), _) = k { text += "[\(HCLText.quoted(s))]"; names.append(text); continue }
                if case .template(let parts, _) = k, parts.count == 1, case .literal(let s) = parts[0] {
                    text += "[\(HCLText.quoted(s))]"; names.append(text); continue
                }
                return finish(root: root, names: names)
            default: break
            }
        }
        return finish(root: root, names: names)
    }

    private func finish(root: String, names: [String]) -> [String] {
        guard let longest = names.last else { return [root] }
        var out = [longest]
        let base: String?
        switch root {
        case "var", "local": base = names.first
        case "module", "data": base = names.count >= (root == "data" ? 2 : 1) ? names[root == "data" ? 1 : 0] : nil
        default: base = names.first
        }
        if let base, base != longest { out.append(base) }
        return out
    }
}

/// Text helpers shared by the reader and error messages.
enum HCLText {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += "\\u" + hex4(u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int((v >> 12) & 0xF)], digits[Int((v >> 8) & 0xF)], digits[Int((v >> 4) & 0xF)], digits[Int(v & 0xF)]])
    }

    /// A byte or short text as it may appear in a one-line message: control characters escaped.
    static func echo(_ bytes: ArraySlice<UInt8>) -> String {
        var out = ""
        for u in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F { out += "\\u" + hex4(u.value) } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}

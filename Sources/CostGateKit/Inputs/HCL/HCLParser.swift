import FoundationEssentials
/// HCL native syntax (hashicorp/hcl `hclsyntax/spec.md`): one pass over the bytes, recursive descent,
/// no separate token list and no regular expressions. Nesting is bounded (`maxDepth`), so deep input
/// is an error with its position, never a stack overflow.
public struct HCLParser {
    public static let maxDepth = 256

    let bytes: [UInt8]
    let file: String
    var pos = 0
    var limit: Int
    var depth = 0
    /// Added to lines (a dedented heredoc is parsed as a copy of its text).
    var lineBase = 0
    var columnBase = 0
    // position cache: line and line start of `cacheOffset`
    private var cacheOffset = 0
    private var cacheLine = 1
    private var cacheLineStart = 0
    private var cacheColumn = 1

    public init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        self.limit = bytes.count
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
    }

    /// Parses a whole file (a body).
    public static func parse(bytes: [UInt8], file: String) throws -> HCLFile {
        var p = HCLParser(bytes: bytes, file: file)
        let body = try p.parseBody(inBlock: false)
        return HCLFile(path: file, body: body)
    }

    /// Parses a single expression (a `-var` value, a type constraint in JSON, a template).
    public static func parseExpression(_ text: String, file: String) throws -> HCLExpr {
        var p = HCLParser(bytes: Array(text.utf8), file: file)
        p.skipSpace(newlines: true)
        let e = try p.parseExpr(newlines: true)
        p.skipSpace(newlines: true)
        if p.pos < p.limit { throw p.fail("unexpected \(p.describe()) after the expression") }
        return e
    }

    /// Parses a whole text as a template (`templatefile`, strings of the JSON syntax).
    public static func parseTemplate(_ bytes: [UInt8], file: String, line: Int = 1, column: Int = 1) throws -> HCLExpr {
        var p = HCLParser(bytes: bytes, file: file)
        p.pos = 0
        p.lineBase = line - 1
        p.columnBase = column - 1
        let start = p.position(0)
        let parts = try p.parseTemplateParts(quoted: false)
        return HCLParser.simplify(parts, start)
    }

    // MARK: - positions and errors

    mutating func position(_ offset: Int) -> HCLPos {
        if offset < cacheOffset {
            // step back (the parser backtracks over white space): move to the line holding `offset`
            while offset < cacheLineStart {
                cacheLine -= 1
                var k = cacheLineStart - 1
                while k > 0, bytes[k - 1] != 0x0A { k -= 1 }
                cacheLineStart = max(k, 0)
            }
            cacheOffset = cacheLineStart
            cacheColumn = 1
        }
        var i = cacheOffset
        var col = cacheColumn
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A { cacheLine += 1; cacheLineStart = i + 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        cacheOffset = i
        cacheColumn = col
        return HCLPos(cacheLine + lineBase, col + (cacheLine == 1 ? columnBase : 0))
    }

    mutating func fail(_ message: String, at offset: Int? = nil) -> CostGateError {
        let p = position(offset ?? pos)
        return CostGateError(message, at: SourceLocation(file: file, line: p.line, column: p.column))
    }

    func describe(_ at: Int? = nil) -> String {
        let i = at ?? pos
        guard i < limit else { return "end of file" }
        let c = bytes[i]
        if c == 0x0A { return "a newline" }
        if c < 0x20 || c == 0x7F { return "control character \\u\(HCLText.hex4(UInt32(c)))" }
        var end = i + 1
        while end < limit, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(HCLText.echo(bytes[i..<end]))'"
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i < limit ? bytes[i] : 0 }
    @inline(__always) var cur: UInt8 { pos < limit ? bytes[pos] : 0 }

    mutating func enter() throws {
        depth += 1
        if depth > HCLParser.maxDepth {
            throw fail("nesting deeper than \(HCLParser.maxDepth) levels; simplify the expression or block")
        }
    }

    // MARK: - white space and comments

    mutating func skipSpace(newlines: Bool) {
        while pos < limit {
            let c = bytes[pos]
            if c == 0x20 || c == 0x09 || c == 0x0D { pos += 1; continue }
            if c == 0x0A { if newlines { pos += 1; continue } else { return } }
            if c == UInt8(ascii: "#") || (c == UInt8(ascii: "/") && at(pos + 1) == UInt8(ascii: "/")) {
                while pos < limit, bytes[pos] != 0x0A { pos += 1 }
                continue
            }
            if c == UInt8(ascii: "/") && at(pos + 1) == UInt8(ascii: "*") {
                var i = pos + 2
                while i < limit, !(bytes[i] == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/")) { i += 1 }
                pos = i < limit ? i + 2 : limit
                continue
            }
            return
        }
    }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80
    }
    static func isIdentContinue(_ c: UInt8) -> Bool {
        isIdentStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D
    }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    mutating func readIdent() -> String? {
        guard HCLParser.isIdentStart(cur) else { return nil }
        let start = pos
        while pos < limit, HCLParser.isIdentContinue(bytes[pos]) { pos += 1 }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// True when the identifier `word` starts here (not a longer identifier).
    func keyword(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= limit else { return false }
        let w = word.utf8Start
        for k in 0..<n where bytes[pos + k] != w[k] { return false }
        return !HCLParser.isIdentContinue(at(pos + n))
    }

    // MARK: - bodies

    mutating func parseBody(inBlock: Bool) throws -> HCLBody {
        var body = HCLBody()
        while true {
            skipSpace(newlines: true)
            if pos >= limit {
                if inBlock { throw fail("missing '}' to close the block") }
                return body
            }
            if cur == UInt8(ascii: "}") {
                if inBlock { pos += 1; return body }
                throw fail("unexpected '}' with no block to close")
            }
            let start = pos
            let startPos = position(start)
            guard let name = readIdent() else {
                throw fail("expected an attribute or block name, found \(describe())")
            }
            skipSpace(newlines: false)
            if cur == UInt8(ascii: "="), at(pos + 1) != UInt8(ascii: "=") {
                pos += 1
                skipSpace(newlines: false)
                let e = try parseExpr(newlines: false)
                body.attributes.append(HCLAttribute(name: name, expr: e, pos: startPos))
                try endOfItem(what: "attribute \(name)", inBlock: inBlock)
                continue
            }
            var labels: [String] = []
            while true {
                if cur == UInt8(ascii: "\"") {
                    let lpos = pos
                    pos += 1
                    let parts = try parseTemplateParts(quoted: true)
                    switch HCLParser.simplify(parts, position(lpos)) {
                    case .literal(.string(let s), _): labels.append(s)
                    default: throw fail("a block label cannot contain interpolation", at: lpos)
                    }
                } else if let l = readIdent() {
                    labels.append(l)
                } else {
                    break
                }
                skipSpace(newlines: false)
            }
            guard cur == UInt8(ascii: "{") else {
                throw fail("expected '=' or '{' after \(name), found \(describe())")
            }
            pos += 1
            try enter()
            let inner = try parseBody(inBlock: true)
            depth -= 1
            body.blocks.append(HCLBlock(type: name, labels: labels, body: inner, pos: startPos))
            try endOfItem(what: "block \(name)", inBlock: inBlock)
        }
    }

    private mutating func endOfItem(what: String, inBlock: Bool) throws {
        skipSpace(newlines: false)
        if pos >= limit || cur == 0x0A { return }
        if inBlock && cur == UInt8(ascii: "}") { return }
        throw fail("expected a newline after \(what), found \(describe())")
    }

    // MARK: - expressions

    /// `newlines`: whether line breaks are white space here (inside parentheses and brackets) or end the expression.
    mutating func parseExpr(newlines nl: Bool) throws -> HCLExpr {
        try enter()
        defer { depth -= 1 }
        let start = position(pos)
        let cond = try parseBinary(0, nl)
        skipSpace(newlines: nl)
        guard cur == UInt8(ascii: "?") else { return cond }
        pos += 1
        skipSpace(newlines: true)
        let a = try parseExpr(newlines: nl)
        skipSpace(newlines: true)
        guard cur == UInt8(ascii: ":") else { throw fail("expected ':' in the conditional expression, found \(describe())") }
        pos += 1
        skipSpace(newlines: true)
        let b = try parseExpr(newlines: nl)
        return .conditional(cond, a, b, start)
    }

    private mutating func peekOperator() -> (HCLBinaryOp, Int)? {
        let c = cur, d = at(pos + 1)
        switch c {
        case UInt8(ascii: "|"): return d == UInt8(ascii: "|") ? (.or, 2) : nil
        case UInt8(ascii: "&"): return d == UInt8(ascii: "&") ? (.and, 2) : nil
        case UInt8(ascii: "="): return d == UInt8(ascii: "=") ? (.eq, 2) : nil
        case UInt8(ascii: "!"): return d == UInt8(ascii: "=") ? (.ne, 2) : nil
        case UInt8(ascii: "<"): return d == UInt8(ascii: "=") ? (.le, 2) : (d == UInt8(ascii: "<") ? nil : (.lt, 1))
        case UInt8(ascii: ">"): return d == UInt8(ascii: "=") ? (.ge, 2) : (.gt, 1)
        case UInt8(ascii: "+"): return (.add, 1)
        case UInt8(ascii: "-"): return (.sub, 1)
        case UInt8(ascii: "*"): return (.mul, 1)
        case UInt8(ascii: "/"): return (.div, 1)
        case UInt8(ascii: "%"): return d == UInt8(ascii: "{") ? nil : (.mod, 1)
        default: return nil
        }
    }

    private mutating func parseBinary(_ minPrec: Int, _ nl: Bool) throws -> HCLExpr {
        var lhs = try parseUnary(nl)
        while true {
            let save = pos
            skipSpace(newlines: nl)
            guard let (op, len) = peekOperator(), op.precedence > minPrec else { pos = save; return lhs }
            let opPos = position(pos)
            pos += len
            skipSpace(newlines: true)
            let rhs = try parseBinary(op.precedence, nl)
            lhs = .binary(op, lhs, rhs, opPos)
        }
    }

    private mutating func parseUnary(_ nl: Bool) throws -> HCLExpr {
        let start = position(pos)
        if cur == UInt8(ascii: "!") {
            pos += 1
            try enter(); defer { depth -= 1 }
            skipSpace(newlines: nl)
            return .not(try parseUnary(nl), start)
        }
        if cur == UInt8(ascii: "-") {
            pos += 1
            try enter(); defer { depth -= 1 }
            skipSpace(newlines: nl)
            let inner = try parseUnary(nl)
            if case .literal(.number(let n), _) = inner { return .literal(.number(n.hasPrefix("-") ? String(n.dropFirst()) : "-" + n), start) }
            return .negate(inner, start)
        }
        let primary = try parsePrimary(nl)
        return try parsePostfix(primary, nl)
    }

    private mutating func parsePostfix(_ base: HCLExpr, _ nl: Bool) throws -> HCLExpr {
        var e = base
        while true {
            let save = pos
            skipSpace(newlines: false)
            let p = position(pos)
            if cur == UInt8(ascii: "."), at(pos + 1) != UInt8(ascii: ".") {
                pos += 1
                if cur == UInt8(ascii: "*") {
                    pos += 1
                    var each: HCLExpr = .splatItem(p)
                    // attribute-only splat: `.name` (and legacy `.0`) steps
                    while cur == UInt8(ascii: "."), HCLParser.isIdentStart(at(pos + 1)) || HCLParser.isDigit(at(pos + 1)) {
                        pos += 1
                        each = try attrStep(each)
                    }
                    e = .splat(e, each, p)
                    continue
                }
                e = try attrStep(e)
                continue
            }
            if cur == UInt8(ascii: "[") {
                pos += 1
                skipSpace(newlines: true)
                if cur == UInt8(ascii: "*") {
                    pos += 1
                    skipSpace(newlines: true)
                    guard cur == UInt8(ascii: "]") else { throw fail("expected ']' after '[*', found \(describe())") }
                    pos += 1
                    var each: HCLExpr = .splatItem(p)
                    while true {
                        if cur == UInt8(ascii: "."), HCLParser.isIdentStart(at(pos + 1)) || HCLParser.isDigit(at(pos + 1)) {
                            pos += 1
                            each = try attrStep(each)
                        } else if cur == UInt8(ascii: "["), at(pos + 1) != UInt8(ascii: "*") {
                            let ip = position(pos)
                            pos += 1
                            skipSpace(newlines: true)
                            let k = try parseExpr(newlines: true)
                            skipSpace(newlines: true)
                            guard cur == UInt8(ascii: "]") else { throw fail("expected ']' to close the index, found \(describe())") }
                            pos += 1
                            each = .index(each, k, ip)
                        } else {
                            break
                        }
                    }
                    e = .splat(e, each, p)
                    continue
                }
                let k = try parseExpr(newlines: true)
                skipSpace(newlines: true)
                guard cur == UInt8(ascii: "]") else { throw fail("expected ']' to close the index, found \(describe())") }
                pos += 1
                e = .index(e, k, p)
                continue
            }
            pos = save
            return e
        }
    }

    private mutating func attrStep(_ e: HCLExpr) throws -> HCLExpr {
        let p = position(pos)
        if HCLParser.isDigit(cur) {
            let s = pos
            while HCLParser.isDigit(cur) { pos += 1 }
            return .index(e, .literal(.number(String(decoding: bytes[s..<pos], as: UTF8.self)), p), p)
        }
        guard let name = readIdent() else { throw fail("expected an attribute name after '.', found \(describe())") }
        return .getAttr(e, name, p)
    }

    private mutating func parsePrimary(_ nl: Bool) throws -> HCLExpr {
        let start = pos
        let p = position(pos)
        let c = cur
        if HCLParser.isDigit(c) { return .literal(.number(readNumber()), p) }
        if c == UInt8(ascii: "\"") {
            pos += 1
            try enter(); defer { depth -= 1 }
            let parts = try parseTemplateParts(quoted: true)
            return HCLParser.simplify(parts, p)
        }
        if c == UInt8(ascii: "<"), at(pos + 1) == UInt8(ascii: "<") { return try parseHeredoc() }
        if c == UInt8(ascii: "(") {
            pos += 1
            skipSpace(newlines: true)
            let e = try parseExpr(newlines: true)
            skipSpace(newlines: true)
            guard cur == UInt8(ascii: ")") else { throw fail("expected ')' to close the parenthesis opened at \(p.line):\(p.column), found \(describe())") }
            pos += 1
            return .parens(e, p)
        }
        if c == UInt8(ascii: "[") {
            pos += 1
            try enter(); defer { depth -= 1 }
            skipSpace(newlines: true)
            if isForKeyword() { return try parseFor(object: false, p) }
            var items: [HCLExpr] = []
            while true {
                skipSpace(newlines: true)
                if cur == UInt8(ascii: "]") { pos += 1; return .tuple(items, p) }
                items.append(try parseExpr(newlines: true))
                skipSpace(newlines: true)
                if cur == UInt8(ascii: ",") { pos += 1; continue }
                if cur == UInt8(ascii: "]") { pos += 1; return .tuple(items, p) }
                throw fail("expected ',' or ']' in the list opened at \(p.line):\(p.column), found \(describe())")
            }
        }
        if c == UInt8(ascii: "{") {
            pos += 1
            try enter(); defer { depth -= 1 }
            skipSpace(newlines: true)
            if isForKeyword() { return try parseFor(object: true, p) }
            var items: [(key: HCLExpr, value: HCLExpr)] = []
            while true {
                skipSpace(newlines: true)
                if cur == UInt8(ascii: "}") { pos += 1; return .object(items, p) }
                let kp = position(pos)
                var key: HCLExpr
                let save = pos
                if let name = readIdent() {
                    skipSpace(newlines: false)
                    if (cur == UInt8(ascii: "=") && at(pos + 1) != UInt8(ascii: "=")) || cur == UInt8(ascii: ":") {
                        key = .literal(.string(name), kp)
                    } else {
                        pos = save
                        key = try parseExpr(newlines: false)
                    }
                } else {
                    key = try parseExpr(newlines: false)
                }
                skipSpace(newlines: false)
                guard (cur == UInt8(ascii: "=") && at(pos + 1) != UInt8(ascii: "=")) || cur == UInt8(ascii: ":") else {
                    throw fail("expected '=' or ':' after the object key, found \(describe())")
                }
                pos += 1
                skipSpace(newlines: true)
                let v = try parseExpr(newlines: false)
                items.append((key, v))
                skipSpace(newlines: false)
                if cur == UInt8(ascii: ",") || cur == 0x0A { pos += 1; continue }
                if cur == UInt8(ascii: "}") { pos += 1; return .object(items, p) }
                throw fail("expected ',', a newline or '}' in the object opened at \(p.line):\(p.column), found \(describe())")
            }
        }
        if HCLParser.isIdentStart(c) {
            var name = readIdent()!
            // provider-defined functions: provider::NAME::function
            while cur == UInt8(ascii: ":"), at(pos + 1) == UInt8(ascii: ":"), HCLParser.isIdentStart(at(pos + 2)) {
                pos += 2
                name += "::" + readIdent()!
            }
            switch name {
            case "true": return .literal(.bool(true), p)
            case "false": return .literal(.bool(false), p)
            case "null": return .literal(.null, p)
            default: break
            }
            let save = pos
            skipSpace(newlines: false)
            if cur == UInt8(ascii: "(") {
                pos += 1
                try enter(); defer { depth -= 1 }
                var args: [HCLExpr] = []
                var expand = false
                while true {
                    skipSpace(newlines: true)
                    if cur == UInt8(ascii: ")") { pos += 1; break }
                    if expand { throw fail("'...' may only follow the last argument of \(name)") }
                    args.append(try parseExpr(newlines: true))
                    skipSpace(newlines: true)
                    if cur == UInt8(ascii: "."), at(pos + 1) == UInt8(ascii: "."), at(pos + 2) == UInt8(ascii: ".") {
                        pos += 3
                        expand = true
                        skipSpace(newlines: true)
                    }
                    if cur == UInt8(ascii: ",") { pos += 1; continue }
                    if cur == UInt8(ascii: ")") { pos += 1; break }
                    throw fail("expected ',' or ')' in the call of \(name) opened at \(p.line):\(p.column), found \(describe())")
                }
                return .call(name, args, expandFinal: expand, p)
            }
            pos = save
            return .variable(name, p)
        }
        pos = start
        throw fail("expected an expression, found \(describe())")
    }

    private func isForKeyword() -> Bool {
        guard keyword("for") else { return false }
        var i = pos + 3
        while at(i) == 0x20 || at(i) == 0x09 || at(i) == 0x0A || at(i) == 0x0D { i += 1 }
        return HCLParser.isIdentStart(at(i))
    }

    private mutating func parseFor(object: Bool, _ p: HCLPos) throws -> HCLExpr {
        pos += 3
        skipSpace(newlines: true)
        guard var first = readIdent() else { throw fail("expected a variable name after 'for', found \(describe())") }
        var second: String?
        skipSpace(newlines: true)
        if cur == UInt8(ascii: ",") {
            pos += 1
            skipSpace(newlines: true)
            guard let s = readIdent() else { throw fail("expected a second variable name after ',', found \(describe())") }
            second = s
            skipSpace(newlines: true)
        }
        guard keyword("in") else { throw fail("expected 'in' in the for expression, found \(describe())") }
        pos += 2
        skipSpace(newlines: true)
        let coll = try parseExpr(newlines: true)
        skipSpace(newlines: true)
        guard cur == UInt8(ascii: ":") else { throw fail("expected ':' after the collection of the for expression, found \(describe())") }
        pos += 1
        skipSpace(newlines: true)
        var keyExpr: HCLExpr?
        var value: HCLExpr
        var grouping = false
        if object {
            keyExpr = try parseExpr(newlines: true)
            skipSpace(newlines: true)
            guard cur == UInt8(ascii: "="), at(pos + 1) == UInt8(ascii: ">") else {
                throw fail("expected '=>' in the object for expression, found \(describe())")
            }
            pos += 2
            skipSpace(newlines: true)
            value = try parseExpr(newlines: true)
            skipSpace(newlines: true)
            if cur == UInt8(ascii: "."), at(pos + 1) == UInt8(ascii: "."), at(pos + 2) == UInt8(ascii: ".") {
                pos += 3
                grouping = true
                skipSpace(newlines: true)
            }
        } else {
            value = try parseExpr(newlines: true)
            skipSpace(newlines: true)
        }
        var cond: HCLExpr?
        if keyword("if") {
            pos += 2
            skipSpace(newlines: true)
            cond = try parseExpr(newlines: true)
            skipSpace(newlines: true)
        }
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        guard cur == close else {
            throw fail("expected '\(object ? "}" : "]")' to close the for expression opened at \(p.line):\(p.column), found \(describe())")
        }
        pos += 1
        var keyVar: String? = nil
        if let s = second { keyVar = first; first = s }
        return .forExpr(HCLForExpr(keyVar: keyVar, valueVar: first, collection: coll, keyExpr: keyExpr, valueExpr: value,
                                   condition: cond, grouping: grouping), p)
    }

    private mutating func readNumber() -> String {
        let s = pos
        while HCLParser.isDigit(cur) { pos += 1 }
        if cur == UInt8(ascii: "."), HCLParser.isDigit(at(pos + 1)) {
            pos += 1
            while HCLParser.isDigit(cur) { pos += 1 }
        }
        if cur == UInt8(ascii: "e") || cur == UInt8(ascii: "E") {
            var i = pos + 1
            if at(i) == UInt8(ascii: "+") || at(i) == UInt8(ascii: "-") { i += 1 }
            if HCLParser.isDigit(at(i)) {
                pos = i
                while HCLParser.isDigit(cur) { pos += 1 }
            }
        }
        return String(decoding: bytes[s..<pos], as: UTF8.self)
    }

    // MARK: - templates

    private enum Piece {
        case text(String)
        case interp(HCLExpr)
        case ifOpen(HCLExpr, HCLPos)
        case elseMark(HCLPos)
        case endIf(HCLPos)
        case forOpen(String?, String, HCLExpr, HCLPos)
        case endFor(HCLPos)
    }

    /// Parses template text up to the closing quote (quoted) or the limit (heredocs, template files).
    mutating func parseTemplateParts(quoted: Bool) throws -> [HCLTemplatePart] {
        var pieces: [Piece] = []
        var strip: [(left: Bool, right: Bool)] = []
        var text: [UInt8] = []
        let openPos = pos
        func flush() {
            if !text.isEmpty {
                pieces.append(.text(String(decoding: text, as: UTF8.self)))
                strip.append((false, false))
                text.removeAll(keepingCapacity: true)
            }
        }
        while true {
            guard pos < limit else {
                if quoted { throw fail("unterminated string: missing the closing '\"' of the string opened here", at: openPos - 1) }
                break
            }
            let c = bytes[pos]
            if quoted && c == UInt8(ascii: "\"") { pos += 1; break }
            if quoted && c == 0x0A {
                throw fail("unterminated string: a quoted string cannot span lines (close it, or use a heredoc <<EOT)")
            }
            if quoted && c == UInt8(ascii: "\\") {
                try readEscape(into: &text)
                continue
            }
            if (c == UInt8(ascii: "$") || c == UInt8(ascii: "%")) && at(pos + 1) == c && at(pos + 2) == UInt8(ascii: "{") {
                text.append(c); text.append(UInt8(ascii: "{"))
                pos += 3
                continue
            }
            if c == UInt8(ascii: "$") && at(pos + 1) == UInt8(ascii: "{") {
                flush()
                pos += 2
                var left = false
                if cur == UInt8(ascii: "~") { left = true; pos += 1 }
                try enter()
                skipSpace(newlines: true)
                let e = try parseExpr(newlines: true)
                depth -= 1
                skipSpace(newlines: true)
                var right = false
                if cur == UInt8(ascii: "~") { right = true; pos += 1 }
                guard cur == UInt8(ascii: "}") else { throw fail("expected '}' to close the interpolation, found \(describe())") }
                pos += 1
                pieces.append(.interp(e))
                strip.append((left, right))
                continue
            }
            if c == UInt8(ascii: "%") && at(pos + 1) == UInt8(ascii: "{") {
                flush()
                let dp = position(pos)
                pos += 2
                var left = false
                if cur == UInt8(ascii: "~") { left = true; pos += 1 }
                skipSpace(newlines: true)
                let piece: Piece
                if keyword("if") {
                    pos += 2
                    skipSpace(newlines: true)
                    try enter()
                    piece = .ifOpen(try parseExpr(newlines: true), dp)
                    depth -= 1
                } else if keyword("else") {
                    pos += 4; piece = .elseMark(dp)
                } else if keyword("endif") {
                    pos += 5; piece = .endIf(dp)
                } else if keyword("endfor") {
                    pos += 6; piece = .endFor(dp)
                } else if keyword("for") {
                    pos += 3
                    skipSpace(newlines: true)
                    guard var first = readIdent() else { throw fail("expected a variable name after 'for', found \(describe())") }
                    skipSpace(newlines: true)
                    var key: String?
                    if cur == UInt8(ascii: ",") {
                        pos += 1
                        skipSpace(newlines: true)
                        guard let s = readIdent() else { throw fail("expected a variable name after ',', found \(describe())") }
                        key = first; first = s
                        skipSpace(newlines: true)
                    }
                    guard keyword("in") else { throw fail("expected 'in' in the for directive, found \(describe())") }
                    pos += 2
                    skipSpace(newlines: true)
                    try enter()
                    piece = .forOpen(key, first, try parseExpr(newlines: true), dp)
                    depth -= 1
                } else {
                    throw fail("expected if, else, endif, for or endfor in the template directive, found \(describe())")
                }
                skipSpace(newlines: true)
                var right = false
                if cur == UInt8(ascii: "~") { right = true; pos += 1 }
                guard cur == UInt8(ascii: "}") else { throw fail("expected '}' to close the template directive, found \(describe())") }
                pos += 1
                pieces.append(piece)
                strip.append((left, right))
                continue
            }
            text.append(c)
            pos += 1
        }
        flush()
        // strip markers: `~` trims the white space (and newlines) of the neighbouring literal text
        for i in pieces.indices {
            guard case .text(var s) = pieces[i] else { continue }
            if i > 0, strip[i - 1].right { s = String(s.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })) }
            if i + 1 < pieces.count, strip[i + 1].left {
                while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
            }
            pieces[i] = .text(s)
        }
        var index = 0
        return try buildTemplate(pieces, &index, until: .none).parts
    }

    private enum Closer { case none, ifBlock, forBlock }
    private enum Ended { case eof, elseMark, endIf, endFor }

    private mutating func buildTemplate(_ pieces: [Piece], _ i: inout Int, until: Closer) throws -> (parts: [HCLTemplatePart], ended: Ended) {
        var out: [HCLTemplatePart] = []
        while i < pieces.count {
            let piece = pieces[i]
            i += 1
            switch piece {
            case .text(let s): if !s.isEmpty { out.append(.literal(s)) }
            case .interp(let e): out.append(.interpolation(e))
            case .ifOpen(let cond, let p):
                var (then, ended) = try buildTemplate(pieces, &i, until: .ifBlock)
                var elseParts: [HCLTemplatePart] = []
                if ended == .elseMark {
                    let r = try buildTemplate(pieces, &i, until: .ifBlock)
                    elseParts = r.parts
                    ended = r.ended
                    if ended == .elseMark { throw directiveError("a second %{ else } in the same %{ if }", p) }
                }
                guard ended == .endIf else { throw directiveError("%{ if } without its %{ endif }", p) }
                out.append(.ifDirective(cond: cond, then: then, else: elseParts))
            case .forOpen(let k, let v, let coll, let p):
                let (body, ended) = try buildTemplate(pieces, &i, until: .forBlock)
                guard ended == .endFor else { throw directiveError("%{ for } without its %{ endfor }", p) }
                out.append(.forDirective(key: k, value: v, collection: coll, body: body))
            case .elseMark(let p):
                if until == .ifBlock { return (out, .elseMark) }
                throw directiveError("%{ else } outside an %{ if }", p)
            case .endIf(let p):
                if until == .ifBlock { return (out, .endIf) }
                throw directiveError("%{ endif } without an %{ if }", p)
            case .endFor(let p):
                if until == .forBlock { return (out, .endFor) }
                throw directiveError("%{ endfor } without a %{ for }", p)
            }
        }
        return (out, .eof)
    }

    private func directiveError(_ message: String, _ p: HCLPos) -> CostGateError {
        CostGateError(message, at: SourceLocation(file: file, line: p.line, column: p.column))
    }

    private mutating func readEscape(into text: inout [UInt8]) throws {
        let start = pos
        pos += 1
        let c = cur
        pos += 1
        switch c {
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "\""): text.append(0x22)
        case UInt8(ascii: "\\"): text.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = c == UInt8(ascii: "u") ? 4 : 8
            var v: UInt32 = 0
            for _ in 0..<n {
                let h = cur
                let d: UInt32
                switch h {
                case 0x30...0x39: d = UInt32(h - 0x30)
                case 0x61...0x66: d = UInt32(h - 0x61 + 10)
                case 0x41...0x46: d = UInt32(h - 0x41 + 10)
                default: throw fail("invalid escape: \\\(c == UInt8(ascii: "u") ? "u" : "U") needs \(n) hexadecimal digits", at: start)
                }
                v = v * 16 + d
                pos += 1
            }
            guard let scalar = Unicode.Scalar(v) else { throw fail("invalid escape: \\u\(v) is not a Unicode character", at: start) }
            text.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            pos = start
            throw fail("invalid escape sequence \\\(c == 0 ? "" : HCLText.echo([c][...])); use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN")
        }
    }

    /// A template of one literal is a string literal.
    static func simplify(_ parts: [HCLTemplatePart], _ p: HCLPos) -> HCLExpr {
        if parts.isEmpty { return .literal(.string(""), p) }
        if parts.count == 1, case .literal(let s) = parts[0] { return .literal(.string(s), p) }
        return .template(parts, p)
    }

    // MARK: - heredocs

    private mutating func parseHeredoc() throws -> HCLExpr {
        let p = position(pos)
        pos += 2
        var indent = false
        if cur == UInt8(ascii: "-") { indent = true; pos += 1 }
        let markStart = pos
        guard let marker = readIdent() else { throw fail("expected a heredoc marker after '<<', like <<EOT", at: markStart) }
        while cur == 0x20 || cur == 0x09 || cur == 0x0D { pos += 1 }
        guard cur == 0x0A else { throw fail("expected a newline after the heredoc marker \(marker), found \(describe())") }
        pos += 1
        let contentStart = pos
        let m = Array(marker.utf8)
        // find the closing line: optional indentation, the marker, end of line
        var lineStart = contentStart
        var closing: (start: Int, end: Int)?
        while lineStart <= limit {
            var i = lineStart
            while i < limit, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if i + m.count <= limit, Array(bytes[i..<i + m.count]) == m {
                var j = i + m.count
                while j < limit, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j >= limit || bytes[j] == 0x0A { closing = (lineStart, j); break }
            }
            while i < limit, bytes[i] != 0x0A { i += 1 }
            if i >= limit { break }
            lineStart = i + 1
        }
        guard let close = closing else {
            throw fail("heredoc \(marker) is not closed: no line holding only \(marker) follows", at: markStart)
        }
        var parts: [HCLTemplatePart]
        if !indent {
            let savedLimit = limit
            limit = close.start
            pos = contentStart
            parts = try parseTemplateParts(quoted: false)
            limit = savedLimit
        } else {
            // <<- : remove the smallest indentation of the non-blank lines
            var lines: [ArraySlice<UInt8>] = []
            var s = contentStart
            while s < close.start {
                var e = s
                while e < close.start, bytes[e] != 0x0A { e += 1 }
                lines.append(bytes[s..<e])
                s = e + 1
            }
            var minIndent = Int.max
            for line in lines {
                var n = 0
                for b in line { if b == 0x20 || b == 0x09 { n += 1 } else { break } }
                if n < line.count { minIndent = min(minIndent, n) }
            }
            if minIndent == Int.max { minIndent = 0 }
            var text: [UInt8] = []
            for line in lines {
                text.append(contentsOf: line.dropFirst(min(minIndent, line.count)))
                text.append(0x0A)
            }
            var sub = HCLParser(bytes: text, file: file)
            sub.pos = 0
            let cp = position(contentStart)
            sub.lineBase = cp.line - 1
            sub.columnBase = minIndent
            sub.depth = depth
            parts = try sub.parseTemplateParts(quoted: false)
        }
        pos = close.end
        return HCLParser.simplify(parts, p)
    }
}

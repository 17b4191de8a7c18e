import FoundationEssentials
/// A pull reader over JSON bytes. It materializes only what the caller asks for and skips the rest
/// with a validating scan that allocates nothing, so a 100 MB plan is read at memory speed and a
/// syntax error anywhere in it is reported with its line and column.
///
/// Valid only inside the `withUnsafeBufferPointer` scope that created it.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    let file: String
    /// Control characters in strings are kept as escapes (`\n`), so that input cannot forge lines in
    /// reports or logs; off for text that is ours to round-trip (a comment's body read back from a forge).
    var escapesControls = true
    let maxDepth = Limits.maxDepth
    /// Shares the text of repeated long object keys (`delete_on_termination` in every block device).
    var keys: Interner?

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, file: String) {
        self.bytes = bytes
        self.pos = start
        self.file = file
    }

    struct Container { var first = true }

    // MARK: errors

    func location(of offset: Int) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        // column in characters, not bytes
        var column = 1
        var j = lineStart
        while j < end {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    func fail(_ message: String, at offset: Int? = nil) -> CostGateError {
        CostGateError(message, at: location(of: offset ?? pos))
    }

    func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let c = bytes[offset]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c == 0x0A { return "a line break" }
        return String(format: c)
    }

    private func String(format byte: UInt8) -> Swift.String {
        let hex = Array("0123456789ABCDEF")
        return "byte 0x\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
    }

    // MARK: scanning

    /// The offset of the first byte at or after `from` that is a quote, a backslash or a control
    /// character (eight bytes at a time), or `bytes.count`.
    @inline(__always) func scanString(from: Int) -> Int {
        var i = from
        let n = bytes.count
        let base = bytes.baseAddress!
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let q = w ^ (ones &* 0x22)
            let b = w ^ (ones &* 0x5C)
            let hasQuote = (q &- ones) & ~q & highs
            let hasBackslash = (b &- ones) & ~b & highs
            let hasControl = (w &- (ones &* 0x20)) & ~w & highs
            if (hasQuote | hasBackslash | hasControl) != 0 { break }
            i += 8
        }
        while i < n {
            let c = base[i]
            if c == 0x22 || c == 0x5C || c < 0x20 { return i }
            i += 1
        }
        return n
    }

    /// A key read by `nextKeyRange`, escapes resolved (`instance\u005ftype` is `instance_type`).
    func decodedKey(_ range: Range<Int>) throws -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        if !raw.contains(UInt8(ascii: "\\")) { return Swift.String(decoding: raw, as: UTF8.self) }
        return try unescape(raw, at: range.lowerBound)
    }

    /// Reads a key without allocating: its bytes (no escapes) as a range, for matching against wanted names.
    mutating func nextKeyRange(_ state: inout Container) throws -> Range<Int>? {
        guard try advance(&state, close: UInt8(ascii: "}"), container: "an object") else { return nil }
        state.first = false
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
            throw fail("invalid JSON: expected a quoted key, found \(describe(at: pos))")
        }
        let start = pos + 1
        try skipString()
        try expect(UInt8(ascii: ":"), "':' after a key")
        return start..<(start + max(0, keyEnd - start))
    }

    /// Where the last skipped string's content ended (before its closing quote).
    private(set) var keyEnd = 0

    @inline(__always) mutating func skipWhitespace() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    @inline(__always) mutating func peek() -> UInt8? {
        skipWhitespace()
        return pos < bytes.count ? bytes[pos] : nil
    }

    mutating func expect(_ c: UInt8, _ what: String) throws {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == c else {
            throw fail("invalid JSON: expected \(what), found \(describe(at: pos))")
        }
        pos += 1
    }

    mutating func beginObject() throws -> Container {
        try expect(UInt8(ascii: "{"), "'{'")
        return Container()
    }

    mutating func beginArray() throws -> Container {
        try expect(UInt8(ascii: "["), "'['")
        return Container()
    }

    /// The next key of an object (its ':' consumed), or nil at the closing brace.
    mutating func nextKey(_ state: inout Container) throws -> String? {
        guard let range = try nextKeyRange(&state) else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        if !raw.contains(UInt8(ascii: "\\")) {
            if escapesControls, Limits.hasControl(raw) { return Limits.escapingControls(Swift.String(decoding: raw, as: UTF8.self), keepingTabs: true) }
            return Swift.String(decoding: raw, as: UTF8.self)
        }
        return try unescape(raw, at: range.lowerBound)
    }

    /// True when another element follows (positioned at it); false at the closing bracket.
    mutating func nextElement(_ state: inout Container) throws -> Bool {
        guard try advance(&state, close: UInt8(ascii: "]"), container: "an array") else { return false }
        state.first = false
        return true
    }

    /// Steps past the ',' between members (none before the first), or consumes the closing bracket and
    /// returns false.
    private mutating func advance(_ state: inout Container, close: UInt8, container: String) throws -> Bool {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("invalid JSON: unexpected end of file inside \(container)") }
        if bytes[pos] == close { pos += 1; return false }
        if !state.first {
            guard bytes[pos] == UInt8(ascii: ",") else {
                throw fail("invalid JSON: expected ',' or '\(Character(Unicode.Scalar(close)))' in \(container), found \(describe(at: pos))")
            }
            pos += 1
            skipWhitespace()
        }
        return true
    }

    /// Consumes `null` if it is next.
    mutating func consumeNull() -> Bool {
        skipWhitespace()
        if pos + 4 <= bytes.count, bytes[pos] == UInt8(ascii: "n"), bytes[pos + 1] == UInt8(ascii: "u"),
           bytes[pos + 2] == UInt8(ascii: "l"), bytes[pos + 3] == UInt8(ascii: "l") {
            pos += 4
            return true
        }
        return false
    }

    mutating func readString() throws -> String {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
            throw fail("invalid JSON: expected a string, found \(describe(at: pos))")
        }
        let start = pos
        pos += 1
        let contentStart = pos
        var hasEscape = false
        while true {
            pos = scanString(from: pos)
            guard pos < bytes.count else { throw fail("invalid JSON: string is not closed", at: start) }
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") { hasEscape = true; pos += 2; continue }
            throw fail("invalid JSON: control character inside a string (is a closing quote missing?)")
        }
        let contentEnd = pos
        pos += 1
        let raw = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
        if !hasEscape {
            // JSON allows DEL, C1 controls and U+2028 raw in strings: kept as their escapes too
            if escapesControls, Limits.hasControl(raw) { return Limits.escapingControls(Swift.String(decoding: raw, as: UTF8.self), keepingTabs: true) }
            return Swift.String(decoding: raw, as: UTF8.self)
        }
        return try unescape(raw, at: contentStart)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= raw.count else { throw fail("invalid JSON: bad \\u escape", at: offset + at) }
            var v: UInt32 = 0
            for k in 0..<4 {
                let h = raw[at + k]
                v <<= 4
                switch h {
                case 48...57: v |= UInt32(h - 48)
                case 65...70: v |= UInt32(h - 55)
                case 97...102: v |= UInt32(h - 87)
                default: throw fail("invalid JSON: bad \\u escape", at: offset + at)
                }
            }
            return v
        }
        while i < raw.count {
            let c = raw[i]
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            guard i + 1 < raw.count else { throw fail("invalid JSON: bad escape", at: offset + i) }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i)
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00, i + 6 <= raw.count, raw[i] == 0x5C, raw[i + 1] == UInt8(ascii: "u") {
                    let low = try hex4(i + 2)
                    if low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(Swift.String(Character(u)).utf8))
            default:
                throw fail("invalid JSON: unknown escape '\\\(Character(Unicode.Scalar(e)))'", at: offset + i - 2)
            }
        }
        // control characters an escape made (`\n`, `\u001b`) are kept as their escapes: no value read from
        // input can break a line of an error or a report, or start a terminal sequence
        if escapesControls, out.withUnsafeBufferPointer({ Limits.hasControl($0) }) {
            return Limits.escapingControls(Swift.String(decoding: out, as: UTF8.self), keepingTabs: true)
        }
        return Swift.String(decoding: out, as: UTF8.self)
    }

    /// A string, or nil for `null`.
    mutating func readStringOrNull() throws -> String? {
        if consumeNull() { return nil }
        return try readString()
    }

    /// The literal text of a number.
    mutating func readNumber() throws -> String {
        skipWhitespace()
        let start = pos
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        var digits = 0
        while pos < bytes.count, bytes[pos] >= 48, bytes[pos] <= 57 { pos += 1; digits += 1 }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            while pos < bytes.count, bytes[pos] >= 48, bytes[pos] <= 57 { pos += 1; digits += 1 }
        }
        if digits > 0, pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            var exp = 0
            while pos < bytes.count, bytes[pos] >= 48, bytes[pos] <= 57 { pos += 1; exp += 1 }
            if exp == 0 { digits = 0 }
        }
        guard digits > 0 else { throw fail("invalid JSON: unexpected \(describe(at: start))", at: start) }
        return Swift.String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    }

    private mutating func literal(_ word: StaticString) throws {
        let start = pos
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw fail("invalid JSON: unexpected \(describe(at: start))", at: start) }
        for k in 0..<n where bytes[pos + k] != word.utf8Start[k] {
            throw fail("invalid JSON: unexpected \(describe(at: start))", at: start)
        }
        pos += n
    }

    /// Materializes the next value.
    mutating func readValue(depth: Int = 0) throws -> Value {
        guard depth < maxDepth else { throw fail("invalid JSON: nested more than \(maxDepth) levels deep") }
        guard let c = peek() else { throw fail("invalid JSON: unexpected end of file") }
        switch c {
        case UInt8(ascii: "{"):
            var state = try beginObject()
            var members = Members(reservingCapacity: 8)
            while let key = try nextKey(&state) {
                members.append(keys?.intern(key) ?? key, try readValue(depth: depth + 1))
            }
            members.compact()
            return .object(members)
        case UInt8(ascii: "["):
            var state = try beginArray()
            var items: [Value] = []
            while try nextElement(&state) { items.append(try readValue(depth: depth + 1)) }
            if items.capacity > items.count + 1 { items = Array(items[...]) }
            return .array(items)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            let start = pos
            let n = try readNumber()
            guard Limits.numberInRange(n) else {
                throw fail("the number \(Limits.echo(n)) is out of range: costgate reads numbers from 1e-18 to 1e18 (and zero)", at: start)
            }
            return .number(n)
        }
    }

    /// Bytes that may stand outside strings in JSON: white space, structure, numbers, true/false/null.
    static let legalOutsideStrings: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in Array(" \t\r\n,:".utf8) { t[Int(c)] = true }
        return t
    }()

    /// Skips the next value in one tight loop: strings must close and hold no control characters, words
    /// must be true, false or null, numbers well formed, brackets balanced and matched, and only JSON's
    /// punctuation may stand between. (A missing comma in a section no one reads passes; the sections
    /// costgate reads are checked token by token.)
    mutating func skipValue(depth: Int = 0) throws {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("invalid JSON: unexpected end of file") }
        let first = bytes[pos]
        if first != UInt8(ascii: "{") && first != UInt8(ascii: "[") { return try skipScalar() }
        var stack: [UInt8] = []
        stack.reserveCapacity(16)
        let legal = Self.legalOutsideStrings
        while pos < bytes.count {
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: "\""):
                try skipString()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(c)
                if stack.count > maxDepth { throw fail("invalid JSON: nested more than \(maxDepth) levels deep") }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                let open: UInt8 = c == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "[")
                guard stack.last == open else {
                    throw fail("invalid JSON: unexpected \(describe(at: pos)) (is a bracket unbalanced?)")
                }
                stack.removeLast()
                if stack.isEmpty { pos += 1; return }
            case UInt8(ascii: "t"): try literal("true"); continue
            case UInt8(ascii: "f"): try literal("false"); continue
            case UInt8(ascii: "n"): try literal("null"); continue
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber(); continue
            default:
                guard legal[Int(c)] else { throw fail("invalid JSON: unexpected \(describe(at: pos))") }
            }
            pos += 1
        }
        throw fail("invalid JSON: unexpected end of file inside \(stack.last == UInt8(ascii: "{") ? "an object" : "an array")")
    }

    private mutating func skipScalar() throws {
        switch bytes[pos] {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try readNumber()
        }
    }

    /// Skips the next value checking every token (used where a mistake must be found exactly).
    mutating func skipValueStrictly(depth: Int = 0) throws {
        guard depth < maxDepth else { throw fail("invalid JSON: nested more than \(maxDepth) levels deep") }
        guard let c = peek() else { throw fail("invalid JSON: unexpected end of file") }
        switch c {
        case UInt8(ascii: "{"):
            var state = try beginObject()
            while try nextKeyRange(&state) != nil { try skipValueStrictly(depth: depth + 1) }
        case UInt8(ascii: "["):
            var state = try beginArray()
            while try nextElement(&state) { try skipValueStrictly(depth: depth + 1) }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try readNumber()
        }
    }

    private mutating func skipString() throws {
        let start = pos
        pos += 1
        while true {
            pos = scanString(from: pos)
            guard pos < bytes.count else { break }
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") { keyEnd = pos; pos += 1; return }
            if c == UInt8(ascii: "\\") { pos += 2; continue }
            throw fail("invalid JSON: control character inside a string (is a closing quote missing?)")
        }
        throw fail("invalid JSON: string is not closed", at: start)
    }
}

import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// A regular-expression engine for `regex`, `regexall` and `replace(…, "/re/", …)`: a subset of RE2's
/// syntax (literals, `.`, classes with ranges and `\d \w \s`, `^ $`, groups, `(?:…)`, `(?P<name>…)`,
/// alternation, `* + ? {n,m}` greedy or lazy) run by a Pike VM, so matching is linear in the input
/// (time ∝ text × pattern), never exponential backtracking. Not supported: back-references (RE2 has
/// none either), look-around, flags other than none.
struct HCLRegex {
    private indirect enum Node {
        case chars(CharClass)
        case start, end
        case concat([Node])
        case alt([Node])
        case group(Node, Int?)          // capture index
        case repeatN(Node, Int, Int?, Bool)   // min, max (nil = unbounded), lazy
        case empty
    }

    struct CharClass {
        var ranges: [(UInt32, UInt32)] = []
        var negated = false
        func matches(_ c: UInt32) -> Bool {
            var hit = false
            for (lo, hi) in ranges where c >= lo && c <= hi { hit = true; break }
            return hit != negated
        }
    }

    private enum Inst {
        case char(CharClass)
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        case assertStart, assertEnd
        case match
    }

    private var program: [Inst] = []
    private(set) var groupCount = 0
    private(set) var groupNames: [Int: String] = [:]

    init(_ pattern: String, _ p: HCLPos?) throws {
        var parser = PatternParser(chars: Array(pattern.unicodeScalars).map(\.value), pos: p)
        let node = try parser.parseAlt()
        guard parser.i == parser.chars.count else { throw HCLEvalError("regex: unexpected ')' in the pattern", p) }
        groupCount = parser.groups
        groupNames = parser.names
        program.append(.save(0))
        try compile(node, p)
        program.append(.save(1))
        program.append(.match)
    }

    private struct PatternParser {
        var chars: [UInt32]
        var i = 0
        var groups = 0
        var names: [Int: String] = [:]
        let pos: HCLPos?
        init(chars: [UInt32], pos: HCLPos?) { self.chars = chars; self.pos = pos }

        func fail(_ m: String) -> HCLEvalError { HCLEvalError("regex: \(m)", pos) }
        var peek: UInt32? { i < chars.count ? chars[i] : nil }

        mutating func parseAlt() throws -> Node {
            var alts = [try parseConcat()]
            while peek == 0x7C { i += 1; alts.append(try parseConcat()) }
            return alts.count == 1 ? alts[0] : .alt(alts)
        }

        mutating func parseConcat() throws -> Node {
            var items: [Node] = []
            while let c = peek, c != 0x7C, c != 0x29 {
                var atom = try parseAtom()
                while let q = peek {
                    var minN = 0, maxN: Int? = nil
                    if q == 0x2A { i += 1 } else if q == 0x2B { i += 1; minN = 1 } else if q == 0x3F { i += 1; maxN = 1 }
                    else if q == 0x7B, let (a, b) = try parseBraces() { minN = a; maxN = b }
                    else { break }
                    var lazy = false
                    if peek == 0x3F { lazy = true; i += 1 }
                    if minN > 1000 || (maxN ?? 0) > 1000 { throw fail("repetition count above 1000") }
                    atom = .repeatN(atom, minN, maxN, lazy)
                }
                items.append(atom)
            }
            return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
        }

        mutating func parseBraces() throws -> (Int, Int?)? {
            var j = i + 1
            var a = 0, digits = 0
            while j < chars.count, chars[j] >= 0x30, chars[j] <= 0x39 { a = a * 10 + Int(chars[j] - 0x30); j += 1; digits += 1; if a > 100_000 { break } }
            guard digits > 0 else { return nil }
            var b: Int? = a
            if j < chars.count, chars[j] == 0x2C {
                j += 1
                var bb = 0, bd = 0
                while j < chars.count, chars[j] >= 0x30, chars[j] <= 0x39 { bb = bb * 10 + Int(chars[j] - 0x30); j += 1; bd += 1; if bb > 100_000 { break } }
                b = bd > 0 ? bb : nil
            }
            guard j < chars.count, chars[j] == 0x7D else { return nil }
            i = j + 1
            if let b, b < a { throw fail("invalid repetition {\(a),\(b)}") }
            return (a, b)
        }

        mutating func parseAtom() throws -> Node {
            let c = chars[i]
            i += 1
            switch c {
            case 0x28: // (
                var capture: Int? = nil
                if peek == 0x3F {
                    i += 1
                    if peek == 0x3A { i += 1 } else if peek == 0x50 || peek == 0x3C {
                        if peek == 0x50 { i += 1 }
                        guard peek == 0x3C else { throw fail("bad named group") }
                        i += 1
                        var name = ""
                        while let ch = peek, ch != 0x3E { name.unicodeScalars.append(Unicode.Scalar(ch)!); i += 1 }
                        guard peek == 0x3E else { throw fail("unterminated group name") }
                        i += 1
                        groups += 1
                        capture = groups
                        names[groups] = name
                    } else { throw fail("flags and look-around (?…) are not supported") }
                } else {
                    groups += 1
                    capture = groups
                }
                let inner = try parseAlt()
                guard peek == 0x29 else { throw fail("missing ')'") }
                i += 1
                return .group(inner, capture)
            case 0x5B: return .chars(try parseClass())
            case 0x2E: return .chars(CharClass(ranges: [(0x0A, 0x0A)], negated: true))
            case 0x5E: return .start
            case 0x24: return .end
            case 0x5C: return .chars(try parseEscape(inClass: false))
            case 0x2A, 0x2B, 0x3F: throw fail("nothing to repeat")
            default: return .chars(CharClass(ranges: [(c, c)]))
            }
        }

        mutating func parseEscape(inClass: Bool) throws -> CharClass {
            guard let e = peek else { throw fail("trailing backslash") }
            i += 1
            let digit: [(UInt32, UInt32)] = [(0x30, 0x39)]
            let word: [(UInt32, UInt32)] = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
            let space: [(UInt32, UInt32)] = [(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)]
            switch e {
            case 0x64: return CharClass(ranges: digit)
            case 0x44: return CharClass(ranges: digit, negated: true)
            case 0x77: return CharClass(ranges: word)
            case 0x57: return CharClass(ranges: word, negated: true)
            case 0x73: return CharClass(ranges: space)
            case 0x53: return CharClass(ranges: space, negated: true)
            case 0x6E: return CharClass(ranges: [(0x0A, 0x0A)])
            case 0x74: return CharClass(ranges: [(0x09, 0x09)])
            case 0x72: return CharClass(ranges: [(0x0D, 0x0D)])
            default:
                if (e >= 0x41 && e <= 0x5A) || (e >= 0x61 && e <= 0x7A) || (e >= 0x30 && e <= 0x39) {
                    throw fail("escape \\\(Unicode.Scalar(e)!) is not supported")
                }
                return CharClass(ranges: [(e, e)])
            }
        }

        mutating func parseClass() throws -> CharClass {
            var cls = CharClass()
            if peek == 0x5E { cls.negated = true; i += 1 }
            var first = true
            while let c = peek, c != 0x5D || first {
                first = false
                i += 1
                var lo = c
                if c == 0x5C {
                    let sub = try parseEscape(inClass: true)
                    if sub.negated || sub.ranges.count != 1 || sub.ranges[0].0 != sub.ranges[0].1 {
                        if sub.negated { throw fail("negated escapes inside [] are not supported") }
                        cls.ranges += sub.ranges
                        continue
                    }
                    lo = sub.ranges[0].0
                }
                if peek == 0x2D, i + 1 < chars.count, chars[i + 1] != 0x5D {
                    i += 1
                    var hi = chars[i]
                    i += 1
                    if hi == 0x5C { let sub = try parseEscape(inClass: true); hi = sub.ranges.first?.0 ?? hi }
                    guard hi >= lo else { throw fail("invalid range in []") }
                    cls.ranges.append((lo, hi))
                } else {
                    cls.ranges.append((lo, lo))
                }
            }
            guard peek == 0x5D else { throw fail("missing ']'") }
            i += 1
            return cls
        }
    }

    private mutating func compile(_ n: Node, _ p: HCLPos?) throws {
        guard program.count < 100_000 else { throw HCLEvalError("regex: the pattern is too large", p) }
        switch n {
        case .empty: break
        case .chars(let c): program.append(.char(c))
        case .start: program.append(.assertStart)
        case .end: program.append(.assertEnd)
        case .concat(let items): for x in items { try compile(x, p) }
        case .alt(let alts):
            var jumps: [Int] = []
            for (k, x) in alts.enumerated() {
                if k < alts.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    try compile(x, p)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try compile(x, p)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .group(let inner, let cap):
            if let c = cap { program.append(.save(2 * c)) }
            try compile(inner, p)
            if let c = cap { program.append(.save(2 * c + 1)) }
        case .repeatN(let inner, let minN, let maxN, let lazy):
            for _ in 0..<minN { try compile(inner, p) }
            if let maxN {
                var ends: [Int] = []
                for _ in minN..<maxN {
                    let split = program.count
                    program.append(.split(0, 0))
                    try compile(inner, p)
                    ends.append(split)
                }
                for s in ends { program[s] = lazy ? .split(program.count, s + 1) : .split(s + 1, program.count) }
            } else {
                let split = program.count
                program.append(.split(0, 0))
                try compile(inner, p)
                program.append(.jump(split))
                program[split] = lazy ? .split(program.count, split + 1) : .split(split + 1, program.count)
            }
        }
    }

    // MARK: - matching (Pike VM: leftmost-first, like RE2)

    typealias Match = [Int?]   // capture offsets in scalars: [start0, end0, start1, end1, …]

    private struct Thread { var pc: Int; var caps: Match }

    private func addThread(_ list: inout [Thread], _ seen: inout [Int], _ gen: Int, _ t: Thread, _ at: Int, _ n: Int) {
        var stack = [t]
        while let th = stack.popLast() {
            if seen[th.pc] == gen { continue }
            seen[th.pc] = gen
            switch program[th.pc] {
            case .jump(let x): stack.append(Thread(pc: x, caps: th.caps))
            case .split(let x, let y):
                stack.append(Thread(pc: y, caps: th.caps))
                stack.append(Thread(pc: x, caps: th.caps))
            case .save(let k):
                var caps = th.caps
                if k < caps.count { caps[k] = at }
                stack.append(Thread(pc: th.pc + 1, caps: caps))
            case .assertStart: if at == 0 { stack.append(Thread(pc: th.pc + 1, caps: th.caps)) }
            case .assertEnd: if at == n { stack.append(Thread(pc: th.pc + 1, caps: th.caps)) }
            default: list.append(th)
            }
        }
    }

    func match(_ text: [UInt32], from start: Int) -> Match? {
        let slots = 2 * (groupCount + 1)
        var current: [Thread] = []
        var next: [Thread] = []
        var seen = [Int](repeating: -1, count: program.count)
        var gen = 0
        var matched: Match?
        var i = start
        while true {
            if matched == nil {
                gen += 1
                // a new thread starting here has the lowest priority
                var fresh: [Thread] = []
                addThread(&fresh, &seen, gen, Thread(pc: 0, caps: Array(repeating: nil, count: slots)), i, text.count)
                // keep threads already running ahead of it
                var merged: [Thread] = []
                merged.reserveCapacity(current.count + fresh.count)
                merged.append(contentsOf: current)
                merged.append(contentsOf: fresh)
                current = merged
            }
            if current.isEmpty { break }
            gen += 1
            next.removeAll(keepingCapacity: true)
            for th in current {
                switch program[th.pc] {
                case .match:
                    matched = th.caps
                    // lower-priority threads are cut off
                    current.removeAll()
                case .char(let cls):
                    if i < text.count, cls.matches(text[i]) {
                        addThread(&next, &seen, gen, Thread(pc: th.pc + 1, caps: th.caps), i + 1, text.count)
                    }
                default: break
                }
                if current.isEmpty { break }
            }
            if i >= text.count { 
                // let threads that reached the end finish
                current = next
                for th in current { if case .match = program[th.pc] { return th.caps } }
                break
            }
            swap(&current, &next)
            i += 1
        }
        return matched
    }

    func firstMatch(_ s: String) -> (text: [UInt32], caps: Match)? {
        let t = Array(s.unicodeScalars).map(\.value)
        guard let m = match(t, from: 0) else { return nil }
        return (t, m)
    }

    func allMatches(_ s: String) -> [(text: [UInt32], caps: Match)] {
        let t = Array(s.unicodeScalars).map(\.value)
        var out: [(text: [UInt32], caps: Match)] = []
        var from = 0
        while from <= t.count, let m = match(t, from: from), let st = m[0], let en = m[1] {
            out.append((t, m))
            from = en > st ? en : en + 1
            _ = st
            if out.count > 100_000 { break }
        }
        return out
    }

    private static func slice(_ t: [UInt32], _ a: Int?, _ b: Int?) -> String? {
        guard let a, let b, a <= b else { return nil }
        var s = ""
        for v in t[a..<b] { if let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) } }
        return s
    }

    /// What Terraform's regex returns: the match, a list of the groups, or an object of named groups.
    func result(_ m: (text: [UInt32], caps: Match)) -> Value {
        if groupCount == 0 { return .string(HCLRegex.slice(m.text, m.caps[0], m.caps[1]) ?? "") }
        if !groupNames.isEmpty {
            var o = Members()
            for g in 1...groupCount { if let n = groupNames[g] { o[n] = HCLRegex.slice(m.text, m.caps[2 * g], m.caps[2 * g + 1]).map(Value.string) ?? .null } }
            return .object(o)
        }
        return .array((1...groupCount).map { g in HCLRegex.slice(m.text, m.caps[2 * g], m.caps[2 * g + 1]).map(Value.string) ?? .null })
    }

    /// `replace` with a pattern: `$1` / `${name}` in the replacement name groups.
    func replaceAll(_ s: String, with rep: String) -> String {
        let matches = allMatches(s)
        guard let t = matches.first?.text else { return s }
        var out = ""
        var last = 0
        let r = Array(rep.unicodeScalars)
        for m in matches {
            guard let st = m.caps[0], let en = m.caps[1] else { continue }
            out += HCLRegex.slice(t, last, st) ?? ""
            var k = 0
            while k < r.count {
                if r[k] == "$", k + 1 < r.count {
                    var name = ""
                    var j = k + 1
                    if r[j] == "{" { j += 1; while j < r.count, r[j] != "}" { name.unicodeScalars.append(r[j]); j += 1 }; j += 1 }
                    else { while j < r.count, r[j].properties.numericType != nil || r[j] == "_" || (r[j].value >= 0x41 && r[j].value <= 0x7A && r[j].properties.isAlphabetic) { name.unicodeScalars.append(r[j]); j += 1 } }
                    var g: Int? = Int(name)
                    if g == nil { g = groupNames.first { $0.value == name }?.key }
                    if let g, g <= groupCount { out += HCLRegex.slice(t, m.caps[2 * g], m.caps[2 * g + 1]) ?? "" }
                    k = j
                    continue
                }
                out.unicodeScalars.append(r[k])
                k += 1
            }
            last = en
        }
        out += HCLRegex.slice(t, last, t.count) ?? ""
        return out
    }
}

/// MD5, SHA-1 and SHA-256 (RFC 1321, FIPS 180-4): FoundationEssentials has no hashing.
enum HCLHash {
    static func hex(_ bytes: [UInt8]) -> String {
        let d = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(d[Int(b >> 4)]); out.append(d[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func pad(_ m: [UInt8], bigEndian: Bool) -> [UInt8] {
        var msg = m
        let bits = UInt64(m.count) * 8
        msg.append(0x80)
        while msg.count % 64 != 56 { msg.append(0) }
        for i in 0..<8 { msg.append(UInt8(truncatingIfNeeded: bigEndian ? bits >> UInt64(56 - 8 * i) : bits >> UInt64(8 * i))) }
        return msg
    }

    @inline(__always) private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    static func md5(_ m: [UInt8]) -> [UInt8] {
        let s: [UInt32] = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                           4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
        var k = [UInt32](repeating: 0, count: 64)
        for i in 0..<64 { k[i] = UInt32(truncatingIfNeeded: Int64(Foundation_abs(Foundation_sin(Double(i + 1))) * 4294967296.0)) }
        var a0: UInt32 = 0x67452301, b0: UInt32 = 0xefcdab89, c0: UInt32 = 0x98badcfe, d0: UInt32 = 0x10325476
        let msg = pad(m, bigEndian: false)
        for chunk in stride(from: 0, to: msg.count, by: 64) {
            var w = [UInt32](repeating: 0, count: 16)
            for i in 0..<16 { for j in 0..<4 { w[i] |= UInt32(msg[chunk + 4 * i + j]) << UInt32(8 * j) } }
            var a = a0, b = b0, c = c0, d = d0
            for i in 0..<64 {
                var f: UInt32, g: Int
                switch i {
                case 0..<16: f = (b & c) | (~b & d); g = i
                case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
                case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
                default: f = c ^ (b | ~d); g = (7 * i) % 16
                }
                f = f &+ a &+ k[i] &+ w[g]
                a = d; d = c; c = b
                b = b &+ rotl(f, s[i])
            }
            a0 = a0 &+ a; b0 = b0 &+ b; c0 = c0 &+ c; d0 = d0 &+ d
        }
        var out: [UInt8] = []
        for v in [a0, b0, c0, d0] { for j in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> UInt32(8 * j))) } }
        return out
    }

    static func sha1(_ m: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        let msg = pad(m, bigEndian: true)
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: msg.count, by: 64) {
            for i in 0..<16 { w[i] = 0; for j in 0..<4 { w[i] = w[i] << 8 | UInt32(msg[chunk + 4 * i + j]) } }
            for i in 16..<80 { w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4]
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                default: f = b ^ c ^ d; k = 0xCA62C1D6
                }
                let t = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
                e = d; d = c; c = rotl(b, 30); b = a; a = t
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
        }
        var out: [UInt8] = []
        for v in h { for j in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> UInt32(24 - 8 * j))) } }
        return out
    }

    private static let k256: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
        0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
        0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
        0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
        0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
        0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]

    static func sha256(_ m: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let msg = pad(m, bigEndian: true)
        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: msg.count, by: 64) {
            for i in 0..<16 { w[i] = 0; for j in 0..<4 { w[i] = w[i] << 8 | UInt32(msg[chunk + 4 * i + j]) } }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            for i in 0..<64 {
                let S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ S1 &+ ch &+ k256[i] &+ w[i]
                let S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = S0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
            h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
        }
        var out: [UInt8] = []
        for v in h { for j in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> UInt32(24 - 8 * j))) } }
        return out
    }
}

@inline(__always) func Foundation_abs(_ x: Double) -> Double { x < 0 ? -x : x }
@inline(__always) func Foundation_sin(_ x: Double) -> Double { sin(x) }

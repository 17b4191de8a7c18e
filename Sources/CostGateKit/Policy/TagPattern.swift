import FoundationEssentials

/// A tagging rule's `patterns:` regular expression, matched in time linear in the value's length (a Thompson
/// automaton run as a Pike machine: no backtracking, so `^(a+)+$` against a long value is as quick as any).
///
/// The subset: literal characters; `.`; classes `[a-z0-9_-]`, `[^…]`; escapes `\d \w \s \D \W \S` and escaped
/// punctuation (`\.`, `\-`, `\\` …); groups `( )` and `(?: )`; alternation `|`; quantifiers `* + ?`, `{n}`,
/// `{n,}`, `{n,m}` (n, m ≤ 100; a lazy `?` after one changes nothing for a whole match); `^` at the start and
/// `$` at the end (the whole value must match anyway). Back-references, look-around and other anchors are
/// refused when the configuration is read. A pattern is at most `Limits.maxPatternBytes` long and compiles to
/// at most `Limits.maxPatternStates` states.
public struct TagPattern: Sendable {
    enum Instruction: Sendable {
        case char(CharSet)
        case split(Int, Int)
        case jump(Int)
        case match
    }

    struct CharSet: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool
        func contains(_ u: UInt32) -> Bool { ranges.contains { $0.contains(u) } != negated }
        static let any = CharSet(ranges: [0...0x10FFFF], negated: false)
        static func single(_ u: UInt32) -> CharSet { CharSet(ranges: [u...u], negated: false) }
    }

    let program: [Instruction]

    public struct Problem: Error, Sendable { public var message: String }

    public init(_ pattern: String) throws(Problem) {
        guard pattern.utf8.count <= Limits.maxPatternBytes else {
            throw Problem(message: "the pattern is longer than \(Limits.maxPatternBytes) bytes")
        }
        var parser = Parser(Array(pattern.unicodeScalars).map(\.value))
        let tree = try parser.parseWhole()
        var code: [Instruction] = []
        try Self.emit(tree, into: &code)
        code.append(.match)
        program = code
    }

    /// True when the whole value matches.
    public func matches(_ value: String) -> Bool {
        let n = program.count
        var current: [Int] = [], next: [Int] = []
        var mark = [Int](repeating: -1, count: n)
        var step = 0
        func add(_ pc: Int, _ list: inout [Int]) {
            // iterative closure over splits and jumps, each state once a step
            var todo = [pc]
            while let p = todo.popLast() {
                if mark[p] == step { continue }
                mark[p] = step
                switch program[p] {
                case .jump(let t): todo.append(t)
                case .split(let a, let b): todo.append(b); todo.append(a)
                default: list.append(p)
                }
            }
        }
        add(0, &current)
        for u in value.unicodeScalars {
            step += 1
            next.removeAll(keepingCapacity: true)
            for p in current {
                if case .char(let set) = program[p], set.contains(u.value) { add(p + 1, &next) }
            }
            swap(&current, &next)
            if current.isEmpty { return false }
        }
        return current.contains { if case .match = program[$0] { return true } else { return false } }
    }

    // MARK: syntax

    indirect enum Node {
        case set(CharSet)
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int?)   // max nil: unbounded
    }

    struct Parser {
        let s: [UInt32]
        var i = 0
        var depth = 0
        init(_ s: [UInt32]) { self.s = s }

        func fail(_ what: String) -> Problem { Problem(message: "\(what) at character \(i + 1) (costgate's patterns are a linear-time subset: see the README)") }

        mutating func parseWhole() throws(Problem) -> Node {
            if i < s.count, s[i] == 0x5E { i += 1 }   // ^
            let node = try parseAlternation()
            guard i == s.count else { throw fail(s[i] == 0x29 ? "an unopened )" : "an unexpected character") }
            return node
        }

        mutating func parseAlternation() throws(Problem) -> Node {
            var branches = [try parseSequence()]
            while i < s.count, s[i] == 0x7C { i += 1; branches.append(try parseSequence()) }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseSequence() throws(Problem) -> Node {
            var items: [Node] = []
            while i < s.count, s[i] != 0x7C, s[i] != 0x29 {
                if s[i] == 0x24 {   // $ only at the very end (or before | or ))
                    i += 1
                    guard i == s.count || s[i] == 0x7C || s[i] == 0x29 else { throw fail("$ before the end") }
                    continue
                }
                var atom = try parseAtom()
                atom = try parseQuantifiers(atom)
                items.append(atom)
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func parseQuantifiers(_ atom: Node) throws(Problem) -> Node {
            var node = atom
            while i < s.count {
                let c = s[i]
                var minimum = 0, maximum: Int? = nil
                if c == 0x2A { i += 1 } else if c == 0x2B { minimum = 1; i += 1 } else if c == 0x3F { maximum = 1; i += 1 } else if c == 0x7B {
                    i += 1
                    guard let a = number() else { throw fail("a { without a count") }
                    minimum = a
                    maximum = a
                    if i < s.count, s[i] == 0x2C {
                        i += 1
                        maximum = number()
                    }
                    guard i < s.count, s[i] == 0x7D else { throw fail("a { without }") }
                    i += 1
                    guard minimum <= 100, (maximum ?? 0) <= 100, maximum.map({ $0 >= minimum }) ?? true else {
                        throw fail("a count past 100 (or a larger minimum than maximum)")
                    }
                } else {
                    break
                }
                if i < s.count, s[i] == 0x3F { i += 1 }   // lazy: the same for a whole match
                node = .repeated(node, min: minimum, max: maximum)
            }
            return node
        }

        mutating func number() -> Int? {
            var n: Int?
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                n = min((n ?? 0) * 10 + Int(s[i] - 0x30), 1_000)
                i += 1
            }
            return n
        }

        mutating func parseAtom() throws(Problem) -> Node {
            let c = s[i]
            switch c {
            case 0x28:   // (
                i += 1
                if i + 1 < s.count, s[i] == 0x3F {
                    guard s[i + 1] == 0x3A else { throw fail("look-around and group options are not supported") }
                    i += 2
                }
                depth += 1
                guard depth <= 50 else { throw fail("groups nested more than 50 deep") }
                let inner = try parseAlternation()
                depth -= 1
                guard i < s.count, s[i] == 0x29 else { throw fail("a ( without )") }
                i += 1
                return inner
            case 0x5B: return .set(try parseClass())
            case 0x2E: i += 1; return .set(.any)
            case 0x5C: return .set(try parseEscape(inClass: false))
            case 0x2A, 0x2B, 0x3F, 0x7B: throw fail("a quantifier with nothing to repeat")
            case 0x5E: throw fail("^ after the start")
            default: i += 1; return .set(.single(c))
            }
        }

        mutating func parseEscape(inClass: Bool) throws(Problem) -> CharSet {
            i += 1
            guard i < s.count else { throw fail("a \\ at the end") }
            let c = s[i]
            i += 1
            let digit: [ClosedRange<UInt32>] = [0x30...0x39]
            let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F]
            let space: [ClosedRange<UInt32>] = [0x20...0x20, 0x09...0x0D]
            switch c {
            case 0x64: return CharSet(ranges: digit, negated: false)   // d
            case 0x44: return CharSet(ranges: digit, negated: true)
            case 0x77: return CharSet(ranges: word, negated: false)    // w
            case 0x57: return CharSet(ranges: word, negated: true)
            case 0x73: return CharSet(ranges: space, negated: false)   // s
            case 0x53: return CharSet(ranges: space, negated: true)
            case 0x6E: return .single(0x0A)
            case 0x74: return .single(0x09)
            default:
                // escaped punctuation stands for itself; letters and digits would be other regex features
                guard c < 0x80, !(c >= 0x30 && c <= 0x39), !(c >= 0x41 && c <= 0x5A), !(c >= 0x61 && c <= 0x7A) else {
                    throw fail("the escape \\\(Character(Unicode.Scalar(c) ?? "?")) is not supported")
                }
                return .single(c)
            }
        }

        mutating func parseClass() throws(Problem) -> CharSet {
            i += 1
            var negated = false
            if i < s.count, s[i] == 0x5E { negated = true; i += 1 }
            var ranges: [ClosedRange<UInt32>] = []
            var first = true
            while i < s.count, s[i] != 0x5D || first {
                first = false
                var low: UInt32
                if s[i] == 0x5C {
                    let set = try parseEscape(inClass: true)
                    guard !set.negated else { throw fail("a negated class escape inside [ ]") }
                    if set.ranges.count > 1 || set.ranges[0].count > 1 { ranges += set.ranges; continue }
                    low = set.ranges[0].lowerBound
                } else {
                    if s[i] == 0x5B, i + 1 < s.count, s[i + 1] == 0x3A { throw fail("[: classes :] are not supported") }
                    low = s[i]
                    i += 1
                }
                if i + 1 < s.count, s[i] == 0x2D, s[i + 1] != 0x5D {
                    i += 1
                    var high: UInt32
                    if s[i] == 0x5C {
                        let set = try parseEscape(inClass: true)
                        guard set.ranges.count == 1, set.ranges[0].count == 1 else { throw fail("a range ending in a class") }
                        high = set.ranges[0].lowerBound
                    } else {
                        high = s[i]
                        i += 1
                    }
                    guard low <= high else { throw fail("a range out of order") }
                    ranges.append(low...high)
                } else {
                    ranges.append(low...low)
                }
            }
            guard i < s.count else { throw fail("a [ without ]") }
            i += 1
            return CharSet(ranges: ranges, negated: negated)
        }
    }

    // MARK: code

    static func emit(_ node: Node, into code: inout [Instruction]) throws(Problem) {
        guard code.count <= Limits.maxPatternStates else {
            throw Problem(message: "the pattern compiles to more than \(Limits.maxPatternStates) states; write it shorter")
        }
        switch node {
        case .set(let set):
            code.append(.char(set))
        case .sequence(let items):
            for item in items { try emit(item, into: &code) }
        case .alternation(let branches):
            // split L1, next; L1: a; jump end; next: split L2 … ; last branch plain
            var jumps: [Int] = []
            for (k, b) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = code.count
                    code.append(.split(0, 0))
                    try emit(b, into: &code)
                    jumps.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(split + 1, code.count)
                } else {
                    try emit(b, into: &code)
                }
            }
            for j in jumps { code[j] = .jump(code.count) }
        case .repeated(let inner, let minimum, let maximum):
            for _ in 0..<minimum { try emit(inner, into: &code) }
            if let maximum {
                // (inner)? repeated max - min times
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(code.count)
                    code.append(.split(0, 0))
                    try emit(inner, into: &code)
                }
                for s in splits { code[s] = .split(s + 1, code.count) }
            } else {
                // L: split body, end; body; jump L
                let loop = code.count
                code.append(.split(0, 0))
                try emit(inner, into: &code)
                code.append(.jump(loop))
                code[loop] = .split(loop + 1, code.count)
            }
        }
        guard code.count <= Limits.maxPatternStates else {
            throw Problem(message: "the pattern compiles to more than \(Limits.maxPatternStates) states; write it shorter")
        }
    }
}

import FoundationEssentials

/// Every limit costgate puts on its input, in one place (README, "Limits"). Past any of them the run stops
/// with one line on standard error, exit 2, and nothing written to `--out`.
public enum Limits {
    /// Bytes of one input file (plan, manifest, configuration, usage file, cluster profile, report).
    public static let maxFileBytes = 512 << 20
    /// Nesting of mappings and sequences in YAML, of objects and arrays in JSON.
    public static let maxDepth = 256
    /// Nodes that YAML aliases (`*a`) and merge keys (`<<: *a`) may add to one document, counted expanded.
    public static let maxAliasNodes = 1_000_000
    /// Resources in one run (all inputs together).
    public static let maxResources = 1_000_000
    /// Replicas, parallelism and autoscaler bounds of a workload.
    public static let maxReplicas: Decimal = 1_000_000
    /// Any number costgate computes with (a quantity, a size, a count, a usage value): zero or a magnitude in
    /// [10^-minExponent… 10^maxExponent). Decimal's own range is 10^-128…10^127, and products of a few
    /// numbers in this range always stay in it.
    public static let maxExponent = 18
    public static let minExponent = -18
    /// The largest monthly quantity a component may have (vCPU-hours, GB-months, requests …).
    public static let maxQuantity: Decimal = Decimal(sign: .plus, exponent: 18, significand: 1)
    /// The smallest non-zero priced quantity: a product with a unit price stays far inside Decimal's exponent range
    /// (a pricer may parse sizes from text, which the readers' number range does not cover).
    public static let minQuantity: Decimal = Decimal(sign: .plus, exponent: -30, significand: 1)
    /// Bytes of a tagging rule's pattern, and states of its compiled automaton.
    public static let maxPatternBytes = 1_000
    public static let maxPatternStates = 10_000
    /// Steps one read of Terraform source may take: expressions evaluated and value nodes built or walked
    /// (`HCLWork`).
    public static let maxHCLSteps = 500_000
    /// Characters of an input value echoed in a message (longer ones are cut, with `…`).
    public static let maxEchoedCharacters = 200

    /// True when a number's text is zero or has its most significant digit within the range above.
    /// Works on the literal (`-12.5e3`, `0.0001`) without making a Decimal; false for anything else.
    public static func numberInRange(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { numberInRange($0) }
    }

    static func numberInRange(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        var significantInt = 0       // integer digits from the first non-zero one
        var intDigits = 0
        while i < b.count, b[i] >= 48, b[i] <= 57 {
            if significantInt > 0 || b[i] != 48 { significantInt += 1 }
            intDigits += 1
            i += 1
        }
        var firstFraction: Int?      // 1-based place of the first non-zero fraction digit
        var fraction = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += 1
                if firstFraction == nil, b[i] != 48 { firstFraction = fraction }
                i += 1
            }
        }
        guard intDigits + fraction > 0 else { return false }
        var exponent = 0
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            var negative = false
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { negative = b[i] == UInt8(ascii: "-"); i += 1 }
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return false }
            if negative { exponent = -exponent }
        }
        guard i == b.count else { return false }
        // the power of ten of the first non-zero digit
        let leading: Int
        if significantInt > 0 { leading = significantInt - 1 } else if let f = firstFraction { leading = -f } else { return true }   // zero
        let position = leading + exponent
        return position >= minExponent && position < maxExponent
    }

    /// True when a value computed from input is a finite number in costgate's range (zero or a magnitude in
    /// [10^minExponent, 10^maxExponent]).
    public static func inRange(_ d: Decimal) -> Bool {
        if d.isNaN || !d.isFinite { return false }
        if d.isZero { return true }
        let m = d.magnitude
        return m <= maxQuantity && m >= Decimal(sign: .plus, exponent: minExponent, significand: 1)
    }

    /// An input value made safe to echo on one line: control characters as `\n`, `\r`, `\t`, `\u{1B}` …,
    /// and cut to `maxEchoedCharacters`.
    public static func echo(_ s: String) -> String {
        var out = ""
        var n = 0
        for u in s.unicodeScalars {
            n += 1
            if n > maxEchoedCharacters { out += "…"; break }
            out += escaped(u)
        }
        return out
    }

    /// Escapes control characters (C0, DEL, C1, line and paragraph separators) and nothing else; no cut.
    public static func escapingControls(_ s: String, keepingTabs: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars { out += keepingTabs && u == "\t" ? "\t" : escaped(u) }
        return out
    }

    /// True when UTF-8 bytes hold a control character: C0 (tabs excepted), DEL, C1 (`C2 80`…`C2 9F`, CSI among
    /// them), U+2028 and U+2029 (`E2 80 A8`/`A9`). One pass, most bytes rejected by one comparison.
    @inline(__always) static func hasControl(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x20 { if c != 0x09 { return true } } else if c == 0x7F { return true } else if c == 0xC2 {
                if i + 1 < n, b[i + 1] >= 0x80, b[i + 1] <= 0x9F { return true }
            } else if c == 0xE2 {
                if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return true }
            }
            i += 1
        }
        return false
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) || u.value == 0x2028 || u.value == 0x2029
    }

    private static func escaped(_ u: Unicode.Scalar) -> String {
        guard isControl(u) else { return String(u) }
        switch u {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(u.value, radix: 16, uppercase: true)
            return "\\u{" + hex + "}"
        }
    }
}

extension Limits {
    /// A pricer's answer checked before it is valued: its problems, and every quantity finite, not negative
    /// and at most `maxQuantity` (products of quantities from input can overflow, or be negative from a
    /// negative count).
    static func check(_ usage: PricedUsage, of r: Resource) throws {
        if let p = usage.problems.first { throw CostGateError("\(echo(r.address)): \(p)", at: r.location) }
        for l in usage.lines {
            guard case .value(let q) = l.quantity else { continue }
            if q.isNaN || !q.isFinite || q.magnitude > maxQuantity {
                throw CostGateError("\(echo(r.address)): \(echo(l.component)) comes to more than 10^18 \(l.unit) a month; check the sizes and counts in the input",
                                    at: r.location)
            }
            if !q.isZero && q.magnitude < minQuantity {
                throw CostGateError("\(echo(r.address)): \(echo(l.component)) comes to less than 10^-30 \(echo(l.unit)) a month; check the sizes and counts in the input",
                                    at: r.location)
            }
            if q < 0 {
                throw CostGateError("\(echo(r.address)): \(echo(l.component)) comes to a negative quantity (\(Money.plain(q)) \(l.unit)); sizes and counts cannot be negative",
                                    at: r.location)
            }
        }
    }

    static func check(resourceCount n: Int) throws {
        guard n <= maxResources else {
            throw CostGateError("\(n) resources in one run; costgate prices at most \(maxResources): split the inputs")
        }
    }

    /// A count from input (replicas, parallelism, an autoscaler's bounds): a whole number from 0 to `maxReplicas`;
    /// nil with the problem otherwise.
    static func count(_ v: Value, _ what: String, into out: inout PricedUsage) -> Decimal? {
        if v.isNull { return nil }
        guard let d = v.decimal else {
            out.reject("\(what) \(echo(v.string ?? "?")) is not a number costgate reads (a whole number from 0 to \(Money.plain(maxReplicas)))")
            return nil
        }
        guard d >= 0, d <= maxReplicas, Money.plain(d).firstIndex(of: ".") == nil else {
            out.reject("\(what) \(Money.plain(d)) must be a whole number from 0 to \(Money.plain(maxReplicas))")
            return nil
        }
        return d
    }
}

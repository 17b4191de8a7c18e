import FoundationEssentials
import Synchronization

/// The Kubernetes quantity grammar (`100m`, `0.5`, `2Gi`, `512M`, `1e3`, `.5`, `+1`), in exact decimal.
public enum KubeQuantity {
    static let binary: [String: Decimal] = [
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]
    static let decimal: [String: Decimal] = [
        "n": Decimal(string: "0.000000001")!, "u": Decimal(string: "0.000001")!, "m": Decimal(string: "0.001")!, "": 1,
        "k": 1000, "M": 1_000_000, "G": 1_000_000_000, "T": 1_000_000_000_000, "P": 1_000_000_000_000_000,
        "E": 1_000_000_000_000_000_000,
    ]

    /// Parsed quantities: manifests repeat the same few (`100m`, `128Mi`) thousands of times.
    private static let memo = Mutex<[String: Decimal?]>([:])

    /// The value of a quantity, or nil when the text is not one.
    public static func parse(_ text: String) -> Decimal? {
        if let hit = memo.withLock({ $0[text] }) { return hit }
        let value = compute(text)
        memo.withLock { if $0.count < 10_000 { $0[text] = .some(value) } }
        return value
    }

    private static func compute(_ text: String) -> Decimal? {
        let t = text.trimmingSpaces()
        var chars = Array(t.utf8)
        guard !chars.isEmpty else { return nil }
        var sign: Decimal = 1
        if chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-") {
            if chars[0] == UInt8(ascii: "-") { sign = -1 }
            chars.removeFirst()
        }
        var i = 0, digits = 0
        while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1; digits += 1 }
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1; digits += 1 }
        }
        guard digits > 0, digits <= 30, let number = exactDecimal(chars[0..<i]) else { return nil }
        let suffix = String(decoding: chars[i...], as: UTF8.self)
        if let m = binary[suffix] ?? decimal[suffix] { return sign * number * m }
        // decimal exponent: e or E, then a signed integer
        if let first = suffix.first, first == "e" || first == "E" {
            let exp = suffix.dropFirst()
            guard let n = Int(exp), abs(n) <= 30 else { return nil }
            var scale: Decimal = 1
            for _ in 0..<abs(n) { scale *= 10 }
            return n >= 0 ? sign * number * scale : sign * number / scale
        }
        return nil
    }
}

extension KubeQuantity {
    private static let milliMemo = Mutex<[String: Int64?]>([:])

    /// The quantity in exact thousandths (`100m` → 100, `2Gi` → 2147483648000), or nil when it is finer
    /// than a thousandth, too large for 64 bits, or not a quantity.
    public static func milli(_ text: String) -> Int64? {
        switch fastMilli(text) {
        case .value(let v): return v
        case .notMilli: return nil
        case .slow: break
        }
        if let hit = milliMemo.withLock({ $0[text] }) { return hit }
        var result: Int64?
        if let d = parse(text) {
            let m = d * 1000
            // exact when the scaled value has no fractional part
            if m.exponent >= 0 || Money.plain(m).firstIndex(of: ".") == nil { result = Int64(Money.plain(m)) }
        }
        milliMemo.withLock { if $0.count < 10_000 { $0[text] = .some(result) } }
        return result
    }

    /// True when the text is a quantity (checked without making a Decimal when it can be).
    static func isQuantity(_ text: String) -> Bool {
        if case .value = fastMilli(text) { return true }
        return parse(text) != nil
    }

    enum FastMilli: Equatable { case value(Int64), notMilli, slow }

    /// Thousandths in 128-bit integers, for the usual forms (`250m`, `1.5`, `512Mi`, `2G`, `1e3`): most
    /// quantities never become a Decimal. `.notMilli` is a quantity finer than a thousandth or beyond 64
    /// bits; `.slow` leaves the rest (not a quantity, blanks, many digits) to the exact Decimal path.
    static func fastMilli(_ text: String) -> FastMilli {
        var text = text
        return text.withUTF8 { b -> FastMilli in
            var i = 0, negative = false
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { negative = b[i] == UInt8(ascii: "-"); i += 1 }
            var mantissa: Int128 = 0, scale = 0, digits = 0, seenDot = false
            while i < b.count {
                let c = b[i]
                if c >= 48 && c <= 57 {
                    digits += 1
                    guard digits <= 18 else { return .slow }
                    mantissa = mantissa * 10 + Int128(c - 48)
                    if seenDot { scale += 1 }
                } else if c == UInt8(ascii: "."), !seenDot {
                    seenDot = true
                } else {
                    break
                }
                i += 1
            }
            guard digits > 0 else { return .slow }
            // the suffix: ×10^power × 1024^binary
            var power = 3, binary = 0
            let rest = b.count - i
            if rest == 0 {
            } else if rest == 1 {
                switch b[i] {
                case UInt8(ascii: "n"): power -= 9
                case UInt8(ascii: "u"): power -= 6
                case UInt8(ascii: "m"): power -= 3
                case UInt8(ascii: "k"): power += 3
                case UInt8(ascii: "M"): power += 6
                case UInt8(ascii: "G"): power += 9
                case UInt8(ascii: "T"): power += 12
                case UInt8(ascii: "P"): power += 15
                case UInt8(ascii: "E"): power += 18
                default: return .slow
                }
            } else if rest == 2, b[i + 1] == UInt8(ascii: "i") {
                switch b[i] {
                case UInt8(ascii: "K"): binary = 1
                case UInt8(ascii: "M"): binary = 2
                case UInt8(ascii: "G"): binary = 3
                case UInt8(ascii: "T"): binary = 4
                case UInt8(ascii: "P"): binary = 5
                case UInt8(ascii: "E"): binary = 6
                default: return .slow
                }
            } else {
                return .slow   // exponents and anything else
            }
            power -= scale
            var v = mantissa
            for _ in 0..<binary { v *= 1024 }          // ≤ 10^18 × 2^60: fits in 128 bits
            if power >= 0 {
                for _ in 0..<power {
                    let (p, overflow) = v.multipliedReportingOverflow(by: 10)
                    if overflow || p > Int128(Int64.max) { return v == 0 ? .value(0) : .notMilli }
                    v = p
                }
            } else {
                for _ in 0..<(-power) {
                    guard v % 10 == 0 else { return .notMilli }
                    v /= 10
                }
            }
            guard v <= Int128(Int64.max) else { return .notMilli }
            return .value(negative ? -Int64(v) : Int64(v))
        }
    }

    /// `value × 10^exponent` as a Decimal, trailing zeros of the value folded into the exponent.
    static func decimal(_ value: Int64, exponent: Int) -> Decimal {
        guard value != 0 else { return 0 }
        var v = value.magnitude, e = exponent
        while v % 10 == 0 { v /= 10; e += 1 }
        return Decimal(sign: value < 0 ? .minus : .plus, exponent: e, significand: Decimal(v))
    }

    /// `thousandths of a byte` → GiB, exactly: bytes / 2^30 = bytes × 5^30 / 10^30, in 128-bit integers.
    static func gibibytes(milliBytes: Int64) -> Decimal? {
        guard milliBytes >= 0, milliBytes % 1000 == 0 else { return nil }
        let bytes = Int128(milliBytes / 1000)
        var product = bytes * 931_322_574_615_478_515_625   // 5^30
        guard product >= 0 else { return nil }
        var e = -30
        while product != 0 && product % 10 == 0 { product /= 10; e += 1 }
        guard product <= Int128(Int64.max) else { return nil }
        return decimal(Int64(product), exponent: e)
    }

    /// `12`, `0.25`, `.5` as a Decimal built from its digits (Decimal(string:) is slow).
    static func exactDecimal(_ bytes: ArraySlice<UInt8>) -> Decimal? {
        var mantissa: UInt64 = 0
        var scale = 0
        var seenDot = false
        var significant = 0
        for b in bytes {
            if b == UInt8(ascii: ".") { seenDot = true; continue }
            let d = UInt64(b - 48)
            if significant >= 18 { return Decimal(string: String(decoding: bytes, as: UTF8.self)) }
            mantissa = mantissa * 10 + d
            if mantissa > 0 { significant += 1 }
            if seenDot { scale += 1 }
        }
        return Decimal(sign: .plus, exponent: -scale, significand: Decimal(mantissa))
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        func blank(_ c: Character?) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" }
        var s = Substring(self)
        while blank(s.first) { s = s.dropFirst() }
        while blank(s.last) { s = s.dropLast() }
        return String(s)
    }
}

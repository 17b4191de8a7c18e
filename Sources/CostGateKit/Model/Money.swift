import FoundationEssentials
import Synchronization
/// Decimal helpers: money is `Decimal`, never `Double`.
public enum Money {
    /// Hours in the billing month used throughout: monthly = hourly × 730.
    public static let hoursPerMonth: Decimal = 730

    /// Parsed literals: plans and manifests repeat the same few numbers (sizes, counts) many times.
    private static let decimalMemo = Mutex<[String: Decimal]>([:])

    /// Parses a plain decimal literal (`12`, `0.0052`, `-3.5`, `1e3`). Rejects anything else.
    public static func parseDecimal(_ text: String) -> Decimal? {
        guard isDecimalLiteral(text) else { return nil }
        return literal(text)
    }

    /// A JSON or YAML number's value (the text is already known to be a number).
    /// Nil outside `Limits`' range (zero or 10^-18 ≤ |x| < 10^18): Decimal's products trap when an exponent
    /// falls below its range, so such a number never reaches arithmetic.
    static func literal(_ text: String) -> Decimal? {
        if let hit = decimalMemo.withLock({ $0[text] }) { return hit }
        guard Limits.numberInRange(text), let d = Decimal(string: text), d.isFinite, !d.isNaN else { return nil }
        decimalMemo.withLock { if $0.count < 20_000 { $0[text] = d } }
        return d
    }

    /// True for `-?digits(.digits)?([eE][+-]?digits)?`.
    public static func isDecimalLiteral(_ text: String) -> Bool {
        var it = text.utf8.makeIterator()
        var c = it.next()
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { c = it.next() }
        var digits = 0
        while let d = c, d >= 48, d <= 57 { digits += 1; c = it.next() }
        if c == UInt8(ascii: ".") {
            c = it.next()
            while let d = c, d >= 48, d <= 57 { digits += 1; c = it.next() }
        }
        guard digits > 0 else { return false }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            c = it.next()
            if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { c = it.next() }
            var exp = 0
            while let d = c, d >= 48, d <= 57 { exp += 1; c = it.next() }
            guard exp > 0 else { return false }
        }
        return c == nil
    }

    /// Rounds half away from zero to `scale` decimal places.
    public static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        Decimal(string: format(value, scale: scale)) ?? value
    }

    /// Fixed-point text with exactly `scale` decimals, rounded half away from zero: `373.12`.
    public static func format(_ value: Decimal, scale: Int) -> String {
        var text = Array(plain(value).utf8)
        var negative = false
        if text.first == UInt8(ascii: "-") { negative = true; text.removeFirst() }
        let dot = text.firstIndex(of: UInt8(ascii: ".")) ?? text.count
        var digits = Array(text[..<dot])                       // integer digits
        let fraction = dot < text.count ? Array(text[(dot + 1)...]) : []
        for i in 0..<scale { digits.append(i < fraction.count ? fraction[i] : UInt8(ascii: "0")) }
        if fraction.count > scale, fraction[scale] >= UInt8(ascii: "5") {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == UInt8(ascii: "9") { digits[i] = UInt8(ascii: "0"); i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
        }
        var intPart = Array(digits[..<(digits.count - scale)])
        while intPart.count > 1, intPart.first == UInt8(ascii: "0") { intPart.removeFirst() }
        if intPart.isEmpty { intPart = [UInt8(ascii: "0")] }
        var out = intPart
        if scale > 0 {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[(digits.count - scale)...])
        }
        let isZero = !out.contains { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: ".") }
        if negative && !isZero { out.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Texts already made: a run converts the same few quantities and prices again and again.
    private static let plainMemo = Mutex<[DecimalBits: String]>([:])

    /// The shortest plain decimal text of a value (`0.0052`, `730`, `-1.5`), never exponent form.
    public static func plain(_ value: Decimal) -> String {
        let key = DecimalBits(value)
        if let hit = plainMemo.withLock({ $0[key] }) { return hit }
        let text = makePlain(value)
        plainMemo.withLock { if $0.count < 20_000 { $0[key] = text } }
        return text
    }

    private static func makePlain(_ value: Decimal) -> String {
        let text = value.description
        var utf8 = Array(text.utf8)
        guard utf8.contains(UInt8(ascii: ".")) else { return text }
        while utf8.last == UInt8(ascii: "0") { utf8.removeLast() }
        if utf8.last == UInt8(ascii: ".") { utf8.removeLast() }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Dollar text for people: `$1,234.56`, `-$3.10`.
    public static func dollars(_ value: Decimal, scale: Int = 2) -> String {
        var text = format(value, scale: scale)
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var intPart = String(parts[0])
        var grouped = ""
        while intPart.count > 3 {
            grouped = "," + intPart.suffix(3) + grouped
            intPart = String(intPart.dropLast(3))
        }
        grouped = intPart + grouped
        return sign + "$" + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}

/// A Decimal's stored bits, as a cheap key for memos of its text. `Decimal`'s own hash first reduces the
/// value to a canonical integer (about 0.4 µs); equal bits always mean an equal value, so a memo keyed by
/// bits is never wrong (two spellings of one value would only be two entries).
struct DecimalBits: Hashable {
    private let low: UInt64, middle: UInt64, high: UInt32

    init(_ d: Decimal) {
        var words: (UInt64, UInt64, UInt32) = (0, 0, 0)
        withUnsafeBytes(of: d) { raw in
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw.prefix(MemoryLayout<(UInt64, UInt64, UInt32)>.size))) }
        }
        (low, middle, high) = words
    }
}

/// Exact Decimal products and sums for the common case, without Decimal's general arithmetic (which
/// builds arrays for every operation: about 0.6 µs a multiplication, a fifth of the pricing time).
///
/// A value whose significand fits in 64 bits is read from the Decimal's stored form; the product or sum is
/// made in integers when it fits, and written back in the compact form Decimal's own arithmetic gives
/// (trailing zeros folded into the exponent). Anything else — larger significands, overflow, NaN, an
/// exponent out of range — goes to Decimal's arithmetic. The stored form is checked once against
/// Decimal's own results; if it ever differs (another Foundation), every operation goes the slow way.
enum FastDecimal {
    struct Parts: Equatable {
        var exponent: Int
        var negative: Bool
        var significand: UInt64
    }

    static let usable: Bool = {
        let samples = ["-0.031611", "730", "0", "123456789012.5", "1e-20", "-7000", "0.031611"].map { Decimal(string: $0)! }
        for a in samples {
            if a.isZero { continue }
            guard let p = parts(a), make(p) == a, bits(make(p)!) == bits(a) else { return false }
            for b in samples {
                // a nil is fine (that case goes the slow way); a value must be Decimal's own, bit for bit
                if let m = product(a, b), bits(m) != bits(a * b) { return false }
                if let s = sum(a, b), bits(s) != bits(a + b) { return false }
            }
        }
        return parts(Decimal(string: "-0.031611")!) == Parts(exponent: -6, negative: true, significand: 31611) && parts(.nan) == nil
            && product(samples[0], samples[1]) != nil && sum(samples[0], samples[1]) != nil
    }()

    static func multiply(_ a: Decimal, _ b: Decimal) -> Decimal { (usable ? product(a, b) : nil) ?? a * b }
    static func add(_ a: Decimal, _ b: Decimal) -> Decimal { (usable ? sum(a, b) : nil) ?? a + b }

    private static func bits(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

    /// byte 0: exponent; byte 1: length in 16-bit words (high four bits), negative (bit 3), compact (bit 2);
    /// bytes 4…19: the significand, least significant word first.
    static func parts(_ d: Decimal) -> Parts? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: d) { raw -> Parts? in
            let flags = raw[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            guard length <= 4, length > 0 || !negative else { return nil }   // length 0 and negative: NaN
            var m: UInt64 = 0
            var i = length - 1
            while i >= 0 {
                m = m << 16 | UInt64(raw.loadUnaligned(fromByteOffset: 4 + 2 * i, as: UInt16.self))
                i -= 1
            }
            return Parts(exponent: Int(Int8(bitPattern: raw[0])), negative: negative, significand: m)
        }
    }

    static func make(_ p: Parts) -> Decimal? {
        var m = p.significand, e = p.exponent
        if m == 0 { return nil }   // zeros keep exponents by Decimal's own rules: it makes them
        while m % 10 == 0 && e < 127 { m /= 10; e += 1 }
        guard e >= -128 && e <= 127 else { return nil }
        var d = Decimal(0)
        withUnsafeMutableBytes(of: &d) { raw in
            raw[0] = UInt8(bitPattern: Int8(e))
            var words: UInt8 = 0
            while m != 0 {
                raw.storeBytes(of: UInt16(truncatingIfNeeded: m), toByteOffset: 4 + 2 * Int(words), as: UInt16.self)
                m >>= 16
                words += 1
            }
            raw[1] = words << 4 | 0x04 | (p.negative ? 0x08 : 0)
        }
        return d
    }

    static func product(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let x = parts(a), let y = parts(b) else { return nil }
        let (high, low) = x.significand.multipliedFullWidth(by: y.significand)
        guard high == 0 else { return nil }
        return make(Parts(exponent: x.exponent + y.exponent, negative: x.negative != y.negative, significand: low))
    }

    static func sum(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard var x = parts(a), var y = parts(b) else { return nil }
        // bring both to the smaller exponent
        if x.exponent < y.exponent { swap(&x, &y) }
        while x.exponent > y.exponent {
            let (scaled, overflow) = x.significand.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            x.significand = scaled
            x.exponent -= 1
        }
        if x.negative == y.negative {
            let (total, overflow) = x.significand.addingReportingOverflow(y.significand)
            guard !overflow else { return nil }
            return make(Parts(exponent: x.exponent, negative: x.negative, significand: total))
        }
        let (big, small) = x.significand >= y.significand ? (x, y) : (y, x)
        // a zero difference: Decimal's own zero keeps an exponent by rules of its own, so it makes it
        if big.significand == small.significand { return nil }
        return make(Parts(exponent: x.exponent, negative: big.negative, significand: big.significand - small.significand))
    }
}

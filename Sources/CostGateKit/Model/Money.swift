import FoundationEssentials
/// Decimal helpers: money is `Decimal`, never `Double`.
public enum Money {
    /// Hours in the billing month used throughout: monthly = hourly × 730.
    public static let hoursPerMonth: Decimal = 730

    /// Parses a plain decimal literal (`12`, `0.0052`, `-3.5`, `1e3`). Rejects anything else.
    public static func parseDecimal(_ text: String) -> Decimal? {
        guard isDecimalLiteral(text) else { return nil }
        return Decimal(string: text)
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
        var text = plain(value)
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        var intPart = Substring(text)
        var fracPart = Substring("")
        if let dot = text.firstIndex(of: ".") {
            intPart = text[..<dot]
            fracPart = text[text.index(after: dot)...]
        }
        var digits = Array((intPart + fracPart.prefix(scale)).utf8).map { Int($0) - 48 }
        let padding = max(0, scale - fracPart.count)
        digits.append(contentsOf: repeatElement(0, count: padding))
        if fracPart.count > scale, let next = fracPart.utf8.dropFirst(scale).first, next >= UInt8(ascii: "5") {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(1, at: 0) }
        }
        let intCount = digits.count - scale
        var out = String(digits[..<intCount].map { Character(Unicode.Scalar(UInt8($0 + 48))) })
        if out.isEmpty { out = "0" }
        // strip leading zeros of the integer part
        while out.count > 1, out.hasPrefix("0") { out.removeFirst() }
        if scale > 0 {
            out += "." + String(digits[intCount...].map { Character(Unicode.Scalar(UInt8($0 + 48))) })
        }
        let isZero = !out.contains(where: { $0 != "0" && $0 != "." })
        return (negative && !isZero ? "-" : "") + out
    }

    /// The shortest plain decimal text of a value (`0.0052`, `730`, `-1.5`), never exponent form.
    public static func plain(_ value: Decimal) -> String {
        let text = "\(value)"
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
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

import FoundationEssentials

/// A shell-style pattern: `*` matches any run of characters (dots and slashes included), `?` one
/// character; everything else is literal, so `aws_instance.web[0]` means itself.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let parts: [UInt8]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.parts = Array(pattern.utf8)
    }

    public var description: String { pattern }

    public func matches(_ text: String) -> Bool {
        let s = Array(text.utf8)
        var p = 0, i = 0
        var star = -1, mark = 0
        while i < s.count {
            if p < parts.count, parts[p] == UInt8(ascii: "*") {
                star = p
                mark = i
                p += 1
            } else if p < parts.count, parts[p] == UInt8(ascii: "?") || parts[p] == s[i] {
                p += 1
                i += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                i = mark
            } else {
                return false
            }
        }
        while p < parts.count, parts[p] == UInt8(ascii: "*") { p += 1 }
        return p == parts.count
    }

    /// True when any of the globs matches.
    public static func any(_ globs: [Glob], _ text: String) -> Bool { globs.contains { $0.matches(text) } }
}

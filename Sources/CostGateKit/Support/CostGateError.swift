import FoundationEssentials
/// Every error a user can cause. Printed by the CLI as `costgate: error: <description>`, exit 2.
public struct CostGateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// One line, always: control characters are shown as escapes (`\n`, `\u{1B}`), so no value echoed from
    /// input can forge another line (`costgate: error: …`, `::error …`) or a terminal sequence.
    public var description: String {
        let text = location.map { "\($0): \(message)" } ?? message
        return Limits.escapingControls(text)
    }
}

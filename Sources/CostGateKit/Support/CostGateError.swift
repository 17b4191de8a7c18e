import FoundationEssentials
/// Every error a user can cause. Printed by the CLI as `costgate: error: <description>`, exit 2.
public struct CostGateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}

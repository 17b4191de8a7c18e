import FoundationEssentials
/// What every reporter renders: the estimate and how it was valued.
public struct Report: Sendable {
    public var estimate: Estimate
    /// The price books selected for the run (named in every report even if no price was needed).
    public var pricebooks: [PriceBookRef]
    public var view: PriceView

    public init(estimate: Estimate, pricebooks: [PriceBookRef], view: PriceView = .list) {
        self.estimate = estimate
        self.pricebooks = pricebooks
        self.view = view
    }
}

/// One small type per output format; `format` is the `--format` value.
public protocol Reporter: Sendable {
    static var format: String { get }
    func render(_ report: Report) throws -> String
}

public enum Reporters {
    public static let all: [any Reporter.Type] = [TableReporter.self, JSONReporter.self]
    public static var formats: [String] { all.map { $0.format } }

    public static func reporter(for format: String) -> (any Reporter)? {
        switch format {
        case TableReporter.format: return TableReporter()
        case JSONReporter.format: return JSONReporter()
        default: return nil
        }
    }
}

enum Format {
    static func money(_ d: Decimal) -> String { Money.format(d, scale: 2) }
    static func quantity(_ d: Decimal) -> String { Money.plain(Money.rounded(d, scale: 10)) }
    static func unitPrice(_ d: Decimal) -> String { Money.plain(d) }
    /// `$0.10`, `$0.0052`: at least two decimals, never fewer than the price has.
    static func displayUnitPrice(_ d: Decimal) -> String {
        let plain = Money.plain(d)
        let decimals = plain.split(separator: ".").dropFirst().first?.count ?? 0
        return "$" + Money.format(d, scale: max(2, decimals))
    }
}

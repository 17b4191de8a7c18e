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
    /// Streams the report into `sink`.
    func write(_ report: Report, to sink: OutputSink) throws
}

extension Reporter {
    /// The whole report as text.
    public func render(_ report: Report) throws -> String {
        let sink = OutputSink()
        try write(report, to: sink)
        return sink.text
    }
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

/// Number formatting for reports, memoized: a large plan repeats the same few quantities and prices.
final class Format {
    private var moneyCache: [Decimal: String] = [:]
    private var quantityCache: [Decimal: String] = [:]
    private var priceCache: [Decimal: String] = [:]
    private var dollarCache: [Decimal: String] = [:]

    func money(_ d: Decimal) -> String {
        if let s = moneyCache[d] { return s }
        let s = Money.format(d, scale: 2)
        if moneyCache.count < 100_000 { moneyCache[d] = s }
        return s
    }

    func dollars(_ d: Decimal) -> String {
        if let s = dollarCache[d] { return s }
        let s = Money.dollars(d)
        if dollarCache.count < 100_000 { dollarCache[d] = s }
        return s
    }

    func quantity(_ d: Decimal) -> String {
        if let s = quantityCache[d] { return s }
        let s = Money.plain(Money.rounded(d, scale: 10))
        if quantityCache.count < 100_000 { quantityCache[d] = s }
        return s
    }

    func unitPrice(_ d: Decimal) -> String {
        if let s = priceCache[d] { return s }
        let s = Money.plain(d)
        priceCache[d] = s
        return s
    }

    func displayUnitPrice(_ d: Decimal) -> String { Format.displayUnitPrice(d) }

    /// `$0.10`, `$0.0052`: at least two decimals, never fewer than the price has.
    static func displayUnitPrice(_ d: Decimal) -> String {
        let plain = Money.plain(d)
        let decimals = plain.split(separator: ".").dropFirst().first?.count ?? 0
        return "$" + Money.format(d, scale: max(2, decimals))
    }
}

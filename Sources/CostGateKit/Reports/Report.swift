import FoundationEssentials
/// What every reporter renders: the estimate and how it was valued.
public struct Report: Sendable {
    /// What the head deploys (every project).
    public var estimate: Estimate
    /// The price books selected for the run (named in every report even if no price was needed).
    public var pricebooks: [PriceBookRef]
    public var view: PriceView
    /// Base → head, when there is a base.
    public var diff: CostDiff?
    /// What the base is, in words.
    public var baseDescription: String?
    /// Per project, when the configuration names projects.
    public var projects: [ProjectOutcome]
    public var findings: [Finding]
    /// The policies that were applied (rules in SARIF, test cases in JUnit).
    public var policies: [Policy]
    /// The "by team" breakdown with shared costs allocated, when the configuration asks for it.
    public var teams: TeamBreakdown?
    /// The terminal's width in columns when the table goes to one (`$COLUMNS`, else 80); nil: lines are not wrapped.
    public var width: Int? = nil

    public init(estimate: Estimate, pricebooks: [PriceBookRef], view: PriceView = .list, diff: CostDiff? = nil,
                baseDescription: String? = nil, projects: [ProjectOutcome] = [], findings: [Finding] = [], policies: [Policy] = []) {
        self.policies = policies
        self.estimate = estimate
        self.pricebooks = pricebooks
        self.view = view
        self.diff = diff
        self.baseDescription = baseDescription
        self.projects = projects
        self.findings = findings
    }

    /// The projects worth naming (those with a name).
    var namedProjects: [ProjectOutcome] { projects.filter { $0.name != nil } }
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
    public static let all: [any Reporter] = [TableReporter(), JSONReporter(), MarkdownReporter(), GitHubReporter(), GitLabReporter(),
                                             JUnitReporter(), SARIFReporter(), SummaryReporter(),
                                             HTMLReporter()]
    public static var formats: [String] { all.map { type(of: $0).format } }

    public static func reporter(for format: String) -> (any Reporter)? {
        all.first { type(of: $0).format == format }
    }
}

/// Numbers as reports print them (money, dollars, quantities, unit prices), each value converted once.
final class NumberText {
    private var citations: [String: String] = [:]

    func citation(_ source: PriceSource) -> String {
        if let c = citations[source.id] { return c }
        let c = source.citation
        citations[source.id] = c
        return c
    }

    // Decimal's text conversion costs about 2 µs: a large plan repeats the same few quantities, prices and
    // costs, so each is converted once (keyed by the value's bits: hashing a Decimal itself costs 0.4 µs).
    private var moneyCache: [DecimalBits: String] = [:]
    private var dollarCache: [DecimalBits: String] = [:]
    private var quantityCache: [DecimalBits: String] = [:]
    private var displayPriceCache: [DecimalBits: String] = [:]
    private static let cacheLimit = 50_000

    private func cached(_ d: Decimal, _ cache: inout [DecimalBits: String], _ make: (Decimal) -> String) -> String {
        let key = DecimalBits(d)
        if let s = cache[key] { return s }
        let s = make(d)
        if cache.count < Self.cacheLimit { cache[key] = s }
        return s
    }

    func money(_ d: Decimal) -> String { cached(d, &moneyCache) { Money.format($0, scale: 2) } }
    func dollars(_ d: Decimal) -> String { cached(d, &dollarCache) { Money.dollars($0) } }
    func quantity(_ d: Decimal) -> String {
        cached(d, &quantityCache) { $0.exponent >= -10 ? Money.plain($0) : Money.plain(Money.rounded($0, scale: 10)) }
    }
    /// Unit prices as they are (`Money.plain` keeps its own memo).
    func unitPrice(_ d: Decimal) -> String { Money.plain(d) }

    /// `$0.10`, `$0.0052`: at least two decimals, never fewer than the price has.
    func displayUnitPrice(_ d: Decimal) -> String {
        cached(d, &displayPriceCache) { d in
            let plain = Money.plain(d)
            let decimals = plain.split(separator: ".").dropFirst().first?.count ?? 0
            return "$" + Money.format(d, scale: max(2, decimals))
        }
    }
}

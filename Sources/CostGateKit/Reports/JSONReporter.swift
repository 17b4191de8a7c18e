import FoundationEssentials
/// `--format json`: the machine-readable report. Money is a decimal string rounded to cents; quantities
/// and unit prices are exact.
public struct JSONReporter: Reporter {
    public static let format = "json"
    public static let schemaVersion = "1"

    public init() {}

    public func render(_ report: Report) throws -> String {
        let e = report.estimate
        let s = e.summary
        let primary = report.pricebooks.first
        let doc: JSON = .object([
            ("schemaVersion", .string(Self.schemaVersion)),
            ("currency", .string(e.currency)),
            ("pricebook", primary.map { Self.book($0) } ?? .null),
            ("pricebooks", .array(report.pricebooks.map(Self.book))),
            ("view", .string(report.view.name)),
            ("inputs", .array(e.inputs.map { .string($0) })),
            ("totalMonthlyCost", .string(Format.money(e.totalMonthlyCost))),
            ("resources", .array(e.resources.map(Self.resource))),
            ("skipped", .array(e.skipped.map { k in
                .object([("address", .string(k.address)), ("type", .string(k.type)), ("reason", .string(k.reason.rawValue)),
                         ("detail", .opt(k.detail)), ("location", .opt(k.location?.description))])
            })),
            ("summary", .object([
                ("resources", .number("\(s.resources)")), ("priced", .number("\(s.priced)")), ("free", .number("\(s.free)")),
                ("unsupported", .number("\(s.unsupported)")), ("deleted", .number("\(s.deleted)")),
                ("priceNotFound", .number("\(s.priceNotFound)")), ("unknownUntilApply", .number("\(s.unknownUntilApply)")),
                ("usageBased", .number("\(s.usageBased)")),
            ])),
            ("assumptions", .array(e.assumptions.map { .string($0) })),
            ("warnings", .array(e.warnings.map { .string($0) })),
        ])
        return doc.render() + "\n"
    }

    static func book(_ b: PriceBookRef) -> JSON {
        .object([("id", .string(b.id)), ("version", .string(b.version)), ("effectiveDate", .string(b.effectiveDate))])
    }

    static func resource(_ r: ResourceCost) -> JSON {
        .object([
            ("address", .string(r.address)),
            ("type", .string(r.type)),
            ("region", .opt(r.region)),
            ("regionAssumed", .bool(r.regionAssumed)),
            ("action", .string(r.action.rawValue)),
            ("monthlyCost", .string(Format.money(r.monthlyCost))),
            ("components", .array(r.components.map(component))),
            ("assumptions", .array(r.assumptions.map { .string($0) })),
            ("location", .opt(r.location?.description)),
        ])
    }

    static func component(_ c: CostComponent) -> JSON {
        var quantity: JSON = .null
        var unknownAttribute: JSON = .null
        switch c.quantity {
        case .value(let q): quantity = .string(Format.quantity(q))
        case .usageNotGiven: break
        case .unknownUntilApply(let a): unknownAttribute = .string(a)
        }
        return .object([
            ("name", .string(c.name)),
            ("unit", .string(c.unit)),
            ("monthlyQuantity", quantity),
            ("unitPrice", c.unitPrice.map { .string(Format.unitPrice($0)) } ?? .null),
            ("monthlyCost", c.status == .priced ? .string(Format.money(c.monthlyCost ?? 0)) : .null),
            ("priceKey", .string(c.priceKey)),
            ("priceSource", .opt(c.priceSource)),
            ("priceDate", .opt(c.priceDate)),
            ("status", .string(c.status.rawValue)),
            ("usageBased", .bool(c.usageBased)),
            ("priceNotFound", .bool(c.status == .priceNotFound)),
            ("unknownUntilApply", c.status == .unknownUntilApply ? unknownAttribute : .bool(false)),
        ])
    }
}

import FoundationEssentials

/// `--format json`: the machine-readable report. Money is a decimal string rounded to cents; quantities
/// and unit prices are exact. Resources are streamed one at a time.
public struct JSONReporter: Reporter {
    public static let format = "json"
    public static let schemaVersion = "1"

    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        let e = report.estimate
        let s = e.summary
        let f = Format()
        func member(_ key: String, _ value: JSON, last: Bool = false) {
            out.write("  ")
            JSON.quote(key, to: out)
            out.write(": ")
            value.write(to: out, indent: 1)
            out.write(last ? "\n" : ",\n")
        }
        out.write("{\n")
        member("schemaVersion", .string(Self.schemaVersion))
        member("currency", .string(e.currency))
        member("pricebook", report.pricebooks.first.map(Self.book) ?? .null)
        member("pricebooks", .array(report.pricebooks.map(Self.book)))
        member("view", .string(report.view.name))
        member("inputs", .array(e.inputs.map { .string($0) }))
        member("totalMonthlyCost", .string(f.money(e.totalMonthlyCost)))
        out.write("  \"resources\": [")
        for (i, r) in e.resources.enumerated() {
            out.write(i == 0 ? "\n    " : ",\n    ")
            Self.resource(r, f).write(to: out, indent: 2)
        }
        out.write(e.resources.isEmpty ? "],\n" : "\n  ],\n")
        out.write("  \"skipped\": [")
        for (i, k) in e.skipped.enumerated() {
            out.write(i == 0 ? "\n    " : ",\n    ")
            JSON.object([("address", .string(k.address)), ("type", .string(k.type)), ("reason", .string(k.reason.rawValue)),
                         ("detail", .opt(k.detail)), ("location", .opt(k.location?.description))]).write(to: out, indent: 2)
        }
        out.write(e.skipped.isEmpty ? "],\n" : "\n  ],\n")
        member("summary", .object([
            ("resources", .number("\(s.resources)")), ("priced", .number("\(s.priced)")), ("free", .number("\(s.free)")),
            ("unsupported", .number("\(s.unsupported)")), ("deleted", .number("\(s.deleted)")),
            ("priceNotFound", .number("\(s.priceNotFound)")), ("unknownUntilApply", .number("\(s.unknownUntilApply)")),
            ("usageBased", .number("\(s.usageBased)")),
        ]))
        member("assumptions", .array(e.assumptions.map { .string($0) }))
        member("warnings", .array(e.warnings.map { .string($0) }), last: true)
        out.write("}\n")
    }

    static func book(_ b: PriceBookRef) -> JSON {
        .object([("id", .string(b.id)), ("version", .string(b.version)), ("effectiveDate", .string(b.effectiveDate))])
    }

    static func resource(_ r: ResourceCost, _ f: Format) -> JSON {
        .object([
            ("address", .string(r.address)),
            ("type", .string(r.type)),
            ("region", .opt(r.region)),
            ("regionAssumed", .bool(r.regionAssumed)),
            ("action", .string(r.action.rawValue)),
            ("monthlyCost", .string(f.money(r.monthlyCost))),
            ("components", .array(r.components.map { component($0, f) })),
            ("assumptions", .array(r.assumptions.map { .string($0) })),
            ("location", .opt(r.location?.description)),
        ])
    }

    static func component(_ c: CostComponent, _ f: Format) -> JSON {
        var quantity: JSON = .null
        var unknownAttribute: JSON = .null
        switch c.quantity {
        case .value(let q): quantity = .string(f.quantity(q))
        case .usageNotGiven: break
        case .unknownUntilApply(let a): unknownAttribute = .string(a)
        }
        let status = c.status
        return .object([
            ("name", .string(c.name)),
            ("unit", .string(c.unit)),
            ("monthlyQuantity", quantity),
            ("unitPrice", c.unitPrice.map { .string(f.unitPrice($0)) } ?? .null),
            ("monthlyCost", status == .priced ? .string(f.money(c.monthlyCost ?? 0)) : .null),
            ("priceKey", .string(c.priceKey)),
            ("priceSource", .opt(c.priceSource?.citation)),
            ("priceDate", .opt(c.priceDate)),
            ("status", .string(status.rawValue)),
            ("usageBased", .bool(c.usageBased)),
            ("priceNotFound", .bool(status == .priceNotFound)),
            ("unknownUntilApply", status == .unknownUntilApply ? unknownAttribute : .bool(false)),
        ])
    }
}

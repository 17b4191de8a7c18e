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
        let f = NumberText()
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
        member("exactTotalMonthlyCost", .string(Money.plain(e.exactTotalMonthlyCost)))
        member("complete", .bool(e.isComplete))
        if let max = e.maxTotalMonthlyCost { member("maxTotalMonthlyCost", .string(f.money(max))) }
        if let d = report.diff {
            member("base", .opt(report.baseDescription))
            member("baseTotalMonthlyCost", .string(f.money(d.baseTotal)))
            member("diffTotalMonthlyCost", .string(f.money(d.delta)))
            member("diffPercent", d.percent.map { .string(Money.format($0, scale: 1)) } ?? .null)
            member("baseComplete", .bool(d.base.isComplete))
            member("diffComplete", .bool(d.change?.complete ?? false))
        }
        member("unpriced", .array(report.unpriced.map { u in
            .object([("address", .string(u.address)), ("type", .string(u.type)), ("project", .opt(u.project)),
                     ("reasons", .array(u.gaps.map { g in .object([("kind", .string(g.kind.rawValue)), ("reason", .string(g.reason))]) })),
                     ("location", .opt(u.location?.description))])
        }))
        let named = report.namedProjects
        if !named.isEmpty {
            member("projects", .array(named.map { p in
                var fields: [(String, JSON)] = [("name", .string(p.name ?? "")), ("totalMonthlyCost", .string(f.money(p.head.totalMonthlyCost))),
                                                ("complete", .bool(p.head.isComplete))]
                if let d = p.diff {
                    fields += [("baseTotalMonthlyCost", .string(f.money(d.baseTotal))), ("diffTotalMonthlyCost", .string(f.money(d.delta))),
                               ("diffPercent", d.percent.map { .string(Money.format($0, scale: 1)) } ?? .null)]
                }
                return .object(fields)
            }))
        }
        if let t = report.teams {
            member("byTeam", .object([
                ("key", .string(t.key)),
                ("sharedCosts", .array(t.pools.map { .object([("name", .string($0.name)), ("monthlyCost", .string(f.money($0.amount))),
                                                               ("allocatedBy", .string($0.basis.rawValue))]) })),
                ("teams", .array(t.teams.map { team in
                    .object([("name", .string(team.name)), ("ownMonthlyCost", .string(f.money(team.direct))),
                             ("shares", .object(t.pools.map { ($0.name, .string(f.money(team.shares[$0.name] ?? 0))) })),
                             ("totalMonthlyCost", .string(f.money(team.total)))])
                })),
                ("totalMonthlyCost", .string(f.money(t.total))),
            ]))
        }
        out.write("  \"resources\": [")
        if let d = report.diff {
            for (i, r) in d.resources.enumerated() {
                out.write(i == 0 ? "\n    " : ",\n    ")
                Self.writeResource(r.head ?? r.base!, f, out, diff: r)
            }
            out.write(d.resources.isEmpty ? "],\n" : "\n  ],\n")
        } else {
            for (i, r) in e.resources.enumerated() {
                out.write(i == 0 ? "\n    " : ",\n    ")
                Self.writeResource(r, f, out)
            }
            out.write(e.resources.isEmpty ? "],\n" : "\n  ],\n")
        }
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
            ("usageBased", .number("\(s.usageBased)")), ("costUnknown", .number("\(s.costUnknown)")),
        ]))
        member("assumptions", .array(e.assumptions.map { .string($0) }))
        member("warnings", .array(e.warnings.map { .string($0) }))
        member("findings", .array(report.findings.map { x in
            .object([("policy", .string(x.policy)), ("severity", .string(x.severity.rawValue)), ("message", .string(x.message)),
                     ("address", .opt(x.address)), ("project", .opt(x.project)), ("location", .opt(x.location?.description)),
                     ("exempted", x.exemption == nil ? .bool(false) : .bool(true)), ("exemptionReason", .opt(x.exemption))])
        }), last: true)
        out.write("}\n")
    }

    static func book(_ b: PriceBookRef) -> JSON {
        .object([("id", .string(b.id)), ("version", .string(b.version)), ("effectiveDate", .string(b.effectiveDate))])
    }

    /// Writes one resource straight to the sink (a large plan has a hundred thousand of them).
    /// With `diff`, the resource also gets its change and base cost, and its base components when they differ;
    /// a removed resource is written from its base, costing nothing.
    static func writeResource(_ r: ResourceCost, _ f: NumberText, _ out: OutputSink, diff: CostDiff.ResourceDiff? = nil) {
        func field(_ name: StaticString, _ indent: StaticString, first: Bool = false) {
            out.write(first ? "{\n" as StaticString : ",\n")
            out.write(indent)
            out.write(name)
        }
        func str(_ v: String?) { if let v { JSON.quote(v, to: out) } else { out.write("null") } }
        let i3: StaticString = "      ", i4: StaticString = "        "
        let removed = diff?.change == .removed
        field("\"address\": ", i3, first: true); str(r.address)
        field("\"type\": ", i3); str(r.type)
        if let p = r.project { field("\"project\": ", i3); str(p) }
        if let n = r.namespace { field("\"namespace\": ", i3); str(n) }
        field("\"region\": ", i3); str(r.region)
        field("\"regionAssumed\": ", i3); out.write(r.regionAssumed ? "true" : "false")
        field("\"action\": ", i3); str(removed ? Action.delete.rawValue : r.action.rawValue)
        field("\"monthlyCost\": ", i3); str(f.money(removed ? 0 : r.monthlyCost))
        field("\"exactMonthlyCost\": ", i3); str(Money.plain(removed ? 0 : r.exactMonthlyCost))
        field("\"complete\": ", i3); out.write(removed || r.isComplete ? "true" : "false")
        if let max = r.maxMonthlyCost, !removed { field("\"maxMonthlyCost\": ", i3); str(f.money(max)) }
        if let d = diff {
            field("\"change\": ", i3); str(d.change.rawValue)
            field("\"baseMonthlyCost\": ", i3); str(f.money(d.baseMonthlyCost))
            field("\"diffMonthlyCost\": ", i3); str(f.money(d.delta))
            field("\"changeKnown\": ", i3); out.write(d.changeKnown ? "true" : "false")
        }
        if let tags = r.tags, !tags.isEmpty {
            field("\"tags\": ", i3)
            out.write("{")
            for (k, key) in tags.keys.sorted().enumerated() {
                out.write(k == 0 ? "\n" as StaticString : ",\n")
                out.write(i4)
                str(key)
                out.write(": ")
                str(tags[key])
            }
            out.write("\n" as StaticString)
            out.write(i3)
            out.write("}" as StaticString)
        }
        field("\"components\": ", i3)
        writeComponents(removed ? [] : r.components, f, out)
        if let d = diff, d.change == .changed || d.change == .removed, let base = d.base {
            field("\"baseComponents\": ", i3)
            writeComponents(base.components, f, out)
        }
        field("\"assumptions\": ", i3)
        if r.assumptions.isEmpty || removed { out.write("[]") } else {
            out.write("[")
            for (k, a) in r.assumptions.enumerated() {
                out.write(k == 0 ? "\n" as StaticString : ",\n")
                out.write(i4)
                str(a)
            }
            out.write("\n" as StaticString)
            out.write(i3)
            out.write("]" as StaticString)
        }
        field("\"location\": ", i3); str(r.location?.description)
        out.write("\n    }")
    }

    static func writeComponents(_ components: [CostComponent], _ f: NumberText, _ out: OutputSink) {
        func field(_ name: StaticString, _ indent: StaticString, first: Bool = false) {
            out.write(first ? "{\n" as StaticString : ",\n")
            out.write(indent)
            out.write(name)
        }
        func str(_ v: String?) { if let v { JSON.quote(v, to: out) } else { out.write("null") } }
        let i3: StaticString = "      ", i4: StaticString = "        ", i5: StaticString = "          "
        if components.isEmpty { out.write("[]") } else {
            out.write("[")
            for (k, c) in components.enumerated() {
                out.write(k == 0 ? "\n" as StaticString : ",\n")
                out.write(i4)
                let status = c.status
                field("\"name\": ", i5, first: true); str(c.name)
                field("\"unit\": ", i5); str(c.unit)
                field("\"monthlyQuantity\": ", i5); str(c.quantity.decimal.map { f.quantity($0) })
                field("\"unitPrice\": ", i5); str(c.unitPrice.map { f.unitPrice($0) })
                field("\"monthlyCost\": ", i5); str(status == .priced ? f.money(c.monthlyCost ?? 0) : nil)
                field("\"exactMonthlyCost\": ", i5); str(status == .priced ? Money.plain(c.monthlyCost ?? 0) : nil)
                field("\"priceKey\": ", i5); str(c.priceKey)
                field("\"priceSource\": ", i5); str(c.priceSource.map { f.citation($0) })
                field("\"priceDate\": ", i5); str(c.priceDate)
                if let rule = c.rule { field("\"priceRule\": ", i5); str(rule) }
                field("\"status\": ", i5); str(status.rawValue)
                field("\"usageBased\": ", i5); out.write(c.usageBased ? "true" : "false")
                field("\"priceNotFound\": ", i5); out.write(status == .priceNotFound ? "true" : "false")
                field("\"unknownUntilApply\": ", i5)
                if case .unknownUntilApply(let a) = c.quantity { str(a) } else { out.write("false") }
                out.write("\n" as StaticString)
                out.write(i4)
                out.write("}" as StaticString)
            }
            out.write("\n" as StaticString)
            out.write(i3)
            out.write("]" as StaticString)
        }
    }
}

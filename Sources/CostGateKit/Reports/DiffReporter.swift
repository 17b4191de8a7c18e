import FoundationEssentials

/// `costgate diff`: base → head per resource and in total, as a table or JSON.
public enum DiffReporter {
    public static func table(_ d: CostDiff, pricebooks: [PriceBookRef]) -> String {
        let out = OutputSink()
        let f = Format()
        let books = pricebooks.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        out.write("Price book: \(books.isEmpty ? "none" : books)\n\n")
        let changed = d.resources.filter { $0.change != .unchanged }
        if changed.isEmpty { out.write("No resource changes its monthly cost.\n") }
        for r in changed {
            out.write("\(sign(r.change)) \(r.address)  \(f.dollars(r.baseMonthlyCost)) → \(f.dollars(r.headMonthlyCost))  (\(signed(r.delta, f)))\n")
            let baseLines = Dictionary(r.base?.components.map { ($0.name, $0) } ?? [], uniquingKeysWith: { a, _ in a })
            let headLines = Dictionary(r.head?.components.map { ($0.name, $0) } ?? [], uniquingKeysWith: { a, _ in a })
            for name in Set(baseLines.keys).union(headLines.keys).sorted() {
                let b = baseLines[name]?.monthlyCost ?? 0, h = headLines[name]?.monthlyCost ?? 0
                guard b != h || (baseLines[name] == nil) != (headLines[name] == nil) else { continue }
                let mark = baseLines[name] == nil ? "+" : headLines[name] == nil ? "-" : "~"
                out.write("    \(mark) \(name): \(f.dollars(b)) → \(f.dollars(h))\n")
            }
        }
        out.write("\nMONTHLY COST: \(f.dollars(d.baseTotal)) → \(f.dollars(d.headTotal)) (\(signed(d.delta, f))")
        if let p = d.percent { out.write(", \(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%") }
        out.write(")\n")
        let counts = Dictionary(grouping: d.resources, by: \.change).mapValues(\.count)
        out.write("\(counts[.added] ?? 0) added, \(counts[.removed] ?? 0) removed, \(counts[.changed] ?? 0) changed, \(counts[.unchanged] ?? 0) unchanged\n")
        return out.text
    }

    public static func json(_ d: CostDiff, pricebooks: [PriceBookRef]) -> String {
        let f = Format()
        let doc: JSON = .object([
            ("schemaVersion", .string(JSONReporter.schemaVersion)),
            ("currency", .string(d.head.currency)),
            ("pricebook", pricebooks.first.map(JSONReporter.book) ?? .null),
            ("baseTotalMonthlyCost", .string(f.money(d.baseTotal))),
            ("totalMonthlyCost", .string(f.money(d.headTotal))),
            ("diffTotalMonthlyCost", .string(f.money(d.delta))),
            ("diffPercent", d.percent.map { .string(Money.format($0, scale: 1)) } ?? .null),
            ("resources", .array(d.resources.map { r in
                .object([
                    ("address", .string(r.address)), ("type", .string(r.type)), ("change", .string(r.change.rawValue)),
                    ("baseMonthlyCost", .string(f.money(r.baseMonthlyCost))), ("monthlyCost", .string(f.money(r.headMonthlyCost))),
                    ("diffMonthlyCost", .string(f.money(r.delta))),
                ])
            })),
        ])
        return doc.render() + "\n"
    }

    static func sign(_ c: CostDiff.Change) -> String {
        switch c {
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        case .unchanged: return " "
        }
    }

    static func signed(_ d: Decimal, _ f: Format) -> String { d >= 0 ? "+" + f.dollars(d) : f.dollars(d) }
}

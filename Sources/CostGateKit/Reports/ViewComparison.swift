import FoundationEssentials

/// `estimate --compare-views list,negotiated`: the same resources and quantities valued under several
/// pricing views, side by side.
public enum ViewComparison {
    public static func table(_ names: [String], _ estimates: [Estimate]) -> String {
        let f = NumberText()
        var rows: [[String]] = [["Resource"] + names]
        let base = estimates[0]
        for (i, r) in base.resources.enumerated() {
            rows.append([r.address] + estimates.map { i < $0.resources.count ? f.cost($0.resources[i]) : "-" })
        }
        rows.append([""] + names.map { _ in "" })
        rows.append(["TOTAL MONTHLY COST"] + estimates.map { f.bound($0.total) })
        if estimates.count > 1 {
            // the change of the priced part (the unpriced resources are named below the table)
            rows.append(["change from \(names[0])"] + estimates.map { TableReporter.signed($0.totalMonthlyCost - base.totalMonthlyCost, f) })
        }
        var widths = Array(repeating: 0, count: names.count + 1)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.displayWidth) } }
        let out = OutputSink()
        out.write("Views: \(names.joined(separator: ", ")) (the same quantities; unit prices from each view)\n\n")
        for row in rows { TableReporter.line(row, widths, leftAligned: [true], out) }
        if let u = base.unpriced.isEmpty ? nil : Unpriced.sentence(base.unpriced) { out.write("\n\(u)\n") }
        return out.text
    }

    public static func json(_ names: [String], _ estimates: [Estimate]) -> String {
        let f = NumberText()
        let doc: JSON = .object([
            ("schemaVersion", .string(JSONReporter.schemaVersion)),
            ("currency", .string(estimates.first?.currency ?? "USD")),
            ("views", .array(zip(names, estimates).map { name, e in
                .object([
                    ("name", .string(name)),
                    ("totalMonthlyCost", .string(f.money(e.totalMonthlyCost))),
                    ("complete", .bool(e.isComplete)),
                    ("resources", .array(e.resources.map { r in
                        .object([
                            ("address", .string(r.address)),
                            ("monthlyCost", .string(f.money(r.monthlyCost))),
                            ("components", .array(r.components.map { c in
                                .object([("name", .string(c.name)), ("monthlyQuantity", .opt(c.quantity.decimal.map { f.quantity($0) })),
                                         ("unitPrice", .opt(c.unitPrice.map { f.unitPrice($0) })), ("priceKey", .string(c.priceKey))])
                            })),
                        ])
                    })),
                ])
            })),
        ])
        return doc.render() + "\n"
    }
}

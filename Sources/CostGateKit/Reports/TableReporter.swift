import FoundationEssentials
/// `--format table` (the default): each resource with its components, totals, the summary, assumptions.
public struct TableReporter: Reporter {
    public static let format = "table"

    public init() {}

    public func render(_ report: Report) throws -> String {
        let e = report.estimate
        var rows: [[String]] = []
        var out = ""
        let books = report.pricebooks.map { "\($0.id) \($0.version) (effective \($0.effectiveDate))" }.joined(separator: ", ")
        out += "Price book: \(books.isEmpty ? "none" : books); view: \(report.view.name)\n\n"

        rows.append(["Name", "Monthly qty", "Unit", "Unit price", "Monthly cost"])
        for r in e.resources {
            var where_ = [r.region.map { $0 + (r.regionAssumed ? " (assumed)" : "") } ?? "", r.action.rawValue]
            where_.removeAll { $0.isEmpty }
            rows.append(["\(r.address)  [\(where_.joined(separator: ", "))]", "", "", "", ""])
            for (i, c) in r.components.enumerated() {
                let branch = i + 1 == r.components.count ? " └─ " : " ├─ "
                var qty = "", cost = ""
                switch c.quantity {
                case .value(let q): qty = Format.quantity(q)
                case .usageNotGiven: qty = "usage?"
                case .unknownUntilApply: qty = "unknown"
                }
                switch c.status {
                case .priced: cost = Money.dollars(c.monthlyCost ?? 0)
                case .priceNotFound: cost = "price not found"
                case .dependsOnUsage: cost = "depends on usage"
                case .unknownUntilApply: cost = "unknown until apply"
                }
                let unitPrice = c.unitPrice.map { Format.displayUnitPrice($0) } ?? "-"
                rows.append([branch + c.name, qty, c.unit, unitPrice, cost])
            }
            rows.append(["", "", "", "", Money.dollars(r.monthlyCost)])
        }
        let widths = (0..<5).map { col in rows.map { $0[col].count }.max() ?? 0 }
        for row in rows {
            var line = row[0].padding(widths[0])
            line += "  " + row[1].leftPadding(widths[1])
            line += "  " + row[2].padding(widths[2])
            line += "  " + row[3].leftPadding(widths[3])
            line += "  " + row[4].leftPadding(widths[4])
            out += line.trimmingTrailingSpaces() + "\n"
        }
        out += "\nTOTAL MONTHLY COST: \(Money.dollars(e.totalMonthlyCost)) \(e.currency)\n"

        let s = e.summary
        out += "\n\(s.resources) resources: \(s.priced) priced, \(s.free) free, \(s.unsupported) not supported yet, \(s.deleted) deleted"
        out += "; \(s.priceNotFound) with a price not found, \(s.unknownUntilApply) unknown until apply, \(s.usageBased) depending on usage\n"

        let usageLines = e.resources.flatMap { r in r.components.filter { $0.status == .dependsOnUsage }.map { (r.address, $0) } }
        if !usageLines.isEmpty {
            out += "\nDepends on usage (not in the total; give values with --usage):\n"
            for (text, addresses) in Self.grouped(usageLines.map { ("\($0.1.name): \(Format.displayUnitPrice($0.1.unitPrice ?? 0)) per \($0.1.unit)", $0.0) }) {
                out += "  \(text): \(Self.list(addresses))\n"
            }
        }
        let notFound = e.resources.flatMap { r in r.components.filter { $0.status == .priceNotFound }.map { (r, $0) } }
        if !notFound.isEmpty {
            out += "\nPrice not found (not in the total):\n"
            for (r, c) in notFound { out += "  \(r.address): \(c.name): \(c.priceKey)\n" }
        }
        let unknown = e.resources.flatMap { r in r.components.filter { $0.status == .unknownUntilApply }.map { (r, $0) } }
        if !unknown.isEmpty {
            out += "\nUnknown until apply (not in the total):\n"
            for (r, c) in unknown {
                if case .unknownUntilApply(let attr) = c.quantity { out += "  \(r.address): \(c.name) (\(attr))\n" }
            }
        }
        if !e.skipped.isEmpty {
            out += "\nNot priced:\n"
            for k in e.skipped {
                let detail = (k.detail ?? "").isEmpty ? "" : ": " + k.detail!
                out += "  \(k.address)  \(k.reason.rawValue)\(detail)\n"
            }
        }
        let perResource = Self.grouped(e.resources.flatMap { r in r.assumptions.map { ($0, r.address) } })
        if !e.assumptions.isEmpty || !perResource.isEmpty {
            out += "\nAssumptions:\n"
            for n in e.assumptions { out += "  - \(n)\n" }
            for (text, addresses) in perResource { out += "  - \(text): \(Self.list(addresses))\n" }
        }
        return out
    }

    /// Identical texts once, in order of first appearance, with the addresses they apply to.
    static func grouped(_ items: [(String, String)]) -> [(String, [String])] {
        var order: [String] = []
        var byText: [String: [String]] = [:]
        for (text, address) in items {
            if byText[text] == nil { order.append(text) }
            byText[text, default: []].append(address)
        }
        return order.map { ($0, byText[$0]!) }
    }

    static func list(_ addresses: [String]) -> String {
        if addresses.count <= 3 { return addresses.joined(separator: ", ") }
        return addresses.prefix(3).joined(separator: ", ") + " and \(addresses.count - 3) more"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.hasSuffix(" ") { s = s.dropLast() }
        return String(s)
    }
}

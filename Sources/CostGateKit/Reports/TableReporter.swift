import FoundationEssentials
import Synchronization

/// `--format table` (the default): each resource with its components, totals, the summary, assumptions.
public struct TableReporter: Reporter {
    public static let format = "table"

    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        let f = NumberText()
        if let d = report.diff { writeDiff(d, report, f, out) } else { writeEstimate(report, f, out) }
        if let teams = report.teams { Self.writeTeams(teams, f, out, width: report.width) }
        writeFindings(report.findings, out, width: report.width)
    }

    static func writeTeams(_ teams: TeamBreakdown, _ f: NumberText, _ out: OutputSink, width: Int? = nil) {
        let (header, rows, footer) = teams.lines(f)
        out.write("\n\(header):\n")
        let names = teams.pools.map(\.name)
        let widths = [rows.map(\.team.displayWidth).max() ?? 0, rows.map(\.own.displayWidth).max() ?? 0]
        for r in rows {
            let shares = zip(names, r.shares).map { " + \($1) \($0)" }.joined()
            text("  \(r.team)\(String(repeating: " ", count: widths[0] - r.team.displayWidth))  \(String(repeating: " ", count: widths[1] - r.own.displayWidth))\(r.own) own\(shares) = \(r.total)", width, out)
        }
        text("  \(footer)", width, out)
    }

    private func writeEstimate(_ report: Report, _ f: NumberText, _ out: OutputSink) {
        let e = report.estimate
        let books = report.pricebooks.map { "\($0.id) \($0.version) (effective \($0.effectiveDate))" }.joined(separator: ", ")
        Self.text("Price book: \(books.isEmpty ? "none" : books); view: \(report.view.name)", report.width, out)
        out.write("\n")

        // Two passes over the same cells: widths first, then the lines (no table kept in memory); a long
        // table makes each pass in two halves at once.
        let header = ["Name", "Monthly qty", "Unit", "Unit price", "Monthly cost"]
        let halves = Mutex<[[Int]]>([])
        TwoCores.run(e.resources.count) { range, _ in
            let f = NumberText()
            var widths = header.map(\.displayWidth)
            for r in e.resources[range] {
                for row in Self.rows(r, f) { for i in 0..<5 { widths[i] = max(widths[i], row[i].displayWidth) } }
            }
            halves.withLock { $0.append(widths) }
        }
        var widths = halves.withLock { $0.reduce(header.map(\.displayWidth)) { zip($0, $1).map { max($0, $1) } } }
        let wrap = report.width.map { Self.fit(&widths, into: $0) } ?? false
        Self.line(header, widths, out)
        out.writeHalves(e.resources) { part, _, f, out in
            for r in part {
                for row in Self.rows(r, f) { if wrap { Self.wrappedLine(row, widths, out) } else { Self.line(row, widths, out) } }
            }
        }
        let w = report.width
        var total = "TOTAL MONTHLY COST: \(f.amount(e.total)) \(e.currency)"
        if let u = report.unpricedSentence() { total += " — " + u }
        out.write("\n")
        Self.text(total, w, out)
        let named = report.namedProjects
        if named.count > 1 {
            for p in named { Self.text("  \(p.name!): \(f.amount(p.head.total))", w, out) }
        }
        if let max = e.maxTotalMonthlyCost {
            Self.text("WORST CASE (autoscalers at their maximum): \(f.amount(Amount(max, complete: e.isComplete))) \(e.currency)", w, out)
        }

        let s = e.summary
        out.write("\n")
        Self.text("\(s.resources) resources: \(s.priced) priced, \(s.free) free, \(s.unsupported) not supported yet, \(s.deleted) deleted"
                  + "; \(s.priceNotFound) with a price not found, \(s.unknownUntilApply) unknown until apply, \(s.usageBased) depending on usage"
                  + (s.costUnknown > 0 ? ", \(s.costUnknown) with a cost unknown (a quantity not declared)" : ""), w, out)

        let usageLines = e.resources.flatMap { r in r.components.filter { $0.status == .dependsOnUsage }.map { (r.address, $0) } }
        if !usageLines.isEmpty {
            out.write("\nDepends on usage (not in the total; give values with --usage):\n")
            for (text, addresses) in Self.grouped(usageLines.map { ("\($0.1.name): \(f.displayUnitPrice($0.1.unitPrice ?? 0)) per \($0.1.unit)", $0.0) }) {
                Self.text("  \(text): \(Self.list(addresses))", w, out)
            }
        }
        let notFound = e.resources.flatMap { r in r.components.filter { $0.status == .priceNotFound }.map { (r, $0) } }
        if !notFound.isEmpty {
            out.write("\nPrice not found (not in the total):\n")
            for (r, c) in notFound { Self.text("  \(r.address): \(c.name): \(c.priceKey)", w, out) }
        }
        let unknown = e.resources.flatMap { r in r.components.filter { $0.status == .unknownUntilApply }.map { (r, $0) } }
        if !unknown.isEmpty {
            out.write("\nUnknown until apply (not in the total):\n")
            for (r, c) in unknown {
                if case .unknownUntilApply(let attr) = c.quantity { Self.text("  \(r.address): \(c.name) (\(attr))", w, out) }
            }
        }
        if !e.skipped.isEmpty {
            out.write("\nNot priced:\n")
            for k in e.skipped {
                let detail = (k.detail ?? "").isEmpty ? "" : ": " + k.detail!
                Self.text("  \(k.address)  \(k.reason.rawValue)\(detail)", w, out)
            }
        }
        let perResource = Self.grouped(e.resources.flatMap { r in r.assumptions.map { ($0, r.address) } })
        if !e.assumptions.isEmpty || !perResource.isEmpty {
            out.write("\nAssumptions:\n")
            for n in e.assumptions { Self.text("  - \(n)", w, out) }
            for (text, addresses) in perResource { Self.text("  - \(text): \(Self.list(addresses))", w, out) }
        }
    }

    /// The cells of one resource: its heading, its components, its subtotal.
    static func rows(_ r: ResourceCost, _ f: NumberText) -> [[String]] {
        var rows: [[String]] = []
        var place = [r.region.map { $0 + (r.regionAssumed ? " (assumed)" : "") } ?? "", r.action.rawValue]
        place.removeAll { $0.isEmpty }
        rows.append(["\(r.address)  [\(place.joined(separator: ", "))]", "", "", "", ""])
        for (i, c) in r.components.enumerated() {
            let branch = i + 1 == r.components.count ? " └─ " : " ├─ "
            var qty = "", cost = ""
            switch c.quantity {
            case .value(let q): qty = f.quantity(q)
            case .usageNotGiven: qty = "usage?"
            case .unknownUntilApply: qty = "unknown"
            case .notDeclared: qty = "unknown"
            }
            switch c.status {
            case .priced: cost = f.dollars(c.monthlyCost ?? 0)
            case .priceNotFound: cost = "price not found"
            case .dependsOnUsage: cost = "depends on usage"
            case .unknownUntilApply: cost = "unknown until apply"
            case .costUnknown: cost = "cost unknown"
            }
            rows.append([branch + c.name, qty, c.unit, c.unitPrice.map { f.displayUnitPrice($0) } ?? "-", cost])
        }
        rows.append(["", "", "", "", f.cost(r)])
        if let max = r.maxMonthlyCost { rows.append(["", "", "", "at most", f.dollars(max)]) }
        return rows
    }

    /// Narrows the name column (then the unit column) so a row fits in `width` columns; true when a cell
    /// may now have to wrap in its column.
    static func fit(_ widths: inout [Int], into width: Int) -> Bool {
        let gaps = 2 * (widths.count - 1)
        var over = widths.reduce(0, +) + gaps - width
        guard over > 0 else { return false }
        for (column, narrowest) in [(0, 16), (2, 8)] where over > 0 {
            let take = min(over, max(0, widths[column] - narrowest))
            widths[column] -= take
            over -= take
        }
        return true
    }

    /// A row whose name or unit may be longer than its column: the cell wraps inside its column (at spaces
    /// where it can), the other cells stay on the first line.
    static func wrappedLine(_ row: [String], _ widths: [Int], _ out: OutputSink) {
        let pieces = row.enumerated().map { i, cell -> [String] in
            guard i == 0 || i == 2, cell.displayWidth > widths[i] else { return [cell] }
            let hang = i == 0 ? (cell.hasPrefix(" ├─ ") ? " │    " : cell.hasPrefix(" └─ ") ? "      " : "  ") : ""
            return wrap(cell, widths[i], hang: hang)
        }
        let count = pieces.map(\.count).max() ?? 1
        for k in 0..<count {
            line(pieces.map { k < $0.count ? $0[k] : "" }, widths, out)
        }
    }

    /// Words of `text` in lines of at most `width` columns; lines after the first start with `hang`. A word
    /// longer than a line is cut.
    static func wrap(_ text: String, _ width: Int, hang: String) -> [String] {
        guard text.displayWidth > width, width > hang.unicodeScalars.count + 4 else { return [text] }
        var lines: [String] = []
        var rest = Array(text.unicodeScalars)[...]
        var lead: [Unicode.Scalar] = []
        while true {
            let room = width - lead.count
            if rest.count <= room {
                lines.append(String(String.UnicodeScalarView(lead + rest)))
                return lines
            }
            // break at the last space that fits, or after a `/` of an address
            var cut = rest.startIndex + room
            while cut > rest.startIndex, rest[cut] != " ", rest[cut - 1] != "/" { cut -= 1 }
            var start = rest.startIndex
            while start < rest.endIndex, rest[start] == " " { start += 1 }
            if cut <= start { cut = rest.startIndex + room }
            var head = Array(rest[..<cut])
            while head.last == " " { head.removeLast() }
            lines.append(String(String.UnicodeScalarView(lead + head)))
            rest = rest[cut...]
            while rest.first == " " { rest = rest.dropFirst() }
            if rest.isEmpty { return lines }
            lead = Array(hang.unicodeScalars)
        }
    }

    /// One line of free text, wrapped at `width` (when given) with continuation lines indented two more
    /// than the line itself.
    static func text(_ line: String, _ width: Int?, _ out: OutputSink) {
        guard let width, line.displayWidth > width else { out.write(line + "\n"); return }
        let indent = line.prefix { $0 == " " }.count
        for l in wrap(line, width, hang: String(repeating: " ", count: indent + 4)) { out.write(l + "\n") }
    }

    static func line(_ row: [String], _ widths: [Int], _ out: OutputSink) {
        line(row, widths, leftAligned: [true, false, true, false, false], out)
    }

    /// One row of cells padded to their columns' widths, two spaces apart, written straight to the sink
    /// with no spaces at the end of the line.
    static func line(_ row: [String], _ widths: [Int], leftAligned: [Bool], _ out: OutputSink) {
        var pending = 0   // spaces owed before the next visible character (dropped at the end of the line)
        for (i, cell) in row.enumerated() {
            if i > 0 { pending += 2 }
            let pad = max(0, widths[i] - cell.displayWidth)
            let left = i < leftAligned.count ? leftAligned[i] : false
            if !left { pending += pad }
            var text = cell
            text.withUTF8 { bytes in
                var end = bytes.count
                while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
                if end > 0 {
                    out.write(spaces: pending)
                    out.write(raw: UnsafeBufferPointer(rebasing: bytes[..<end]))
                    pending = 0
                }
                pending += bytes.count - end
            }
            if left { pending += pad }
        }
        out.write(byte: 0x0A)
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
    /// Columns on a terminal: one per Unicode scalar (box-drawing characters included), counted
    /// without grapheme breaking, which is slow on a hundred thousand rows.
    var displayWidth: Int {
        var ascii = true
        for b in utf8 where b >= 0x80 { ascii = false; break }
        return ascii ? utf8.count : unicodeScalars.count
    }
}

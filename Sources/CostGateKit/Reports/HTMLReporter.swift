import FoundationEssentials

/// `--format html`: one self-contained page to look at rather than read: the headline and the verdict,
/// bar charts (inline SVG) of the monthly cost by project and by team or service (base against head when
/// there is a base), the resources that moved most with every cost line as quantity × unit price in a
/// details row (and on hover), the policy results and the assumptions. Inline CSS, no script, nothing
/// loaded from the network; the same report gives the same bytes (no clock, no random ids).
public struct HTMLReporter: Reporter {
    public static let format = "html"
    /// Resources listed in "moved most" (or "cost most" without a base).
    static let shownResources = 25
    /// Bars per chart; the rest are summed into one "N others" bar.
    static let shownBars = 12

    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        let f = NumberText()
        let e = report.estimate
        let headline = Self.headline(report, f)
        let findings = TableReporter.ordered(report.findings)
        let active = findings.filter { $0.exemption == nil }
        let errors = active.filter { $0.severity == .error }.count
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        out.write("<title>\(Self.escape(headline))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n<main>\n")

        // headline and verdict
        out.write("<header>\n<h1 id=\"headline\">\(Self.escape(headline))</h1>\n")
        let verdict: (String, String)
        if errors > 0 {
            verdict = ("fail", "✗ Fails: \(errors) error-level finding\(errors == 1 ? "" : "s")")
        } else if !report.policies.isEmpty || !findings.isEmpty {
            verdict = ("pass", "✓ Passes: no error-level finding")
        } else {
            verdict = ("none", "No policies configured (.costgate.yml policies:)")
        }
        var counts = "\(errors) failed, \(active.count - errors) warning\(active.count - errors == 1 ? "" : "s")"
        if findings.count > active.count { counts += ", \(findings.count - active.count) exempted" }
        out.write("<p id=\"verdict\" class=\"verdict \(verdict.0)\"><strong>\(Self.escape(verdict.1))</strong>")
        if !findings.isEmpty || !report.policies.isEmpty { out.write(" <span>Policies: \(Self.escape(counts))</span>") }
        out.write("</p>\n")
        let books = report.pricebooks.map { "\($0.id) \($0.version) (effective \($0.effectiveDate))" }.joined(separator: ", ")
        out.write("<p class=\"meta\">Priced offline with price book \(Self.escape(books.isEmpty ? "none" : books)), view \(Self.escape(report.view.name))")
        if let base = report.baseDescription { out.write(". Base: \(Self.escape(base))") }
        out.write(".</p>\n</header>\n")

        // by project
        let named = report.namedProjects
        var projectBars: [Bar] = []
        if !named.isEmpty {
            for p in named {
                projectBars.append(Bar(label: p.name!, base: p.diff?.baseTotal, head: p.head.totalMonthlyCost,
                                       detail: Self.resourceCount(p.head.resources.count), headAmount: p.head.total,
                                       baseAmount: p.diff?.baseAmount, diff: p.diff))
            }
        } else {
            projectBars.append(Bar(label: "all inputs", base: report.diff?.baseTotal, head: e.totalMonthlyCost,
                                   detail: Self.resourceCount(e.resources.count), headAmount: e.total, baseAmount: report.diff?.baseAmount,
                                   diff: report.diff))
        }
        out.write("<section id=\"projects\">\n<h2>Monthly cost by project</h2>\n")
        Self.chart(projectBars, id: "chart-projects", f, out)
        out.write("<table class=\"totals\">\n<thead><tr><th>Project</th>\(report.diff != nil ? "<th>Base</th>" : "")<th>Head</th>\(report.diff != nil ? "<th>Change</th>" : "")</tr></thead>\n<tbody>\n")
        for b in projectBars {
            out.write("<tr class=\"project\"><th scope=\"row\">\(Self.escape(b.label))</th>")
            if report.diff != nil { out.write("<td>\(b.baseAmount.map(f.bound) ?? f.dollars(0))</td>") }
            out.write("<td class=\"total\">\(b.headAmount.map(f.bound) ?? f.dollars(b.head))</td>")
            if report.diff != nil {
                out.write("<td class=\"\(Self.direction(b.head - (b.base ?? 0)))\">\(b.diff.map(f.change) ?? TableReporter.signed(b.head - (b.base ?? 0), f))</td>")
            }
            out.write("</tr>\n")
        }
        if projectBars.count > 1 {
            out.write("<tr class=\"sum\"><th scope=\"row\">Total</th>")
            if let d = report.diff { out.write("<td>\(f.bound(d.baseAmount))</td>") }
            out.write("<td class=\"total\">\(f.bound(e.total))</td>")
            if let d = report.diff { out.write("<td class=\"\(Self.direction(d.delta))\">\(f.change(d))</td>") }
            out.write("</tr>\n")
        }
        out.write("</tbody>\n</table>\n</section>\n")

        // by team or service
        let teamBars = Self.teamBars(report)
        if !teamBars.bars.isEmpty {
            out.write("<section id=\"teams\">\n<h2>Monthly cost by \(Self.escape(teamBars.title))</h2>\n")
            Self.chart(teamBars.bars, id: "chart-teams", f, out)
            if let note = teamBars.note { out.write("<p class=\"note\">\(Self.escape(note))</p>\n") }
            out.write("</section>\n")
        }

        // resources
        Self.writeResources(report, named.count > 1, f, out)

        // policies
        out.write("<section id=\"policies\">\n<h2>Policies</h2>\n")
        if findings.isEmpty {
            out.write(report.policies.isEmpty ? "<p>No policies configured.</p>\n" : "<p class=\"ok\">All \(report.policies.count) policies passed.</p>\n")
        } else {
            out.write("<table class=\"findings\">\n<thead><tr><th>Result</th><th>Policy</th><th>Resource</th><th>Finding</th><th>What to do</th></tr></thead>\n<tbody>\n")
            for x in findings {
                let (cls, result) = x.exemption != nil ? ("exempted", "exempted") : x.severity == .error ? ("error", "✗ failed") : ("warning", "⚠ warning")
                let resource = x.address.map { MarkdownReporter.qualified($0, x.project, named.count > 1) } ?? ""
                let todo = x.exemption.map { "exempted: \($0)" } ?? x.hint ?? ""
                var message = x.message
                if let l = x.location, l.line != nil { message += " (\(l))" }
                out.write("<tr class=\"\(cls)\"><td>\(result)</td><td>\(Self.escape(x.policy))</td><td><code>\(Self.escape(resource))</code></td><td>\(Self.escape(message))</td><td>\(Self.escape(todo))</td></tr>\n")
            }
            out.write("</tbody>\n</table>\n")
        }
        out.write("</section>\n")

        // assumptions
        var notes = e.assumptions
        let s = e.summary
        if s.usageBased > 0 { notes.append("\(Self.resourceCount(s.usageBased)) with usage-based costs left out of the totals (give values in a usage file)") }
        if s.priceNotFound > 0 { notes.append("\(Self.resourceCount(s.priceNotFound)) with a price not found, left out of the totals") }
        if s.unknownUntilApply > 0 { notes.append("\(Self.resourceCount(s.unknownUntilApply)) with a cost unknown until apply") }
        if s.costUnknown > 0 { notes.append("\(Self.resourceCount(s.costUnknown)) declaring no quantity to price (cost unknown)") }
        if s.unsupported > 0 { notes.append("\(Self.resourceCount(s.unsupported)) not supported yet") }
        if !notes.isEmpty {
            out.write("<section id=\"assumptions\">\n<h2>Assumptions</h2>\n<ul>\n")
            for n in notes { out.write("<li>\(Self.escape(n))</li>\n") }
            out.write("</ul>\n</section>\n")
        }
        out.write("<footer>costgate \(Self.escape(SARIFReporter.version)) · quantities × unit prices from the price books named above · every cost line is in the resource's details</footer>\n")
        out.write("</main>\n</body>\n</html>\n")
    }

    // MARK: parts

    struct Bar {
        var label: String
        var base: Decimal?
        var head: Decimal
        var detail: String
        /// The totals as the model knows them (a lower bound when not complete), for the tables.
        var headAmount: Amount? = nil
        var baseAmount: Amount? = nil
        var diff: CostDiff? = nil
    }

    static func headline(_ report: Report, _ f: NumberText) -> String {
        if let d = report.diff {
            let direction = d.delta > 0 ? "will rise by" : d.delta < 0 ? "will fall by" : "does not change"
            var text = "costgate: monthly cost \(direction)"
            guard let change = d.change, change.complete else {
                // a lower bound or an unknown change is said as the model has it, never as an exact number
                return "costgate: monthly cost \(f.comparison(d)) a month"
            }
            if d.delta != 0 {
                text += " \(f.dollars(abs(d.delta)))"
                if let p = d.percent { text += " (\(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%)" }
            }
            return text + " to \(f.dollars(d.headTotal)) a month"
        }
        return "costgate: monthly cost \(f.amount(report.estimate.total))"
    }

    static func resourceCount(_ n: Int) -> String { "\(n) resource\(n == 1 ? "" : "s")" }

    static func direction(_ d: Decimal) -> String { d > 0 ? "up" : d < 0 ? "down" : "same" }

    /// By the shared-cost breakdown when the configuration has one, else by each resource's `team` tag or
    /// label, else `service`, else its namespace (resources with none are "unassigned").
    static func teamBars(_ report: Report) -> (title: String, bars: [Bar], note: String?) {
        let f = NumberText()
        if let t = report.teams {
            let (header, _, footer) = t.lines(f)
            let bars = t.teams.map { Bar(label: $0.name, base: nil, head: $0.total, detail: "own \(f.dollars($0.direct)) + shared \(f.dollars($0.total - $0.direct))") }
            return (String(header.dropFirst(3)), bars, footer)
        }
        func owner(_ r: ResourceCost) -> String? {
            r.tags?["team"] ?? r.tags?["service"] ?? r.tags?["app.kubernetes.io/part-of"] ?? r.namespace
        }
        let head = report.estimate.resources
        let base = report.diff?.base.resources ?? []
        guard head.contains(where: { owner($0) != nil }) || base.contains(where: { owner($0) != nil }) else { return ("team or service", [], nil) }
        var totals: [String: (base: Decimal, head: Decimal, count: Int)] = [:]
        for r in head { let k = owner(r) ?? "unassigned"; totals[k, default: (0, 0, 0)].head += r.monthlyCost; totals[k, default: (0, 0, 0)].count += 1 }
        for r in base { let k = owner(r) ?? "unassigned"; totals[k, default: (0, 0, 0)].base += r.monthlyCost }
        let bars = totals.sorted { ($0.value.head, $1.key) > ($1.value.head, $0.key) }.map {
            Bar(label: $0.key, base: report.diff == nil ? nil : $0.value.base, head: $0.value.head, detail: resourceCount($0.value.count))
        }
        return ("team or service", bars, "By each resource's team tag or label, else service, else its Kubernetes namespace.")
    }

    /// A horizontal bar chart: per row a base bar (grey) above a head bar (blue), to scale, with amounts;
    /// each bar's tooltip (`<title>`) gives its amount and what it sums.
    static func chart(_ all: [Bar], id: String, _ f: NumberText, _ out: OutputSink) {
        var bars = Array(all.prefix(shownBars))
        if all.count > shownBars {
            let rest = all.dropFirst(shownBars)
            let base = rest.contains { $0.base != nil } ? rest.reduce(Decimal(0)) { $0 + ($1.base ?? 0) } : nil
            bars.append(Bar(label: "\(rest.count) others", base: base, head: rest.reduce(Decimal(0)) { $0 + $1.head }, detail: "\(rest.count) more rows"))
        }
        let withBase = bars.contains { $0.base != nil }
        let maxValue = bars.map { max($0.head, $0.base ?? 0) }.max() ?? 0
        let labelWidth = 180, barArea = 380, width = 680
        let rowHeight = withBase ? 40 : 28
        let height = bars.count * rowHeight + (withBase ? 34 : 12)
        out.write("<figure>\n<svg id=\"\(id)\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\">\n")
        for (i, b) in bars.enumerated() {
            let y = 6 + i * rowHeight
            let label = b.label.count > 26 ? String(b.label.prefix(25)) + "…" : b.label
            out.write("<g class=\"row\"><title>\(escape(b.label)): \(b.base.map { "base \(f.dollars($0)) → " } ?? "")\(f.dollars(b.head)) a month (\(escape(b.detail)))</title>\n")
            out.write("<text x=\"\(labelWidth - 8)\" y=\"\(y + (withBase ? 20 : 13))\" text-anchor=\"end\" class=\"label\">\(escape(label))</text>\n")
            var barY = y
            if withBase {
                let w = scaled(b.base ?? 0, maxValue, barArea)
                out.write("<rect class=\"base\" x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(w)\" height=\"14\" rx=\"2\"/>")
                out.write("<text x=\"\(labelWidth + Int(w.prefix { $0 != "." })! + 6)\" y=\"\(barY + 11)\" class=\"amount\">\(f.dollars(b.base ?? 0))</text>\n")
                barY += 17
            }
            let w = scaled(b.head, maxValue, barArea)
            let cls = withBase ? (b.head > (b.base ?? 0) ? "head up" : b.head < (b.base ?? 0) ? "head down" : "head") : "head"
            out.write("<rect class=\"\(cls)\" x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(w)\" height=\"\(withBase ? 14 : 18)\" rx=\"2\"/>")
            out.write("<text x=\"\(labelWidth + Int(w.prefix { $0 != "." })! + 6)\" y=\"\(barY + (withBase ? 11 : 13))\" class=\"amount\">\(f.dollars(b.head))</text></g>\n")
        }
        if withBase {
            let y = height - 14
            out.write("<g class=\"legend\"><rect class=\"base\" x=\"\(labelWidth)\" y=\"\(y - 9)\" width=\"12\" height=\"10\"/><text x=\"\(labelWidth + 16)\" y=\"\(y)\">base</text>")
            out.write("<rect class=\"head up\" x=\"\(labelWidth + 70)\" y=\"\(y - 9)\" width=\"12\" height=\"10\"/><text x=\"\(labelWidth + 86)\" y=\"\(y)\">head, more</text>")
            out.write("<rect class=\"head down\" x=\"\(labelWidth + 170)\" y=\"\(y - 9)\" width=\"12\" height=\"10\"/><text x=\"\(labelWidth + 186)\" y=\"\(y)\">head, less</text>")
            out.write("<rect class=\"head\" x=\"\(labelWidth + 270)\" y=\"\(y - 9)\" width=\"12\" height=\"10\"/><text x=\"\(labelWidth + 286)\" y=\"\(y)\">head, the same</text></g>\n")
        }
        out.write("</svg>\n</figure>\n")
    }

    /// A bar's width in the chart's units, one decimal, from exact arithmetic (no floating point).
    static func scaled(_ value: Decimal, _ maxValue: Decimal, _ area: Int) -> String {
        guard maxValue > 0, value > 0 else { return "0" }
        let w = value * Decimal(area) / maxValue
        return Money.format(max(w, Decimal(string: "0.5")!), scale: 1)
    }

    static func writeResources(_ report: Report, _ many: Bool, _ f: NumberText, _ out: OutputSink) {
        struct Row { var mark: String; var address: String; var base: ResourceCost?; var head: ResourceCost?; var delta: Decimal; var diff: CostDiff.ResourceDiff? = nil }
        var rows: [Row] = []
        var title: String
        let total: Int
        if let d = report.diff {
            let moved = d.resources.filter { $0.change != .unchanged }
                .enumerated().sorted { (abs($0.element.delta), -$0.offset) > (abs($1.element.delta), -$1.offset) }.map(\.element)
            total = moved.count
            rows = moved.prefix(shownResources).map {
                Row(mark: TableReporter.sign($0.change), address: MarkdownReporter.qualified($0.address, $0.project, many), base: $0.base, head: $0.head, delta: $0.delta, diff: $0)
            }
            title = "Resources that moved most"
        } else {
            let top = report.estimate.resources.enumerated()
                .sorted { ($0.element.monthlyCost, -$0.offset) > ($1.element.monthlyCost, -$1.offset) }.map(\.element)
            total = top.count
            rows = top.prefix(shownResources).map { Row(mark: "", address: MarkdownReporter.qualified($0.address, $0.project, many), base: nil, head: $0, delta: 0) }
            title = "Resources that cost most"
        }
        guard !rows.isEmpty else { return }
        let diff = report.diff != nil
        out.write("<section id=\"resources\">\n<h2>\(title)</h2>\n")
        if total > rows.count { out.write("<p class=\"note\">The \(rows.count) of \(total) shown; every resource is in the JSON report.</p>\n") }
        out.write("<table class=\"resources\">\n<thead><tr><th>Resource</th>\(diff ? "<th>Base</th>" : "")<th>Monthly cost</th>\(diff ? "<th>Change</th>" : "")</tr></thead>\n")
        for (i, r) in rows.enumerated() {
            let lines = (r.head?.components ?? r.base?.components ?? []).map { line($0, f) }
            out.write("<tbody class=\"resource\">\n<tr><th scope=\"row\" title=\"\(escape(lines.joined(separator: "\n")))\">")
            if !r.mark.isEmpty { out.write("<span class=\"mark \(direction(r.delta))\">\(escape(r.mark))</span> ") }
            out.write("<code>\(escape(r.address))</code></th>")
            if diff { out.write("<td>\(f.cost(r.base))</td>") }
            out.write("<td>\(f.cost(r.head))</td>")
            if diff { out.write("<td class=\"\(direction(r.delta))\">\(r.diff.map(f.change) ?? TableReporter.signed(r.delta, f))</td>") }
            out.write("</tr>\n<tr class=\"details\"><td colspan=\"\(diff ? 4 : 2)\"><details\(i == 0 ? " open" : "")><summary>quantity × unit price</summary>\n<ul>\n")
            if diff, let base = r.base, r.head != nil {
                for c in TableReporter.componentChanges(base.components, r.head!.components, f) { out.write("<li class=\"change\">\(escape(c))</li>\n") }
            }
            if let head = r.head { for c in head.components { out.write("<li>\(escape(line(c, f)))</li>\n") } } else if let base = r.base {
                for c in base.components { out.write("<li class=\"removed\">removed: \(escape(line(c, f)))</li>\n") }
            }
            out.write("</ul>\n</details></td></tr>\n</tbody>\n")
        }
        out.write("</table>\n</section>\n")
    }

    /// `Instance usage (m5.large): 730 hours × $0.096 = $70.08 (aws/ec2/…)`
    static func line(_ c: CostComponent, _ f: NumberText) -> String {
        let price = c.unitPrice.map { f.displayUnitPrice($0) }
        var text = "\(c.name): "
        switch c.quantity {
        case .value(let q): text += "\(f.quantity(q)) \(c.unit) × \(price ?? "no price") = \(TableReporter.cost(c, f))"
        case .usageNotGiven: text += "usage not given × \(price ?? "no price") per \(c.unit): depends on usage"
        case .unknownUntilApply(let attr): text += "\(attr) unknown until apply"
        case .notDeclared: text += "no quantity declared: cost unknown"
        }
        return text + " (\(c.priceKey))"
    }

    /// Text for HTML (element content and attribute values): markup characters as entities; control
    /// characters, and the invisible ones that reorder text (bidirectional overrides), shown as visible
    /// code points instead of acting.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                let v = u.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                    || v == 0x200E || v == 0x200F || v == 0x061C {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    static let css = """
    :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
      --head: #0969da; --base: #afb8c1; --up: #cf222e; --down: #1a7f37; --warn: #9a6700; }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
    main { max-width: 960px; margin: 0 auto; padding: 24px; }
    h1 { font-size: 24px; margin: 0 0 8px; }
    h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    .verdict { display: inline-block; margin: 4px 0; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--line); }
    .verdict.fail { background: #ffebe9; border-color: #ff8182; color: #82071e; }
    .verdict.pass { background: #dafbe1; border-color: #4ac26b; color: #116329; }
    .verdict.none { background: var(--panel); }
    .verdict span { margin-left: 8px; color: var(--fg); }
    .meta, .note, footer { color: var(--muted); }
    figure { margin: 8px 0; overflow-x: auto; }
    svg.chart text { font: 12px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; fill: var(--fg); }
    svg.chart text.amount { fill: var(--muted); }
    svg.chart rect.head { fill: var(--head); }
    svg.chart rect.head.up { fill: var(--up); }
    svg.chart rect.head.down { fill: var(--down); }
    svg.chart rect.base { fill: var(--base); }
    svg.chart g.row:hover rect { opacity: 0.8; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0; }
    th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
    thead th { background: var(--panel); font-weight: 600; }
    table.totals td, table.resources td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.sum th, tr.sum td { font-weight: 700; }
    .up { color: var(--up); } .down { color: var(--down); }
    .mark { font-weight: 700; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
    code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
    tr.details td { text-align: left; white-space: normal; padding-top: 0; border-bottom: 1px solid var(--line); }
    tbody.resource tr:first-child th, tbody.resource tr:first-child td { border-bottom: none; }
    details summary { cursor: pointer; color: var(--muted); font-size: 12px; }
    details ul { margin: 4px 0 8px; padding-left: 20px; font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
    li.change { color: var(--muted); } li.removed { text-decoration: line-through; }
    tr.error td:first-child { color: var(--up); font-weight: 600; }
    tr.warning td:first-child { color: var(--warn); font-weight: 600; }
    tr.exempted td { color: var(--muted); }
    .ok { color: var(--down); }
    footer { margin-top: 32px; font-size: 12px; }

    """
}

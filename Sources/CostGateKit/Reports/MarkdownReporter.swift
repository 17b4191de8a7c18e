import FoundationEssentials

/// `--format markdown`: the pull-request comment. GitHub-flavoured (tables, `<details>`), readable in GitLab.
/// It starts with a hidden marker so a CI step can find and update its own comment, and stays under
/// GitHub's 65,536 characters by showing fewer resources and findings and saying how many were left out.
public struct MarkdownReporter: Reporter {
    public static let format = "markdown"
    /// The first line of every comment.
    public static let marker = "<!-- costgate:pull-request-comment -->"
    public static let limit = 65_536

    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        var resources = 25, findings = 50, lines = true
        var text = render(report, resources: resources, findings: findings, componentLines: lines)
        // leave room for a CI step's own text around the comment
        while text.unicodeScalars.count > Self.limit - 1_000 {
            if lines && resources <= 10 { lines = false } else if resources > 1 { resources /= 2 } else if findings > 1 { findings /= 2 } else { break }
            text = render(report, resources: resources, findings: findings, componentLines: lines)
        }
        if text.unicodeScalars.count > Self.limit - 1_000 {
            text = String(text.unicodeScalars.prefix(Self.limit - 1_200)) + "\n\n… cut to fit a comment; see the JSON report.\n"
        }
        out.write(text)
    }

    func render(_ report: Report, resources maxResources: Int, findings maxFindings: Int, componentLines: Bool) -> String {
        let f = NumberText()
        let e = report.estimate
        var md = Self.marker + "\n"
        // headline
        if let d = report.diff {
            let direction = d.delta > 0 ? "will rise by" : d.delta < 0 ? "will fall by" : "does not change"
            var head = "### costgate: monthly cost \(direction)"
            if d.delta != 0 {
                head += " **\(f.dollars(abs(d.delta)))**"
                if let p = d.percent { head += " (\(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%)" }
            }
            md += head + " to **\(f.dollars(d.headTotal))** a month\n\n"
        } else {
            md += "### costgate: monthly cost **\(f.dollars(e.totalMonthlyCost))**\n\n"
        }
        // per project
        let named = report.namedProjects
        if let d = report.diff {
            md += "| Project | Base | Head | Change |\n| --- | ---: | ---: | ---: |\n"
            for p in named { if let pd = p.diff { md += "| \(Self.cell(p.name!)) | \(f.dollars(pd.baseTotal)) | \(f.dollars(pd.headTotal)) | \(Self.change(pd, f)) |\n" } }
            md += "| **Total** | **\(f.dollars(d.baseTotal))** | **\(f.dollars(d.headTotal))** | **\(Self.change(d, f))** |\n\n"
        } else if named.count > 1 {
            md += "| Project | Monthly cost |\n| --- | ---: |\n"
            for p in named { md += "| \(Self.cell(p.name!)) | \(f.dollars(p.head.totalMonthlyCost)) |\n" }
            md += "| **Total** | **\(f.dollars(e.totalMonthlyCost))** |\n\n"
        }
        // resources that moved most (or cost most, without a base)
        if let d = report.diff {
            let moved = d.resources.filter { $0.change != .unchanged }
                .enumerated().sorted { (abs($0.element.delta), -$0.offset) > (abs($1.element.delta), -$1.offset) }.map(\.element)
            if !moved.isEmpty {
                let shown = moved.prefix(maxResources)
                md += "<details>\n<summary>\(moved.count) resource\(moved.count == 1 ? "" : "s") changed cost"
                md += shown.count < moved.count ? " (the \(shown.count) that moved most are shown)" : ""
                md += "</summary>\n\n| Resource | Base | Head | Change |\n| --- | ---: | ---: | ---: |\n"
                for r in shown {
                    md += "| \(TableReporter.sign(r.change)) `\(Self.code(Self.qualified(r.address, r.project, named.count > 1)))` | \(f.dollars(r.baseMonthlyCost)) | \(f.dollars(r.headMonthlyCost)) | \(TableReporter.signed(r.delta, f)) |\n"
                }
                if componentLines {
                    md += "\n"
                    for r in shown {
                        let lines = TableReporter.componentChanges(r.base?.components ?? [], r.head?.components ?? [], f)
                        guard !lines.isEmpty else { continue }
                        md += "**`\(Self.code(Self.qualified(r.address, r.project, named.count > 1)))`**\n"
                        // the mark as code: a bare "+ " or "- " would start a nested list
                        for l in lines { md += "- `\(l.prefix(1))` \(Self.escape(String(l.dropFirst(2))))\n" }
                        md += "\n"
                    }
                    md.removeLast()
                }
                if shown.count < moved.count { md += "\n\(moved.count - shown.count) more not shown: run `costgate diff` or see the JSON report.\n" }
                md += "\n</details>\n\n"
            }
        } else if !e.resources.isEmpty {
            let top = e.resources.enumerated().sorted { ($0.element.monthlyCost, -$0.offset) > ($1.element.monthlyCost, -$1.offset) }.map(\.element)
            let shown = top.prefix(maxResources)
            md += "<details>\n<summary>\(e.resources.count) priced resource\(e.resources.count == 1 ? "" : "s")"
            md += shown.count < top.count ? " (the \(shown.count) that cost most are shown)" : ""
            md += "</summary>\n\n| Resource | Monthly cost |\n| --- | ---: |\n"
            for r in shown { md += "| `\(Self.code(Self.qualified(r.address, r.project, named.count > 1)))` | \(f.dollars(r.monthlyCost)) |\n" }
            md += "\n</details>\n\n"
        }
        if let t = report.teams {
            let (header, rows, footer) = t.lines(f)
            md += "#### \(header)\n\n| Team | Own | " + t.pools.map { Self.cell($0.name) + " |" }.joined(separator: " ") + " Total |\n"
            md += "| --- | ---: |" + String(repeating: " ---: |", count: t.pools.count) + " ---: |\n"
            for r in rows { md += "| \(Self.cell(r.team)) | \(r.own) | " + r.shares.map { $0 + " |" }.joined(separator: " ") + " \(r.total) |\n" }
            md += "\n\(Self.escape(footer))\n\n"
        }
        // policies
        let findings = TableReporter.ordered(report.findings)
        if !findings.isEmpty {
            let active = findings.filter { $0.exemption == nil }
            let errors = active.filter { $0.severity == .error }.count
            md += "#### Policies: \(errors) failed, \(active.count - errors) warning\(active.count - errors == 1 ? "" : "s")"
            md += findings.count > active.count ? ", \(findings.count - active.count) exempted\n\n" : "\n\n"
            md += "| Result | Policy | Resource | Finding | What to do |\n| --- | --- | --- | --- | --- |\n"
            for x in findings.prefix(maxFindings) {
                let result = x.exemption != nil ? "exempted" : x.severity == .error ? "❌ failed" : "⚠️ warning"
                let resource = x.address.map { "`\(Self.code(Self.qualified($0, x.project, named.count > 1)))`" } ?? ""
                let todo = x.exemption.map { "exempted: \($0)" } ?? x.hint ?? ""
                md += "| \(result) | \(Self.cell(x.policy)) | \(resource) | \(Self.cell(x.message)) | \(Self.cell(todo)) |\n"
            }
            if findings.count > maxFindings { md += "\n\(findings.count - maxFindings) more findings not shown: see the JSON or SARIF report.\n" }
            md += "\n"
        } else if !report.policies.isEmpty {
            md += "#### Policies: all \(report.policies.count) passed\n\n"
        }
        // assumptions
        var notes: [String] = []
        if let base = report.baseDescription { notes.append("Base: \(base).") }
        notes += e.assumptions.map { $0.hasSuffix(".") ? $0 : $0 + "." }
        let s = e.summary
        if s.usageBased > 0 { notes.append("\(s.usageBased) resource\(s.usageBased == 1 ? " has" : "s have") usage-based costs left out of the totals (give values in a usage file).") }
        if s.priceNotFound > 0 { notes.append("\(s.priceNotFound) resource\(s.priceNotFound == 1 ? " has" : "s have") a price not found, left out of the totals.") }
        if s.unknownUntilApply > 0 { notes.append("\(s.unknownUntilApply) resource\(s.unknownUntilApply == 1 ? " has" : "s have") a cost unknown until apply.") }
        if s.costUnknown > 0 {
            notes.append("\(s.costUnknown) resource\(s.costUnknown == 1 ? " declares" : "s declare") no quantity to price (such as containers without requests or a claim without a size): cost unknown.")
        }
        if s.unsupported > 0 { notes.append("\(s.unsupported) resource\(s.unsupported == 1 ? " is" : "s are") not supported yet.") }
        if !notes.isEmpty {
            md += "<details>\n<summary>Assumptions</summary>\n\n"
            for n in notes { md += "- \(Self.escape(n))\n" }
            md += "\n</details>\n\n"
        }
        let books = report.pricebooks.map { "\($0.id) \($0.version) (effective \($0.effectiveDate))" }.joined(separator: ", ")
        md += "<sub>Priced offline by costgate with price book \(books.isEmpty ? "none" : books), view \(report.view.name).</sub>\n"
        return md
    }

    static func change(_ d: CostDiff, _ f: NumberText) -> String {
        var text = TableReporter.signed(d.delta, f)
        if let p = d.percent { text += " (\(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%)" }
        return text
    }

    static func qualified(_ address: String, _ project: String?, _ many: Bool) -> String {
        many ? (project.map { "\($0): " } ?? "") + address : address
    }

    /// Text for a table cell: pipes escaped, line breaks made spaces, markdown characters left inert.
    static func cell(_ s: String) -> String { escape(s).replacing("|", with: "\\|").replacing("\n", with: " ") }

    /// Characters that would start markdown or HTML, escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*", "_", "`", "[", "]", "\\": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    /// Text inside a code span: backticks cannot close it, pipes cannot end a cell.
    static func code(_ s: String) -> String { s.replacing("`", with: "'").replacing("|", with: "\\|") }
}

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
            let c = d.change
            let total = d.headAmount.complete ? "**\(f.dollars(d.headTotal))**" : "at least **\(f.dollars(d.headTotal))**"
            if let c, c.complete {
                if c.known == 0 {
                    md += "### costgate: monthly cost unchanged\(d.headAmount.complete ? " at" : ":") \(total) a month\n\n"
                } else {
                    var text = "### costgate: monthly cost will \(c.known > 0 ? "rise" : "fall") by **\(f.dollars(abs(c.known)))**"
                    if d.baseAmount.complete, let p = d.percent { text += " (\(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%)" }
                    md += text + " to \(total) a month\n\n"
                }
            } else if let c, c.known > 0 {
                md += "### costgate: monthly cost will rise by at least **\(f.dollars(c.known))** to \(total) a month\n\n"
            } else {
                md += "### costgate: monthly cost change not known: \(total) a month (base \(f.amount(d.baseAmount)))\n\n"
            }
        } else {
            md += "### costgate: monthly cost \(e.isComplete ? "" : "at least ")**\(f.dollars(e.totalMonthlyCost))**\n\n"
        }
        // the verdict, right under the headline
        if !report.policies.isEmpty {
            let active = report.findings.filter { $0.exemption == nil }
            var failed: [String] = []
            for x in active where x.fails && !failed.contains(x.policy) { failed.append(x.policy) }
            let warnings = active.count - active.filter(\.fails).count
            let warned = warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : ""
            md += failed.isEmpty ? "**✅ Policies passed**\(warned)\n\n"
                : "**❌ \(failed.count) polic\(failed.count == 1 ? "y" : "ies") failed** (\(failed.map(Self.cell).joined(separator: ", ")))\(warned)\n\n"
        }
        if let u = report.unpriced.isEmpty ? nil : report.unpriced {
            let named = u.prefix(5).map { "`\(Self.code(Self.qualified($0.address, $0.project, report.namedProjects.count > 1)))` (\(Self.escape($0.reason)))" }
            md += "**Not fully priced, so the totals are lower bounds:** \(u.count) resource\(u.count == 1 ? "" : "s") not priced: "
            md += named.joined(separator: ", ") + (u.count > 5 ? " and \(u.count - 5) more" : "") + "\n\n"
        }
        // per project
        let named = report.namedProjects
        if let d = report.diff {
            md += "| Project | Base | Head | Change |\n| --- | ---: | ---: | ---: |\n"
            for p in named { if let pd = p.diff { md += "| \(Self.cell(p.name!)) | \(f.bound(pd.baseAmount)) | \(f.bound(pd.headAmount)) | \(f.change(pd)) |\n" } }
            md += "| **Total** | **\(f.bound(d.baseAmount))** | **\(f.bound(d.headAmount))** | **\(f.change(d))** |\n\n"
        } else if named.count > 1 {
            md += "| Project | Monthly cost |\n| --- | ---: |\n"
            for p in named { md += "| \(Self.cell(p.name!)) | \(f.bound(p.head.total)) |\n" }
            md += "| **Total** | **\(f.bound(e.total))** |\n\n"
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
                    md += "| \(TableReporter.sign(r.change)) `\(Self.code(Self.qualified(r.address, r.project, named.count > 1)))` | \(f.cost(r.base)) | \(f.cost(r.head)) | \(f.change(r)) |\n"
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
            for r in shown { md += "| `\(Self.code(Self.qualified(r.address, r.project, named.count > 1)))` | \(f.cost(r)) |\n" }
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
            md += "| Result | Policy | Resource | Finding | What to do | Where |\n| --- | --- | --- | --- | --- | --- |\n"
            for x in findings.prefix(maxFindings) {
                let result = x.exemption != nil ? "exempted" : x.severity == .error ? "❌ failed" : "⚠️ warning"
                let resource = x.address.map { "`\(Self.code(Self.qualified($0, x.project, named.count > 1)))`" } ?? ""
                let todo = x.exemption.map { "exempted: \($0)" } ?? x.hint ?? ""
                let place = x.file.map { file in "`\(Self.code(file + (x.location?.line.map { ":\($0)" } ?? "")))`" } ?? ""
                md += "| \(result) | \(Self.cell(x.policy)) | \(resource) | \(Self.cell(x.message)) | \(Self.cell(todo)) | \(place) |\n"
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

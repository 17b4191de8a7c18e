import FoundationEssentials

/// The table of a comparison (`costgate diff`, `costgate check`): per resource that moves, with the
/// component lines before → after, per project, then the totals.
extension TableReporter {
    func writeDiff(_ d: CostDiff, _ report: Report, _ f: NumberText, _ out: OutputSink) {
        let books = report.pricebooks.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        let w = report.width
        Self.text("Price book: \(books.isEmpty ? "none" : books); view: \(report.view.name)", w, out)
        if let base = report.baseDescription { Self.text("Base: \(base)", w, out) }
        out.write("\n")
        let named = report.namedProjects
        let groups: [(String?, [CostDiff.ResourceDiff])] = named.count > 1
            ? named.map { p in (p.name, d.resources.filter { $0.project == p.name }) }
            : [(nil, d.resources)]
        for (name, resources) in groups {
            if let name, let p = named.first(where: { $0.name == name }), let pd = p.diff {
                Self.text("Project \(name): \(f.comparison(pd))", w, out)
            }
            let changed = resources.filter { $0.change != .unchanged }
            if changed.isEmpty { out.write(name == nil ? "No resource changes its monthly cost.\n" : "  no resource changes its monthly cost\n") }
            let indent = name == nil ? "" : "  "
            for r in changed {
                Self.text("\(indent)\(Self.sign(r.change)) \(r.address)  \(f.cost(r.base)) → \(f.cost(r.head))  (\(f.change(r)))", w, out)
                for line in Self.componentChanges(r.base?.components ?? [], r.head?.components ?? [], f) {
                    Self.text("\(indent)    \(line)", w, out)
                }
            }
            if name != nil { out.write("\n") }
        }
        if groups.count == 1 { out.write("\n") }
        var total = "MONTHLY COST: \(f.comparison(d))"
        if let u = report.unpricedSentence() { total += " — " + u }
        Self.text(total, w, out)
        let counts = Dictionary(grouping: d.resources, by: \.change).mapValues(\.count)
        Self.text("\(counts[.added] ?? 0) added, \(counts[.removed] ?? 0) removed, \(counts[.changed] ?? 0) changed, \(counts[.unchanged] ?? 0) unchanged", w, out)
        let s = d.head.summary
        if s.priceNotFound + s.unknownUntilApply + s.usageBased + s.costUnknown > 0 {
            Self.text("Not in the totals: \(s.priceNotFound) with a price not found, \(s.unknownUntilApply) unknown until apply, \(s.usageBased) depending on usage, \(s.costUnknown) with a cost unknown (a quantity not declared; see `costgate estimate`)", w, out)
        }
    }

    /// The component lines that moved. Lines pair up by their name without its parenthesis
    /// ("CPU requests (2 × 1 vCPU)" and "CPU requests (6 × 1 vCPU)"), or by their whole name when that is ambiguous.
    static func componentChanges(_ base: [CostComponent], _ head: [CostComponent], _ f: NumberText) -> [String] {
        func stem(_ name: String) -> String { name.firstRange(of: " (").map { String(name[..<$0.lowerBound]) } ?? name }
        func keys(_ cs: [CostComponent]) -> [String] {
            let stems = cs.map { stem($0.name) }
            return cs.indices.map { i in stems.filter { $0 == stems[i] }.count == 1 ? stems[i] : cs[i].name }
        }
        var b: [String: CostComponent] = [:], h: [String: CostComponent] = [:]
        for (k, c) in zip(keys(base), base) where b[k] == nil { b[k] = c }
        for (k, c) in zip(keys(head), head) where h[k] == nil { h[k] = c }
        var out: [String] = []
        for key in Set(b.keys).union(h.keys).sorted() {
            let bc = b[key], hc = h[key]
            let bv = bc?.status == .priced ? bc?.monthlyCost ?? 0 : 0, hv = hc?.status == .priced ? hc?.monthlyCost ?? 0 : 0
            guard bv != hv || (bc == nil) != (hc == nil) || bc?.status != hc?.status || bc?.name != hc?.name else { continue }
            let mark = bc == nil ? "+" : hc == nil ? "-" : "~"
            var label = (hc ?? bc)!.name
            if let bc, let hc, bc.name != hc.name { label = "\(bc.name) → \(hc.name)" }
            out.append("\(mark) \(label): \(cost(bc, f)) → \(cost(hc, f))")
        }
        return out
    }

    /// `$8.59 → $16.18 (+$7.59, +88.4%)`
    static func change(_ base: Decimal, _ head: Decimal, _ percent: Decimal?, _ f: NumberText) -> String {
        var text = "\(f.dollars(base)) → \(f.dollars(head)) (\(signed(head - base, f))"
        if let p = percent { text += ", \(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%" }
        return text + ")"
    }

    /// A component line's cost, or what stands in for it.
    static func cost(_ c: CostComponent?, _ f: NumberText) -> String {
        guard let c else { return f.dollars(0) }
        switch c.status {
        case .priced: return f.dollars(c.monthlyCost ?? 0)
        case .priceNotFound: return "price not found"
        case .dependsOnUsage: return "depends on usage"
        case .unknownUntilApply: return "unknown until apply"
        case .costUnknown: return "cost unknown"
        }
    }

    static func sign(_ c: CostDiff.Change) -> String {
        switch c {
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        case .unchanged: return " "
        }
    }

    static func signed(_ d: Decimal, _ f: NumberText) -> String { d >= 0 ? "+" + f.dollars(d) : f.dollars(d) }

    /// Findings, errors first, exempted ones last.
    func writeFindings(_ findings: [Finding], _ out: OutputSink, width: Int? = nil) {
        guard !findings.isEmpty else { return }
        let active = findings.filter { $0.exemption == nil }
        let errors = active.filter { $0.severity == .error }.count
        out.write("\nFindings: \(errors) error(s), \(active.count - errors) warning(s)")
        out.write(findings.count > active.count ? ", \(findings.count - active.count) exempted\n" : "\n")
        for f in Self.ordered(findings) {
            var line = f.exemption == nil ? "  \(f.severity.rawValue): " : "  exempted: "
            line += "[\(f.policy)] "
            if let a = f.address { line += (f.project.map { "\($0): " } ?? "") + a + ": " }
            line += f.message
            if let l = f.location, l.line != nil { line += " (\(l))" }
            if let e = f.exemption { line += " — \(e)" }
            Self.text(line, width, out)
        }
    }

    /// Active errors, active warnings, then exempted ones; otherwise in the order found.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        func rank(_ f: Finding) -> Int { f.exemption != nil ? 2 : f.severity == .error ? 0 : 1 }
        return findings.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}

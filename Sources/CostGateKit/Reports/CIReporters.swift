import FoundationEssentials

extension Finding {
    /// The file a finding points to, relative as given (no leading `./`), nil when it has none.
    var file: String? {
        guard let f = location?.file, f != "-" else { return nil }
        return f.hasPrefix("./") ? String(f.dropFirst(2)) : f
    }

    /// `Deployment/shop/api: required label team is missing`
    var text: String { (address.map { (project.map { "\($0): " } ?? "") + $0 + ": " } ?? "") + message }
}

/// `--format github`: workflow commands, so findings show as annotations on the pull request's files,
/// and a notice with the change. (When `$GITHUB_STEP_SUMMARY` is set, the CLI also appends the markdown
/// comment to it.)
public struct GitHubReporter: Reporter {
    public static let format = "github"
    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        let f = NumberText()
        for x in TableReporter.ordered(report.findings) {
            let command = x.exemption != nil ? "notice" : x.severity == .error ? "error" : "warning"
            var props: [String] = []
            if let file = x.file {
                props.append("file=\(Self.property(file))")
                if let line = x.location?.line { props.append("line=\(line)") }
                if let col = x.location?.column { props.append("col=\(col)") }
            }
            props.append("title=\(Self.property("costgate: \(x.policy)"))")
            var message = x.text
            if let e = x.exemption { message += " (exempted: \(e))" } else if let h = x.hint { message += ". To fix: \(h)" }
            out.write("::\(command) \(props.joined(separator: ","))::\(Self.data(message))\n")
        }
        var summary: String
        if let d = report.diff {
            summary = "monthly cost \(f.comparison(d))"
        } else {
            summary = "monthly cost \(f.amount(report.estimate.total))"
        }
        if let u = report.unpricedSentence() { summary += " — " + u }
        let active = report.findings.filter { $0.exemption == nil }
        let errors = active.filter { $0.severity == .error }.count
        summary += "; \(errors) policy failure\(errors == 1 ? "" : "s"), \(active.count - errors) warning\(active.count - errors == 1 ? "" : "s")"
        out.write("::notice title=costgate::\(Self.data(summary))\n")
    }

    /// Escaping of a command's message.
    static func data(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out += Limits.isControl(u) ? "%" + String(u.value, radix: 16, uppercase: true) : String(u)
            }
        }
        return out
    }

    /// Escaping of a command's property value.
    static func property(_ s: String) -> String { data(s).replacing(":", with: "%3A").replacing(",", with: "%2C") }
}

/// `--format gitlab`: a GitLab Code Quality report (a JSON array of issues), for `artifacts:reports:codequality`.
public struct GitLabReporter: Reporter {
    public static let format = "gitlab"
    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        let issues: [JSON] = TableReporter.ordered(report.findings).map { x in
            let severity = x.exemption != nil ? "info" : x.severity == .error ? "major" : "minor"
            var description = x.text
            if let e = x.exemption { description += " (exempted: \(e))" } else if let h = x.hint { description += ". To fix: \(h)" }
            return .object([
                ("description", .string(description)),
                ("check_name", .string("costgate/\(x.policy)")),
                ("fingerprint", .string(Self.fingerprint(x))),
                ("severity", .string(severity)),
                ("location", .object([("path", .string(x.file ?? Config.fileName)),
                                      ("lines", .object([("begin", .number("\(max(1, x.location?.line ?? 1))"))]))])),
            ])
        }
        out.write(JSON.array(issues).render() + "\n")
    }

    /// A stable fingerprint: FNV-1a (64 bits) of policy, project, address and message, twice with two seeds.
    static func fingerprint(_ x: Finding) -> String {
        let key = Array("\(x.policy)\u{0}\(x.project ?? "")\u{0}\(x.address ?? "")\u{0}\(x.message)".utf8)
        func fnv(_ seed: UInt64) -> String {
            var h: UInt64 = seed
            for b in key { h ^= UInt64(b); h &*= 0x100000001b3 }
            let hex = String(h, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        return fnv(0xcbf29ce484222325) + fnv(0x84222325cbf29ce4)
    }
}

/// `--format junit`: one test case per policy; a failed policy's failure lists its findings.
public struct JUnitReporter: Reporter {
    public static let format = "junit"
    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        var cases: [(name: String, kind: String, failures: [Finding], others: [Finding])] = report.policies.map { p in
            let mine = report.findings.filter { $0.policy == p.name }
            return (p.name, p.rule.kind, mine.filter(\.fails), mine.filter { !$0.fails })
        }
        // findings of no configured policy (a change that loosens the base's policies) get a case of their own
        var others: [String] = []
        for x in report.findings where !report.policies.contains(where: { $0.name == x.policy }) && !others.contains(x.policy) { others.append(x.policy) }
        for name in others {
            let mine = report.findings.filter { $0.policy == name }
            cases.append((name, "configuration", mine.filter(\.fails), mine.filter { !$0.fails }))
        }
        if cases.isEmpty { cases = [("estimate", "cost", [], [])] }
        let failed = cases.filter { !$0.failures.isEmpty }.count
        let f = NumberText()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"costgate\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"0\">\n"
        xml += "  <testsuite name=\"costgate policies\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
        xml += "    <properties>\n"
        xml += "      <property name=\"totalMonthlyCost\" value=\"\(f.money(report.estimate.totalMonthlyCost))\"/>\n"
        xml += "      <property name=\"complete\" value=\"\(report.estimate.isComplete)\"/>\n"
        if let d = report.diff {
            xml += "      <property name=\"baseTotalMonthlyCost\" value=\"\(f.money(d.baseTotal))\"/>\n"
            xml += "      <property name=\"diffTotalMonthlyCost\" value=\"\(f.money(d.delta))\"/>\n"
        }
        xml += "    </properties>\n"
        for c in cases {
            xml += "    <testcase classname=\"costgate.\(Self.escape(c.kind))\" name=\"\(Self.escape(c.name))\""
            if c.failures.isEmpty && c.others.isEmpty { xml += "/>\n"; continue }
            xml += ">\n"
            if !c.failures.isEmpty {
                let message = "\(c.failures.count) finding\(c.failures.count == 1 ? "" : "s")"
                xml += "      <failure message=\"\(message)\" type=\"\(Self.escape(c.kind))\">"
                xml += Self.escape(c.failures.map { Self.line($0) }.joined(separator: "\n"))
                xml += "</failure>\n"
            }
            if !c.others.isEmpty {
                xml += "      <system-out>" + Self.escape(c.others.map { Self.line($0) }.joined(separator: "\n")) + "</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        out.write(xml)
    }

    static func line(_ x: Finding) -> String {
        var l = (x.exemption != nil ? "exempted" : x.severity.rawValue) + ": " + x.text
        if let loc = x.location, loc.line != nil { l += " (\(loc))" }
        if let e = x.exemption { l += " (\(e))" } else if let h = x.hint { l += ". To fix: \(h)" }
        return l
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default: if u.value >= 0x20 { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}

/// `--format sarif`: SARIF 2.1.0, one rule per policy, one result per finding (exempted ones suppressed).
public struct SARIFReporter: Reporter {
    public static let format = "sarif"
    public static let version = "0.1.0"
    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        var names = report.policies.map(\.name)
        for x in report.findings where !names.contains(x.policy) { names.append(x.policy) }
        let rules: [JSON] = names.map { name in
            let p = report.policies.first { $0.name == name }
            return .object([
                ("id", .string(name)),
                ("name", .string(name)),
                ("shortDescription", .object([("text", .string(p.map { "costgate \($0.rule.kind) policy \(name)" } ?? "costgate policy \(name)"))])),
                ("defaultConfiguration", .object([("level", .string(p?.severity == .warning ? "warning" : "error"))])),
            ])
        }
        let results: [JSON] = TableReporter.ordered(report.findings).map { x in
            var fields: [(String, JSON)] = [
                ("ruleId", .string(x.policy)),
                ("ruleIndex", .number("\(names.firstIndex(of: x.policy) ?? 0)")),
                ("level", .string(x.severity == .error ? "error" : "warning")),
                ("message", .object([("text", .string(x.text + (x.hint.map { ". To fix: \($0)" } ?? "")))])),
            ]
            var location: [(String, JSON)] = []
            if let file = x.file {
                var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(Self.uri(file)))]))]
                if let line = x.location?.line, line > 0 {
                    var region: [(String, JSON)] = [("startLine", .number("\(line)"))]
                    if let col = x.location?.column, col > 0 { region.append(("startColumn", .number("\(col)"))) }
                    physical.append(("region", .object(region)))
                }
                location.append(("physicalLocation", .object(physical)))
            }
            if let a = x.address {
                location.append(("logicalLocations", .array([.object([("fullyQualifiedName", .string((x.project.map { "\($0)/" } ?? "") + a))])])))
            }
            if !location.isEmpty { fields.append(("locations", .array([.object(location)]))) }
            if let e = x.exemption {
                fields.append(("suppressions", .array([.object([("kind", .string("external")), ("justification", .string(e))])])))
            }
            return .object(fields)
        }
        let doc: JSON = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("costgate")), ("version", .string(Self.version)), ("rules", .array(rules)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ])
        out.write(doc.render() + "\n")
    }

    /// A relative path as a URI reference: spaces and other reserved characters percent-encoded.
    static func uri(_ path: String) -> String { percentEncoded(path, keeping: "-._~/") }

    /// UTF-8 bytes percent-encoded, except ASCII letters, digits and the characters in `keeping`.
    static func percentEncoded(_ s: String, keeping: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80, c.isLetter || c.isNumber || keeping.contains(c) { out.append(c) } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}

/// `--format summary`: a few lines for a terminal or a pre-commit hook: the change, then each finding
/// with what to do.
public struct SummaryReporter: Reporter {
    public static let format = "summary"
    public init() {}

    public func write(_ report: Report, to out: OutputSink) throws {
        let f = NumberText()
        if let d = report.diff {
            out.write("costgate: monthly cost \(f.comparison(d))\n")
        } else {
            out.write("costgate: monthly cost \(f.amount(report.estimate.total))\n")
        }
        if let u = report.unpricedSentence() { out.write("  \(u)\n") }
        for x in TableReporter.ordered(report.findings) where x.exemption == nil {
            var line = "  \(x.severity.rawValue) [\(x.policy)] \(x.text)"
            if let l = x.location, l.line != nil { line += " (\(l))" }
            out.write(line + "\n")
            if let h = x.hint { out.write("      → \(h)\n") }
        }
        let errors = report.findings.filter(\.fails).count
        if errors > 0 {
            out.write("costgate: \(errors) policy failure\(errors == 1 ? "" : "s"): fix \(errors == 1 ? "it" : "them"), or exempt with a reason in .costgate.yml\n")
        }
    }
}

import FoundationEssentials
import Testing
@testable import CostGateKit

/// A small deterministic generator, so a failing case can be replayed from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Properties fuzzing cannot judge (issue 16): sensitive values never reach a report, errors are one line.
@Suite struct HardeningPropertyTests {
    static let formats = Reporters.formats

    /// A key spelled plainly or with a JSON escape (`t` → `\u0074`).
    static func spell(_ key: String, _ g: inout SplitMix) -> String {
        guard Bool.random(using: &g), let first = key.unicodeScalars.first else { return key }
        let hex = String(first.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex + String(key.unicodeScalars.dropFirst())
    }

    /// One random aws_instance: tags with duplicate keys, a nested list of blocks, and an `after_sensitive`
    /// mirror marking random paths (with duplicate and escaped keys). Values under a marked key are
    /// `SECRET…`, every other value `seen…`. Returns the resource's JSON and its secrets.
    static func instance(_ n: Int, _ g: inout SplitMix) -> (json: String, secrets: [String]) {
        var secrets: [String] = []
        var counter = 0
        func value(_ secret: Bool) -> String {
            counter += 1
            let v = secret ? "SECRET\(n)x\(counter)" : "seen\(n)x\(counter)"
            if secret { secrets.append(v) }
            return v
        }
        let keys = ["owner", "team", "env", "cost-center"]
        // which tag keys the mirror marks
        let marked = Set(keys.filter { _ in Int.random(in: 0..<3, using: &g) == 0 })
        let wholeTags = Int.random(in: 0..<6, using: &g) == 0
        let typeMarked = Int.random(in: 0..<4, using: &g) == 0
        let diskMarked = Int.random(in: 0..<3, using: &g) == 0
        var tagMembers: [String] = []
        for k in keys {
            let copies = Int.random(in: 0...2, using: &g)   // 0: absent, 2: given twice
            for _ in 0..<copies { tagMembers.append("\"\(spell(k, &g))\": \"\(value(wholeTags || marked.contains(k)))\"") }
        }
        let type = typeMarked ? "m5.\(value(true))" : "m5.large"
        let disks = (0..<Int.random(in: 0...2, using: &g)).map { _ in
            "{\"volume_type\": \"\(diskMarked ? value(true) : "gp3")\", \"volume_size\": 20}"
        }
        var mirror: [String] = []
        if wholeTags {
            mirror.append("\"\(spell("tags", &g))\": true")
        } else if !marked.isEmpty {
            var m: [String] = []
            for k in marked.sorted() {
                m.append("\"\(spell(k, &g))\": true")
                if Bool.random(using: &g) { m.append("\"\(spell(k, &g))\": false") }   // a duplicate copy that marks nothing
            }
            mirror.append("\"tags\": {\(m.joined(separator: ", "))}")
        }
        if typeMarked { mirror.append("\"\(spell("instance_type", &g))\": true") }
        if diskMarked { mirror.append("\"root_block_device\": [\(disks.map { _ in "{\"volume_type\": true}" }.joined(separator: ", "))]") }
        let after = "{\"instance_type\": \"\(type)\", \"tags\": {\(tagMembers.joined(separator: ", "))}, \"root_block_device\": [\(disks.joined(separator: ", "))]}"
        let json = """
            {"address": "aws_instance.i\(n)", "mode": "managed", "type": "aws_instance", "name": "i\(n)",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "change": {"actions": ["create"], "before": null, "after": \(after), "after_unknown": {},
                        "after_sensitive": {\(mirror.joined(separator: ", "))}}}
            """
        return (json, secrets)
    }

    @Test func sensitiveValuesNeverReachAnyFormat() throws {
        let policy = try Policy.decode(ConfigNode(YAMLReader.parseSingle(Array("""
            {name: tags, type: tagging, required: [env, missing], allowed: {owner: [nobody], team: [nobody]}, patterns: {env: "^x$"}, check: all}
            """.utf8), file: "p.yml")!, "policy"))
        var g = SplitMix(state: 16)
        var checked = 0
        for round in 0..<60 {
            var parts: [String] = []
            var secrets: [String] = []
            for n in 0..<Int.random(in: 1...4, using: &g) {
                let (json, s) = Self.instance(round * 10 + n, &g)
                parts.append(json)
                secrets += s
            }
            let text = "{\"format_version\": \"1.2\", \"resource_changes\": [\(parts.joined(separator: ",\n"))]}"
            let plan = try Estimator().planReader(defaultRegion: "us-east-1", regionWasGiven: false).read(bytes: Array(text.utf8), file: "p.json")
            let estimate = try Estimator().estimate(plan.resources, inputs: ["p.json"], options: EstimateOptions(pricebooks: books()))
            let findings = PolicyEngine(policies: [policy]).evaluate([PolicySubject(project: nil, resources: plan.resources, changed: nil,
                                                                                    head: estimate, base: nil)])
            let report = Report(estimate: estimate, pricebooks: estimate.pricebooks, findings: findings, policies: [policy])
            for format in Self.formats {
                let sink = OutputSink()
                try Reporters.reporter(for: format)!.write(report, to: sink)
                let out = sink.text
                for s in secrets { #expect(!out.contains(s), "round \(round), \(format): \(s) is printed\n\(text)") }
                checked += 1
            }
            if secrets.isEmpty { continue }
        }
        #expect(checked == 60 * Self.formats.count)
    }

    /// Random YAML and JSON with control characters in random values: every error the readers and
    /// loaders give is one line without a control character.
    @Test func everyErrorIsOneLine() throws {
        var g = SplitMix(state: 7)
        let nasty = ["\\n", "\\r", "\\u001b[31m", "\\u2028", "\\t", "\\u0000", "\\e", "\\x07", "\\r\\n::error ::x"]
        let keys = ["kind", "name", "cpu", "memory", "replicas", "schedule", "type", "format_version", "address", "version", "nodes",
                    "monthly_requests", "policies", "instance_type", "apiVersion", "patterns", "x\\ny"]
        func junk() -> String {
            var s = ["1", "a", "500m", "Deployment", "budget", "1e-127", "-5", ""].randomElement(using: &g)!
            for _ in 0..<Int.random(in: 1...3, using: &g) { s += nasty.randomElement(using: &g)! + ["x", "1", ""].randomElement(using: &g)! }
            return s
        }
        var errors = 0
        let dir = "/tmp/costgate-props-\(UInt32.random(in: 0...UInt32.max))"
        _ = FileIO.exists(dir)
        for round in 0..<300 {
            var yaml = "apiVersion: apps/v1\nkind: \(Bool.random(using: &g) ? "Deployment" : "\"\(junk())\"")\nmetadata: {name: \"\(junk())\", namespace: \"\(junk())\"}\nspec:\n"
            yaml += "  replicas: \(Bool.random(using: &g) ? "2" : "\"\(junk())\"")\n  template:\n    spec:\n      containers:\n"
            yaml += "      - {name: \"\(junk())\", resources: {requests: {cpu: \"\(junk())\", memory: \"\(junk())\"}}}\n"
            var keyed = "\"\(keys.randomElement(using: &g)!)\": \"\(junk())\""
            if Bool.random(using: &g) { keyed = "\"\(junk())\": 1" }
            let plan = "{\"format_version\": \"\(Bool.random(using: &g) ? "1.2" : junk())\", \"resource_changes\": [{\"address\": \"\(junk())\", \"type\": \"aws_instance\", \"name\": \"a\", \"change\": {\"actions\": [\"\(Bool.random(using: &g) ? "create" : junk())\"], \"after\": {\(keyed)}}}]}"
            let config = "version: 1\npolicies:\n  - {name: \"\(junk())\", type: \"\(Bool.random(using: &g) ? "tagging" : junk())\", required: [\"\(junk())\"], patterns: {team: \"\(junk())\"}}\n"
            let usage = "version: 1\nresource_usage:\n  \"\(junk())\": {\(keyed.replacing("\"", with: "\'"))}\n"
            var attempts: [() throws -> Void] = []
            attempts.append {
                let r = try KubernetesReader().read(bytes: Array(yaml.utf8), file: "m\(round).yaml")
                _ = try Estimator().estimate(r.resources, inputs: [], options: EstimateOptions(pricebooks: books()))
            }
            attempts.append {
                let p = try Estimator().planReader(defaultRegion: "us-east-1", regionWasGiven: false).read(bytes: Array(plan.utf8), file: "p.json")
                _ = try Estimator().estimate(p.resources, inputs: [], options: EstimateOptions(pricebooks: books()))
            }
            attempts.append {
                let path = dir + "-c.yml"
                try FileIO.writeAtomically(config, to: path)
                _ = try Config.load(path: path)
            }
            attempts.append {
                let path = dir + "-u.yml"
                try FileIO.writeAtomically(usage, to: path)
                _ = try UsageFile.load(path: path)
            }
            for attempt in attempts {
                do { try attempt() } catch let e as CostGateError {
                    errors += 1
                    let line = e.description
                    #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x2028 },
                            "round \(round): \(line.debugDescription)")
                }
            }
        }
        #expect(errors > 300, "only \(errors) errors: the generator makes too few bad inputs")
    }

    @Test func tagPatternsAgreeWithSwiftRegexOnTheSubset() throws {
        // the linear-time matcher gives Swift's own answer on the patterns it accepts
        let patterns = ["^[a-z][a-z0-9-]*$", "(prod|staging|dev)", "team-\\d{2,3}", "[^ ]+", "a(b|c)*d?", "(?:x|yz)+", "\\w+\\.\\w+", ".*", "a{3}", "[A-Z_]{1,}"]
        let values = ["", "a", "prod", "dev1", "team-12", "team-1234", "x yz", "abcbcd", "xyzx", "a.b", "aaa", "AB_C", "Team", "a-b-c"]
        for p in patterns {
            let mine = try TagPattern(p)
            let swift = try Regex(p)
            for v in values {
                let expected = (try? swift.wholeMatch(in: v)) != nil
                #expect(mine.matches(v) == expected, "\(p) on \(v.debugDescription)")
            }
        }
        for refused in ["(a)\\1", "(?=a)", "a{1000}", "[[:alpha:]]", "a^b", "(" , "\\p{L}"] {
            #expect(throws: TagPattern.Problem.self, "\(refused)") { _ = try TagPattern(refused) }
        }
        // catastrophic for backtracking, linear here
        let start = ContinuousClock().now
        #expect(!(try TagPattern("^(a+)+$")).matches(String(repeating: "a", count: 5_000) + "!"))
        #expect(ContinuousClock().now - start < .seconds(2))
    }

    @Test func numbersInRange() {
        for ok in ["0", "0.0", "-0", "1", "1e17", "9.99e17", "999999999999999999", "1e-18", "0.000000000000000001", "-3.5", "12.5e3", "+7"] {
            #expect(Limits.numberInRange(ok), "\(ok)")
        }
        for bad in ["1e18", "1e400", "1e-19", "1e-400", "1e127", "0.0000000000000000001", "1000000000000000000", "", "-", "1e", "e5", "1.2.3", "0x10"] {
            #expect(!Limits.numberInRange(bad), "\(bad)")
            #expect(Money.parseDecimal(bad) == nil, "\(bad)")
        }
    }

    /// A priced quantity a pricer parsed from text (a size inside a SKU name) is bounded below as well as above, so
    /// its product with a unit price stays inside Decimal's exponent range: one clear error, never a trap.
    @Test func aPricedQuantityIsBoundedBelow() throws {
        let r = Resource(address: "x.y", type: "x", provider: .gcp, action: .create, attributes: .null)
        func usage(_ q: Decimal) -> PricedUsage { PricedUsage(lines: [UsageLine("Memory", unit: "GB-hour", quantity: .value(q), priceKey: "k")]) }
        let tiny = Decimal(sign: .plus, exponent: -127, significand: 1)
        #expect(throws: CostGateError.self) { try Limits.check(usage(tiny), of: r) }
        try Limits.check(usage(0), of: r)
        try Limits.check(usage(Decimal(sign: .plus, exponent: -24, significand: 1)), of: r)
    }
}

import FoundationEssentials
import Testing
import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs (issue 16): each one crashed, hung, blew up memory, printed several lines, leaked a
/// sensitive value, accepted nonsense or gave an error without a place before. Every case runs the built
/// binary under a time limit; bad input must be exit 2 and exactly one line on standard error.
struct Hostile {
    struct Result { var status: Int32; var stdout: String; var stderr: String; var seconds: Double }

    /// A fresh folder with these files in it.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = "/tmp/costgate-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(dir, 0o755)
        for (name, text) in files { try FileIO.writeAtomically(text, to: dir + "/" + name) }
        return dir
    }

    /// Runs costgate in `dir` for at most `limit` seconds (killed after: status 137) and 2 GB of memory.
    static func run(_ args: [String], in dir: String, limit: Int = 20) -> Result {
        let quoted = ([CLI.binary] + args).map { "'" + $0.replacingSingleQuotes() + "'" }.joined(separator: " ")
        let start = clock_gettime_nsec_np_fallback()
        let status = system("cd '\(dir)' && ulimit -v 2000000 && SWIFT_BACKTRACE=enable=no timeout -s KILL \(limit) \(quoted) >.out 2>.err </dev/null")
        let seconds = Double(clock_gettime_nsec_np_fallback() - start) / 1e9
        let out = String(decoding: (try? FileIO.read(dir + "/.out")) ?? [], as: UTF8.self)
        let err = String(decoding: (try? FileIO.read(dir + "/.err")) ?? [], as: UTF8.self)
        return Result(status: (status >> 8) & 0xFF, stdout: out, stderr: err, seconds: seconds)
    }

    static func clock_gettime_nsec_np_fallback() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Exit 2, one line `costgate: error: …` without control characters; returns the line.
    @discardableResult
    static func expectOneLineError(_ r: Result, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        #expect(r.status == 2, "\(what): exit \(r.status), stderr \(r.stderr.prefix(300))", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "\(what): \(lines.count - 1) lines: \(r.stderr.prefix(600))", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("costgate: error: "), "\(what): \(r.stderr.prefix(300))", sourceLocation: sourceLocation)
        let controls = r.stderr.unicodeScalars.dropLast().filter { $0.value < 0x20 || $0.value == 0x7F }
        #expect(controls.isEmpty, "\(what): control characters in \(r.stderr.debugDescription)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "\(what): stdout \(r.stdout.prefix(200))", sourceLocation: sourceLocation)
        return String(lines.first ?? "")
    }

    /// The error names FILE:LINE:COL.
    static func expectPlace(_ line: String, _ file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let rest = line.dropFirst("costgate: error: ".count)
        let parts = rest.split(separator: ":", maxSplits: 3)
        let ok = parts.count == 4 && parts[0].hasSuffix(file) && Int(parts[1]) != nil && Int(parts[2]) != nil
        #expect(ok, "no FILE:LINE:COL in \(line)", sourceLocation: sourceLocation)
    }

    static func deployment(replicas: String = "1", cpu: String = "\"250m\"", memory: String = "\"256Mi\"", containers: Int = 1) -> String {
        var text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: \(replicas)
          template:
            spec:
              containers:

        """
        for i in 0..<containers {
            text += "      - {name: c\(i), image: x, resources: {requests: {cpu: \(cpu), memory: \(memory)}}}\n"
        }
        return text
    }

    static func plan(_ resources: String) -> String {
        "{\"format_version\": \"1.2\", \"resource_changes\": [\(resources)]}"
    }

    static func change(_ address: String, type: String, after: String, sensitive: String = "{}") -> String {
        let name = address.split(separator: ".").last.map(String.init) ?? "x"
        return """
        {"address": "\(address)", "mode": "managed", "type": "\(type)", "name": "\(name)",
         "provider_name": "registry.terraform.io/hashicorp/aws",
         "change": {"actions": ["create"], "before": null, "after": \(after), "after_unknown": {}, "after_sensitive": \(sensitive)}}
        """
    }
}

@Suite(.serialized) struct HostileInputTests {
    // MARK: crashes

    @Test func cronStepPastEveryIntegerIsNoCrash() throws {
        let dir = try Hostile.folder(["cron.yaml": """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly, namespace: shop}
            spec:
              schedule: "1/9223372036854775807 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers: [{name: r, image: x, resources: {requests: {cpu: "1", memory: 1Gi}}}]
            """])
        let r = Hostile.run(["estimate", "cron.yaml", "--format", "json"], in: dir)
        // minute 1 of every hour: the step is past the field's range, so it matches the start only
        #expect(r.status == 0, "exit \(r.status): \(r.stderr.prefix(300))")
    }

    @Test func podMemoryOverflowingSixtyFourBitsIsAnError() throws {
        let dir = try Hostile.folder(["pod.yaml": Hostile.deployment(memory: "5Pi", containers: 2)])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "pod.yaml"], in: dir), "two containers of 5Pi")
        Hostile.expectPlace(line, "pod.yaml")
    }

    @Test func hugeRDSInstanceClassIsNoCrash() throws {
        let dir = try Hostile.folder(["plan.json": Hostile.plan(Hostile.change("aws_db_instance.db", type: "aws_db_instance",
            after: "{\"engine\": \"mysql\", \"engine_version\": \"5.7.44\", \"instance_class\": \"db.m5.2305843009213693952xlarge\", \"allocated_storage\": 20}"))])
        let r = Hostile.run(["estimate", "plan.json", "--format", "json"], in: dir)
        #expect(r.status == 0, "exit \(r.status): \(r.stderr.prefix(300))")
    }

    @Test func tinyUsageValueIsAnErrorWithItsPlace() throws {
        let dir = try Hostile.folder([
            "plan.json": Hostile.plan(Hostile.change("aws_lb.public", type: "aws_lb", after: "{\"load_balancer_type\": \"application\"}")),
            "usage.yml": "version: 1\nresource_usage:\n  aws_lb.public:\n    capacity_units: 1e-128\n",
        ])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "plan.json", "--usage", "usage.yml"], in: dir), "capacity_units 1e-128")
        Hostile.expectPlace(line, "usage.yml")
    }

    @Test func tinyEBSSizeInAPlanIsAnError() throws {
        let dir = try Hostile.folder(["plan.json": Hostile.plan(Hostile.change("aws_ebs_volume.v", type: "aws_ebs_volume",
            after: "{\"type\": \"gp3\", \"size\": 1e-127, \"availability_zone\": \"us-east-1a\"}"))])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "plan.json"], in: dir), "EBS size 1e-127")
        Hostile.expectPlace(line, "plan.json")
    }

    @Test func tinyReplicasInAManifestIsAnError() throws {
        let dir = try Hostile.folder(["d.yaml": Hostile.deployment(replicas: "1e-127")])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "d.yaml"], in: dir), "replicas 1e-127")
        Hostile.expectPlace(line, "d.yaml")
    }

    @Test func tinyMonthlyQuantityInABaseReportIsAnError() throws {
        let dir = try Hostile.folder(["d.yaml": Hostile.deployment()])
        let estimate = Hostile.run(["estimate", "d.yaml", "--format", "json"], in: dir)
        #expect(estimate.status == 0)
        // the first component's quantity made tiny
        let parts = estimate.stdout.split(separator: "\"monthlyQuantity\": \"", maxSplits: 1, omittingEmptySubsequences: false)
        try #require(parts.count == 2)
        let tail = parts[1]
        let end = try #require(tail.firstIndex(of: "\""))
        let report = String(parts[0]) + "\"monthlyQuantity\": \"1e-127" + String(tail[end...])
        try FileIO.writeAtomically(report, to: dir + "/base.json")
        let line = Hostile.expectOneLineError(Hostile.run(["diff", "d.yaml", "--base", "base.json"], in: dir), "monthlyQuantity 1e-127")
        #expect(line.contains("base.json") && line.contains("resources[0].components[0].monthlyQuantity"), "\(line)")
    }

    // MARK: stack overflow, hangs, memory

    @Test func deepBlockSequenceIsAnError() throws {
        // `- - - … x`: a block sequence in a block sequence, 60,000 deep, on one line
        let text = String(repeating: "- ", count: 60_000) + "x\n"
        let dir = try Hostile.folder(["deep.yaml": text])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "deep.yaml"], in: dir), "60,000 nested sequences")
        Hostile.expectPlace(line, "deep.yaml")
    }

    @Test func longRunOfOpenBracketsIsQuick() throws {
        let dir = try Hostile.folder(["flow.yaml": String(repeating: "[", count: 100_000)])
        let r = Hostile.run(["estimate", "flow.yaml"], in: dir)
        Hostile.expectOneLineError(r, "100,000 [")
        #expect(r.seconds < 5, "took \(r.seconds) s")
    }

    static let aliasBomb = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: bomb, namespace: x}
        data:
          a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
          b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
          c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
          d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
          e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
          f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
          g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
          h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
          i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]

        """

    @Test func aliasBombInABaseIsAnError() throws {
        let dir = try Hostile.folder(["head.yaml": Self.aliasBomb, "base.yaml": Self.aliasBomb])
        let r = Hostile.run(["diff", "head.yaml", "--base", "base.yaml"], in: dir)
        let line = Hostile.expectOneLineError(r, "alias bomb")
        Hostile.expectPlace(line, "yaml")
        #expect(r.seconds < 10, "took \(r.seconds) s")
    }

    @Test func catastrophicTagPatternIsQuick() throws {
        let value = String(repeating: "a", count: 60) + "!"
        let dir = try Hostile.folder([
            ".costgate.yml": """
                version: 1
                policies:
                  - name: tags
                    type: tagging
                    patterns: {team: "^(a+)+$"}
                    check: all
                """,
            "d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop, labels: {team: \"\(value)\"}}\n"
                + "spec:\n  template:\n    spec:\n      containers: [{name: c, image: x, resources: {requests: {cpu: 1, memory: 1Gi}}}]\n",
        ])
        let r = Hostile.run(["check", "d.yaml", "--config", ".costgate.yml", "--check-all"], in: dir)
        #expect(r.status == 1, "exit \(r.status): \(r.stderr.prefix(300))")
        #expect(r.stdout.contains("must match"), "\(r.stdout.prefix(500))")
        #expect(r.seconds < 10, "took \(r.seconds) s")
    }

    @Test func mergeKeysDoublingIsAnError() throws {
        var text = "version: 1\nresource_type_default_usage:\n  a0: &a0 {monthly_requests: 1}\n"
        for i in 1...25 { text += "  a\(i): &a\(i) {<<: [*a\(i - 1), *a\(i - 1)], k\(i): 1}\n" }
        let dir = try Hostile.folder(["usage.yml": text, "d.yaml": Hostile.deployment()])
        let r = Hostile.run(["estimate", "d.yaml", "--usage", "usage.yml"], in: dir)
        let line = Hostile.expectOneLineError(r, "merge keys doubling")
        Hostile.expectPlace(line, "usage.yml")
    }

    // MARK: one line, always

    @Test func newlineInAQuantityStaysOnOneLine() throws {
        let dir = try Hostile.folder(["d.yaml": Hostile.deployment(cpu: "\"1\\nINJECTED LINE\"")])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "d.yaml"], in: dir), "cpu with a newline")
        #expect(line.contains("1\\nINJECTED LINE"), "\(line)")
    }

    @Test func newlineInAnAddressStaysOnOneLine() throws {
        let bad = "{\"address\": \"aws_instance.a\\n::error ::forged\", \"mode\": \"managed\", \"type\": \"aws_instance\", \"name\": \"a\","
            + " \"change\": {\"actions\": [\"explode\"], \"after\": {}}}"
        let dir = try Hostile.folder(["plan.json": Hostile.plan(bad)])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "plan.json"], in: dir), "address with a newline")
        #expect(line.contains("\\n::error"), "\(line)")
    }

    @Test func controlCharactersInConfigurationAndFilesStayOnOneLine() throws {
        let dir = try Hostile.folder([
            "policy.yml": "version: 1\npolicies:\n  - name: p\n    type: \"budget\\nINJECTED\\u001b[31m\"\n",
            "version.json": "{\"format_version\": \"9\\r\\ncostgate: error: forged\", \"resource_changes\": []}",
            "usage.yml": "version: 1\n\"bad\\nkey\": 1\n",
            "profile.yaml": "\"no\\rde\\u001b\": 3\n",
            "d.yaml": Hostile.deployment(),
        ])
        Hostile.expectOneLineError(Hostile.run(["check", "d.yaml", "--config", "policy.yml"], in: dir), "policy type")
        Hostile.expectOneLineError(Hostile.run(["estimate", "version.json"], in: dir), "format_version")
        Hostile.expectOneLineError(Hostile.run(["estimate", "d.yaml", "--usage", "usage.yml"], in: dir), "usage key")
        Hostile.expectOneLineError(Hostile.run(["estimate", "d.yaml", "--cluster-profile", "profile.yaml"], in: dir), "profile key")
    }

    @Test func controlCharactersNeverReachAReport() throws {
        let dir = try Hostile.folder([
            ".costgate.yml": "version: 1\npolicies:\n  - {name: tags, type: tagging, allowed: {team: [a]}, check: all}\n",
            "d.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: \"w\\u001b[2J\\neb\", namespace: shop, labels: {team: \"x\\n::error ::forged\\r\\u001b[31m\\u009b[2J\\u2028\"}}\n"
                + "spec:\n  template:\n    spec:\n      containers: [{name: c, image: x, resources: {requests: {cpu: 1, memory: 1Gi}}}]\n",
        ])
        for format in ["table", "github", "markdown", "summary", "gitlab", "junit", "sarif", "json"] {
            let r = Hostile.run(["check", "d.yaml", "--format", format, "--check-all"], in: dir)
            #expect(r.status == 1, "\(format): exit \(r.status) \(r.stderr.prefix(200))")
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || ($0.value < 0x20 && $0.value != 0x0A && $0.value != 0x09)
                        || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 },
                    "\(format): a control character in \(r.stdout.prefix(800).debugDescription)")
            if format == "github" {
                for l in r.stdout.split(separator: "\n") { #expect(l.hasPrefix("::"), "github: a line that is no command: \(l)") }
                #expect(!r.stdout.contains("\n::error ::forged"), "github: a forged command")
            }
        }
    }

    @Test func rawDELAndC1InAPlanStringNeverReachAReport() throws {
        // JSON allows DEL and C1 controls raw inside strings (found by the plan fuzz target)
        let after = "{\"instance_type\": \"m5.large\", \"tags\": {\"team\": \"a\u{7F}b\u{9B}2Jc\u{2028}d\"}}"
        let dir = try Hostile.folder(["plan.json": Hostile.plan(Hostile.change("aws_instance.w\u{7F}x", type: "aws_instance", after: after))])
        for format in ["table", "json", "github", "markdown"] {
            let r = Hostile.run(["estimate", "plan.json", "--format", format], in: dir)
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(!r.stdout.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 }, "\(format): \(r.stdout.prefix(300).debugDescription)")
        }
    }

    // MARK: sensitive values

    @Test func aDuplicateTagKeyNeverUnmasksASecret() throws {
        let after = "{\"instance_type\": \"m5.large\", \"tags\": {\"owner\": \"topsecret-1\", \"owner\": \"visible\", \"team\": \"a\"}}"
        let dir = try Hostile.folder([
            "plan.json": Hostile.plan(Hostile.change("aws_instance.web", type: "aws_instance", after: after, sensitive: "{\"tags\": {\"owner\": true}}")),
            ".costgate.yml": "version: 1\npolicies:\n  - {name: tags, type: tagging, allowed: {owner: [nobody]}, required: [env], check: all}\n",
        ])
        for format in ["table", "json", "github", "markdown", "summary", "gitlab", "junit", "sarif"] {
            let r = Hostile.run(["check", "plan.json", "--format", format, "--check-all"], in: dir)
            #expect(r.status == 0 || r.status == 1, "\(format): exit \(r.status) \(r.stderr.prefix(200))")
            #expect(!r.stdout.contains("topsecret"), "\(format): the shadowed secret is printed")
        }
    }

    @Test func anEscapedKeySpellingInAfterSensitiveStillMasks() throws {
        let after = "{\"instance_type\": \"secretsauce.large\", \"tags\": {\"team\": \"a\"}}"
        let dir = try Hostile.folder(["plan.json": Hostile.plan(Hostile.change("aws_instance.web", type: "aws_instance", after: after,
                                                                               sensitive: "{\"instance\\u005ftype\": true}"))])
        for format in ["table", "json", "github", "markdown", "sarif"] {
            let r = Hostile.run(["estimate", "plan.json", "--format", format], in: dir)
            #expect(r.status == 0, "\(format): exit \(r.status) \(r.stderr.prefix(200))")
            #expect(!r.stdout.contains("secretsauce"), "\(format): the sensitive instance type is printed")
        }
    }

    // MARK: nonsense numbers

    @Test(arguments: ["1e400", "1e128", "1e-400", "1e127", "-5", "1e-127", "2.5"])
    func nonsenseReplicasAreAnError(_ replicas: String) throws {
        let dir = try Hostile.folder(["d.yaml": Hostile.deployment(replicas: replicas)])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "d.yaml"], in: dir), "replicas \(replicas)")
        Hostile.expectPlace(line, "d.yaml")
    }

    // MARK: errors with their place

    @Test func aMissingProjectPathNamesItsPlace() throws {
        let dir = try Hostile.folder([".costgate.yml": "version: 1\nprojects:\n  - name: a\n    paths: [nowhere/plan.json]\n"])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "--config", ".costgate.yml"], in: dir), "missing project path")
        Hostile.expectPlace(line, ".costgate.yml")
    }

    @Test func anUnknownViewNamesItsPlace() throws {
        let dir = try Hostile.folder([".costgate.yml": "version: 1\nviews:\n  - {name: negotiated, discount_percent: 5}\n", "d.yaml": Hostile.deployment()])
        let line = Hostile.expectOneLineError(Hostile.run(["estimate", "d.yaml", "--config", ".costgate.yml", "--view", "nope"], in: dir), "no view")
        Hostile.expectPlace(line, ".costgate.yml")
    }

    @Test func aReportResourceWithoutAnAddressNamesItsPath() throws {
        let dir = try Hostile.folder(["d.yaml": Hostile.deployment()])
        let estimate = Hostile.run(["estimate", "d.yaml", "--format", "json"], in: dir)
        let report = estimate.stdout.replacingOccurrences(of: "\"address\"", with: "\"adress\"")
        try FileIO.writeAtomically(report, to: dir + "/base.json")
        let line = Hostile.expectOneLineError(Hostile.run(["diff", "d.yaml", "--base", "base.json"], in: dir), "no address")
        #expect(line.contains("base.json:") && line.contains("resources[0]"), "\(line)")
    }
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String { replacing(a, with: b) }
}

/// The limits of `Limits.swift`, each past its value: one line, exit 2, nothing written to `--out`.
@Suite(.serialized) struct LimitsTests {
    func expectNothingWritten(_ args: [String], _ files: [String: String], _ what: String, setup: (String) -> Void = { _ in }) throws {
        let dir = try Hostile.folder(files)
        setup(dir)
        let line = Hostile.expectOneLineError(Hostile.run(args + ["--out", "report.json", "--format", "json"], in: dir), what)
        #expect(!FileIO.exists(dir + "/report.json"), "\(what): --out was written")
        #expect(!line.isEmpty)
    }

    @Test func aFileLargerThanTheLimitIsNotRead() throws {
        try expectNothingWritten(["estimate", "big.json"], [:], "a 513 MiB file") { dir in
            // a sparse file: its size is past the limit, nothing is read
            let fd = open(dir + "/big.json", O_WRONLY | O_CREAT, 0o644)
            ftruncate(fd, off_t(Limits.maxFileBytes + 1))
            close(fd)
        }
    }

    @Test func nestingPastTheLimit() throws {
        let deep = String(repeating: "[", count: Limits.maxDepth + 1) + String(repeating: "]", count: Limits.maxDepth + 1)
        try expectNothingWritten(["estimate", "plan.json"], ["plan.json": Hostile.plan(Hostile.change("aws_instance.a", type: "aws_instance",
                                                                                                          after: "{\"tags\": \(deep)}"))], "JSON depth")
        try expectNothingWritten(["estimate", "d.yaml"], ["d.yaml": "a: " + deep + "\n"], "YAML depth")
        // at the limit it reads
        let ok = String(repeating: "[", count: Limits.maxDepth - 4) + String(repeating: "]", count: Limits.maxDepth - 4)
        let dir = try Hostile.folder(["d.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\ndata: {a: \"1\"}\nx: \(ok)\n"])
        #expect(Hostile.run(["estimate", "d.yaml"], in: dir).status == 0)
    }

    @Test func aliasesPastTheBudget() throws {
        try expectNothingWritten(["estimate", "d.yaml"], ["d.yaml": HostileInputTests.aliasBomb], "alias budget")
    }

    @Test func replicasPastTheLimit() throws {
        try expectNothingWritten(["estimate", "d.yaml"], ["d.yaml": Hostile.deployment(replicas: "1000001")], "replicas 1000001")
        let dir = try Hostile.folder(["d.yaml": Hostile.deployment(replicas: "1000000")])
        #expect(Hostile.run(["estimate", "d.yaml"], in: dir).status == 0)
    }

    @Test func aNumberPastTheRange() throws {
        try expectNothingWritten(["estimate", "plan.json"], ["plan.json": Hostile.plan(Hostile.change("aws_ebs_volume.v", type: "aws_ebs_volume",
            after: "{\"type\": \"gp3\", \"size\": 1e18, \"availability_zone\": \"us-east-1a\"}"))], "size 1e18")
    }

    @Test func aPatternPastItsSize() throws {
        let long = String(repeating: "a", count: Limits.maxPatternBytes + 1)
        try expectNothingWritten(["check", "d.yaml", "--config", "c.yml"], [
            "c.yml": "version: 1\npolicies:\n  - {name: t, type: tagging, patterns: {team: \"\(long)\"}}\n", "d.yaml": Hostile.deployment(),
        ], "pattern size")
        try expectNothingWritten(["check", "d.yaml", "--config", "c.yml"], [
            "c.yml": "version: 1\npolicies:\n  - {name: t, type: tagging, patterns: {team: \"((a{100}){100}){100}\"}}\n", "d.yaml": Hostile.deployment(),
        ], "pattern states")
    }

    /// `--out` is written to a temporary file renamed into place: a run killed while it writes leaves either
    /// no report or the whole report, never part of one.
    @Test func aKilledRunLeavesNoHalfWrittenReport() throws {
        var manifests = ""
        for i in 0..<4_000 { manifests += Hostile.deployment(replicas: "\(i % 7 + 1)").replacing("name: web", with: "name: web\(i)") + "---\n" }
        let dir = try Hostile.folder(["many.yaml": manifests])
        let full = Hostile.run(["estimate", "many.yaml", "--format", "json", "--out", "reference.json"], in: dir, limit: 120)
        #expect(full.status == 0, "\(full.stderr)")
        let reference = try FileIO.read(dir + "/reference.json")
        #expect(reference.count > 1_000_000)
        var complete = 0, absent = 0
        for delay in [0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, 1.5, 2.0] {
            unlink(dir + "/out.json")
            let command = "cd '\(dir)' && ('\(CLI.binary)' estimate many.yaml --format json --out out.json >/dev/null 2>&1 & pid=$!; sleep \(delay); kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true)"
            _ = system(command)
            if FileIO.exists(dir + "/out.json") {
                let bytes = try FileIO.read(dir + "/out.json")
                #expect(bytes == reference, "killed after \(delay) s: out.json has \(bytes.count) of \(reference.count) bytes")
                complete += 1
            } else {
                absent += 1
            }
        }
        #expect(complete + absent == 10)
    }
}

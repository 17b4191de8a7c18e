import FoundationEssentials
import Testing
@testable import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17: incomplete is never zero, budgets judge incompleteness, numbers add up, text fits.
@Suite struct TrustTests {
    static let dir = Paths.fixtures + "/trust"
    static let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["aws": Paths.awsBook]))

    /// `db.t3.large` MySQL → `db.r6g.16xlarge` PostgreSQL Multi-AZ (a price the book lacks), compared with the old plan.
    func rdsChange(_ policies: String? = nil) throws -> Report {
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [Self.dir + "/rds-new.json"], options: Self.options)],
                            base: .file(Self.dir + "/rds-old.json"))
        let outcomes = try review.run()
        var findings: [Finding] = [], parsed: [Policy] = []
        if let policies {
            parsed = try Self.policies(policies)
            findings = PolicyEngine(policies: parsed).evaluate(outcomes.map(\.subject))
        }
        let d = try #require(outcomes[0].diff)
        return Report(estimate: outcomes[0].head, pricebooks: [try #require(awsBookRef)], diff: d, baseDescription: "rds-old.json",
                      projects: outcomes, findings: findings, policies: parsed)
    }

    static func policies(_ yaml: String) throws -> [Policy] {
        guard let root = try YAMLReader.parseSingle(Array(yaml.utf8), file: "F") else { return [] }
        return try ConfigValue(node: root, key: "policies").list("policies").map(Policy.decode)
    }

    @Test func theRDSChangeIsALowerBoundEverywhere() throws {
        let r = try rdsChange()
        let d = try #require(r.diff)
        #expect(!d.head.isComplete && d.base.isComplete)
        #expect(d.change == Amount(Decimal(string: "-233.78")!, complete: false))   // $93.88 known − $327.66
        let db = try #require(d.resources.first { $0.address == "aws_db_instance.main" })
        #expect(!db.changeKnown)
        #expect(d.head.unpriced.map(\.reason) == ["price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az"])

        let table = try TableReporter().render(r)
        #expect(table.contains("\n~ aws_db_instance.main  $256.78 → ≥ $23.00  (change not known)\n"), "\(table)")
        #expect(table.contains("\nMONTHLY COST: $327.66 → ≥ $93.88 (change not known) — 1 resource not priced: aws_db_instance.main (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az)\n"), "\(table)")
        let md = try MarkdownReporter().render(r)
        #expect(md.hasPrefix(MarkdownReporter.marker + "\n### costgate: monthly cost change not known: at least **$93.88** a month (base $327.66)\n\n**Not fully priced, so the totals are lower bounds:** 1 resource not priced: `aws_db_instance.main` (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az)\n"), "\(md)")
        #expect(md.contains("| **Total** | **$327.66** | **≥ $93.88** | **change not known** |"))
        let summary = try SummaryReporter().render(r)
        #expect(summary.hasPrefix("costgate: monthly cost $327.66 → ≥ $93.88 (change not known)\n  1 resource not priced: aws_db_instance.main (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az)\n"), "\(summary)")
        let github = try GitHubReporter().render(r)
        #expect(github.hasSuffix("::notice title=costgate::monthly cost $327.66 → ≥ $93.88 (change not known) — 1 resource not priced: aws_db_instance.main (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az); 0 policy failures, 0 warnings\n"), "\(github)")
        let json = try JSONReporter().render(r)
        #expect(json.contains("\n  \"complete\": false,\n"))
        #expect(json.contains("\n  \"diffComplete\": false,\n"))
        #expect(json.contains("\"unpriced\": [\n    {\n      \"address\": \"aws_db_instance.main\",\n      \"type\": \"aws_db_instance\",\n      \"project\": null,\n      \"reasons\": [\n        {\n          \"kind\": \"price_not_found\",\n          \"reason\": \"price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az\"\n        }\n      ],"), "\(json)")
        #expect(json.contains("\"changeKnown\": false"))
    }

    @Test func aBudgetJudgedOnAnIncompleteTotalWarns() throws {
        let r = try rdsChange("[{name: budget, type: budget, max_increase: 100}]")
        #expect(r.findings.count == 1)
        let f = try #require(r.findings.first)
        #expect(f.severity == .warning && !f.fails)
        #expect(f.message == "judged on an incomplete total, so max_increase $100.00 ($327.66 → at least $93.88, change not known) cannot be checked: 1 resource not priced: aws_db_instance.main (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az)")
        #expect(f.location?.line == 1)
        let md = try MarkdownReporter().render(r)
        #expect(md.contains("a month (base $327.66)\n\n**✅ Policies passed**; 1 warning\n\n**Not fully priced"), "\(md)")
    }

    @Test func aBudgetTheKnownPartAlreadyBreaksIsAnError() throws {
        // $93.88 is known on the head: a $50 limit is broken whatever the missing price is
        let r = try rdsChange("[{name: budget, type: budget, monthly_limit: 50, max_increase_percent: 10}]")
        let messages = r.findings.map { "\($0.severity.rawValue): \($0.message)" }
        #expect(messages.first == "error: monthly cost is at least $93.88, above the limit of $50.00", "\(messages)")
        // the percent rule cannot be judged on a lower bound of a fall: a warning, not silence
        #expect(messages.count == 2 && messages[1].hasPrefix("warning: judged on an incomplete total, so max_increase_percent 10%"), "\(messages)")
        let md = try MarkdownReporter().render(r)
        #expect(md.contains("\n**❌ 1 policy failed** (budget); 1 warning\n"), "\(md)")
        #expect(md.contains("| ❌ failed | budget |  | monthly cost is at least $93.88, above the limit of $50.00 |"))
        #expect(md.contains("| `F:1` |"), "\(md)")   // policy rows carry file:line
    }

    @Test func aCompleteChangeIsJudgedAsBefore() throws {
        // the base against itself: nothing moves, the budget has nothing to say
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [Self.dir + "/rds-old.json"], options: Self.options)],
                            base: .file(Self.dir + "/rds-old.json"))
        let outcomes = try review.run()
        let findings = PolicyEngine(policies: try Self.policies("[{name: b, type: budget, max_increase: 1, monthly_limit: 1000}]"))
            .evaluate(outcomes.map(\.subject))
        #expect(findings.isEmpty, "\(findings)")
        let d = try #require(outcomes[0].diff)
        #expect(d.change == Amount(0, complete: true))
        let md = try MarkdownReporter().render(Report(estimate: d.head, pricebooks: [], diff: d))
        #expect(md.contains("### costgate: monthly cost unchanged at **$327.66** a month\n"), "\(md)")
    }

    @Test func aNATGatewayWithNoPriceIsNeverZero() throws {
        let e = try Run(paths: [Self.dir + "/nat-us-west-2.json"], options: Self.options).estimate()
        let nat = try #require(e.resources.first { $0.address == "aws_nat_gateway.main" })
        #expect(nat.nothingKnown)
        let table = try render(e, "table")
        #expect(table.contains("aws_nat_gateway.main  [us-west-2, create]\n ├─ NAT gateway                                               730  hour                -  price not found\n └─ Data processed                                         usage?  GB                  -  price not found\n                                                                                          price not found\n"), "\(table)")
        #expect(!table.contains("$0.00"))
        #expect(table.contains("\nTOTAL MONTHLY COST: at least $7.59 USD — 2 resources not priced: aws_instance.app (price not found: aws/ebs/us-west-2/storage/gp2), aws_nat_gateway.main (price not found: aws/vpc/us-west-2/nat-gateway)\n"), "\(table)")
        #expect(try render(e, "markdown").contains("### costgate: monthly cost at least **$7.59**\n"))
        #expect(try render(e, "summary").hasPrefix("costgate: monthly cost at least $7.59\n  2 resources not priced: "))
    }

    @Test func aJSONReportAsTheBaseKeepsItsGaps() throws {
        let plan = Self.dir + "/nat-us-west-2.json"
        let e = try Run(paths: [plan], options: Self.options).estimate()
        let path = "/tmp/costgate-trust-\(UInt32.random(in: 0...UInt32.max)).json"
        try FileIO.writeAtomically(try render(e, "json"), to: path)
        defer { unlink(path) }
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [plan], options: Self.options)], base: .file(path))
        let d = try #require(try review.run().first?.diff)
        #expect(d.base.unpriced.map(\.address) == e.unpriced.map(\.address))   // the same gaps, read back
        #expect(d.change == Amount(0, complete: true))                          // nothing moved: the change is known
        #expect(!d.headAmount.complete && !d.baseAmount.complete)
        let table = try TableReporter().render(Report(estimate: d.head, pricebooks: [], diff: d))
        #expect(table.contains("\nMONTHLY COST: ≥ $7.59, unchanged — 2 resources not priced: "), "\(table)")
        let md = try MarkdownReporter().render(Report(estimate: d.head, pricebooks: [], diff: d))
        #expect(md.contains("### costgate: monthly cost unchanged: at least **$7.59** a month\n"), "\(md)")
    }

    @Test func anUnsupportedResourceMakesTheTotalALowerBound() {
        var e = Estimate(currency: "USD", pricebooks: [], inputs: [], resources: [], skipped: [], assumptions: [], warnings: [])
        #expect(e.isComplete)
        e.skipped.append(SkippedResource(address: "aws_mq_broker.q", type: "aws_mq_broker", reason: .unsupported))
        e.skipped.append(SkippedResource(address: "aws_iam_role.r", type: "aws_iam_role", reason: .free))
        #expect(!e.isComplete)
        #expect(e.unpriced.map(\.address) == ["aws_mq_broker.q"])
        #expect(e.unpriced.first?.kinds == [.unsupported])
    }

    // MARK: - coverage policy: its examples are its tests

    static func resource(_ address: String, _ gap: GapKind?) -> ResourceCost {
        let quantity: Quantity = gap == .unknown ? .notDeclared(reason: "no requests") : .value(730)
        let price: Decimal? = gap == .priceNotFound ? nil : Decimal(string: "0.1")
        let c = CostComponent(name: "Usage", unit: "hour", quantity: quantity, priceKey: "x/\(address)", usageBased: false, unitPrice: price,
                              monthlyCost: price.map { $0 * 730 }, priceSource: nil, priceDate: nil)
        return ResourceCost(address: address, type: address.hasPrefix("Deployment") ? "k8s:Deployment" : String(address.prefix { $0 != "." }),
                            region: nil, regionAssumed: false, action: .create, components: [c], assumptions: [], location: nil)
    }

    @Test(arguments: Array(Policy.Coverage.examples.indices))
    func coverageExample(_ index: Int) throws {
        let example = Policy.Coverage.examples[index]
        let policies = try Self.policies("[\(example.policy)]")
        var head = Estimate(currency: "USD", pricebooks: [], inputs: [], resources: [], skipped: [], assumptions: [], warnings: [])
        var changed = Set<String>()
        for (address, gap, isChanged) in example.resources {
            if gap == .unsupported {
                head.skipped.append(SkippedResource(address: address, type: String(address.prefix { $0 != "." }), reason: .unsupported))
            } else {
                head.resources.append(Self.resource(address, gap))
            }
            if isChanged { changed.insert(address) }
        }
        let subject = PolicySubject(project: nil, resources: [], changed: changed, head: head, base: nil)
        let findings = PolicyEngine(policies: policies).evaluate([subject])
        #expect(findings.compactMap(\.address) == example.triggers, "\(example.policy)")
        #expect(findings.allSatisfy { $0.message.hasPrefix("cost not known (") && $0.severity == .error })
    }

    @Test func coverageMistakesAreOneLineWithTheirPlace() {
        func error(_ yaml: String) -> String {
            do { _ = try Self.policies(yaml); return "no error" } catch { return "\(error)" }
        }
        #expect(error("[{name: c, type: coverage, fail_on: [price_missing]}]") == "F:1:38: fail_on of policy c lists `price_missing`; use price_not_found, unsupported, unknown")
        #expect(error("[{name: c, type: coverage, fail_on: []}]") == "F:1:37: coverage policy c fails on nothing: list price_not_found, unsupported or unknown")
        #expect(error("[{name: c, type: coverage, limit: 1}]").hasPrefix("F:1:28: unknown key `limit` in policy c; known keys:"))
    }

    @Test func theStarterWritesCoverageAsAWarning() throws {
        let path = "/tmp/costgate-starter-\(UInt32.random(in: 0...UInt32.max)).yml"
        try FileIO.writeAtomically(Config.starter, to: path)
        defer { unlink(path) }
        let config = try Config.load(path: path)
        let coverage = try #require(config.policies.first { $0.rule.kind == "coverage" })
        #expect(coverage.severity == .warning)
        #expect(coverage.rule == .coverage(Policy.Coverage(failOn: [.priceNotFound, .unsupported, .unknown])))
    }

    // MARK: - numbers that add up

    @Test(arguments: [Double(0.005), 0.015, 0.004999, -0.005, -2.675, 1234567.125, 0, 3.796, 158.985, 1e-9, 99.995])
    func centsRoundHalfAwayFromZeroLikeTheText(_ x: Double) {
        let d = Decimal(string: "\(x)")!
        #expect(FastDecimal.cents(d) == Decimal(string: Money.format(d, scale: 2))!, "\(d)")
    }

    @Test func everyDisplayedTotalIsTheSumOfTheDisplayedLines() throws {
        let e = try runEstimate([Paths.packageRoot + "/examples/terraform/plan.json"], usage: Paths.packageRoot + "/examples/terraform/usage.yml")
        var total = Decimal(0)
        for r in e.resources {
            // rounded through the text the reports print, not through the model's own rounding
            let lines = r.components.filter { $0.status == .priced }.map { Decimal(string: Money.format($0.monthlyCost ?? 0, scale: 2))! }
            #expect(r.monthlyCost == lines.reduce(0, +), "\(r.address)")
            total += Decimal(string: Money.format(r.monthlyCost, scale: 2))!
        }
        #expect(e.totalMonthlyCost == total)
        #expect(e.resources.count > 5)
    }

    // MARK: - text that fits

    @Test func longTextWrapsInsideItsWidth() {
        #expect(TableReporter.wrap("aaa bbb ccc ddd", 8, hang: "  ") == ["aaa bbb", "  ccc", "  ddd"])
        #expect(TableReporter.wrap("Deployment/shop/nightly-report", 16, hang: "  ") == ["Deployment/shop/", "  nightly-report"])
        #expect(TableReporter.wrap("abcdefghijklmnopqrstuvwxyz", 10, hang: "") == ["abcdefghij", "klmnopqrst", "uvwxyz"])
        #expect(TableReporter.wrap("short", 10, hang: "  ") == ["short"])
    }

    @Test func theTableFitsEightyColumnsAndNamesWrapInTheirColumn() throws {
        let e = try runEstimate([Paths.packageRoot + "/examples/terraform/plan.json"], usage: Paths.packageRoot + "/examples/terraform/usage.yml")
        var report = Report(estimate: e, pricebooks: [try #require(awsBookRef)])
        let wide = try TableReporter().render(report)
        #expect(wide.split(separator: "\n").contains { $0.unicodeScalars.count > 80 })   // the test can fail
        report.width = 80
        let text = try TableReporter().render(report)
        let long = text.split(separator: "\n").filter { $0.unicodeScalars.count > 80 }
        #expect(long.isEmpty, "\(long)")
        // the cost column stays where it was: continuation lines carry only the name
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("Name") })
        #expect(header.hasSuffix("Monthly cost") && header.unicodeScalars.count <= 80)
    }
}

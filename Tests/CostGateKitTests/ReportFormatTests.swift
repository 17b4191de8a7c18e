import FoundationEssentials
import Testing
@testable import CostGateKit

/// Every format rendered from one run (two projects against their prior state, each kind of policy,
/// an exemption and an annotation), compared with its golden file.
@Suite struct ReportFormatTests {
    static let dir = Paths.fixtures + "/reports"

    static func report() throws -> Report {
        let config = try Config.load(path: dir + "/costgate.yml")
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: Paths.books))
        var review = BaseComparison(projects: config.projects.map { ProjectSpec(name: $0.name, paths: $0.paths.map(config.resolve), options: options) },
                            base: .priorState)
        let outcomes = try review.run()
        let findings = PolicyEngine(policies: config.policies, exemptions: config.exemptions).evaluate(outcomes.map(\.subject))
        let estimate = Estimate.merged(outcomes.map(\.head))
        return Report(estimate: estimate, pricebooks: estimate.pricebooks,
                      diff: .merged(outcomes.compactMap(\.diff)), baseDescription: review.baseDescription, projects: outcomes,
                      findings: findings, policies: config.policies)
    }

    /// The rendered text with the package's folder left out, so goldens do not depend on where it is.
    static func render(_ format: String) throws -> String {
        try Reporters.reporter(for: format)!.render(try report()).replacing(Paths.packageRoot + "/", with: "")
    }

    @Test(arguments: Reporters.formats)
    func matchesItsGolden(format: String) throws {
        let text = try Self.render(format)
        #expect(try matchesGolden(text, Self.dir + "/report.\(format).golden"), "\(format):\n\(text)")
        #expect(try Self.render(format) == text)          // deterministic
    }

    @Test func markdownCarriesItsMarkerAndStaysUnderTheCommentLimit() throws {
        var r = try Self.report()
        #expect(try MarkdownReporter().render(r).hasPrefix(MarkdownReporter.marker + "\n"))
        // a thousand long findings: the comment collapses detail and says what it left out
        let long = String(repeating: "x", count: 400)
        r.findings = (0..<1000).map { Finding(policy: "tags", severity: .error, message: "finding \($0) \(long)", address: "aws_instance.a\($0)") }
        let text = try MarkdownReporter().render(r)
        #expect(text.unicodeScalars.count < MarkdownReporter.limit)
        #expect(text.contains("more findings not shown: see the JSON or SARIF report."))
    }

    @Test func githubCommandsEscapeTheirValues() {
        #expect(GitHubReporter.data("50% of a\nb") == "50%25 of a%0Ab")
        #expect(GitHubReporter.property("costgate: a,b") == "costgate%3A a%2Cb")
    }

    @Test func junitEscapesXML() {
        #expect(JUnitReporter.escape("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
    }
}

import FoundationEssentials
import Testing
@testable import CostGateKit

/// Every format rendered from one run (two projects against their prior state, each kind of policy,
/// an exemption and an annotation), compared with its golden file.
@Suite struct ReportFormatTests {
    static let dir = Paths.fixtures + "/reports"

    /// The options the binary would get for `costgate diff --config …/costgate.yml --format FORMAT` (the
    /// books pinned so that a new book version does not move the goldens).
    static func options(_ formats: [String]) -> PipelineOptions {
        var o = PipelineOptions()
        o.configPath = dir + "/costgate.yml"
        o.pricebookDir = Paths.pricebooks
        o.pricebooks = Paths.books.keys.sorted().map { Paths.books[$0]! }
        o.base = .priorState
        o.outputs = formats.map { .init(format: $0) }
        return o
    }

    static func report() throws -> Report { try #require(try Pipeline(options(["json"])).run().report) }

    /// The rendered text, as the binary renders it, with the package's folder left out, so goldens do not
    /// depend on where it is.
    static func render(_ format: String) throws -> String {
        let result = try Pipeline(options([format])).run()
        return try result.outputs[0].text().replacing(Paths.packageRoot + "/", with: "")
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

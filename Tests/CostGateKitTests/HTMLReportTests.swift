import FoundationEssentials
import Testing
@testable import CostGateKit

/// `--format html` beyond its golden (ReportFormatTests): escaping, nothing loaded, every cost line shown.
@Suite struct HTMLReportTests {
    @Test func escapesMarkupControlAndReorderingCharacters() {
        #expect(HTMLReporter.escape("<b a=\"1\">'&'</b>") == "&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;")
        #expect(HTMLReporter.escape("a\u{1}b\u{7F}c\u{9B}d") == "a[U+0001]b[U+007F]c[U+009B]d")
        #expect(HTMLReporter.escape("evil\u{202E}txt.exe\u{2066}") == "evil[U+202E]txt.exe[U+2066]")
        #expect(HTMLReporter.escape("line\nnext\ttab") == "line&#10;next&#9;tab")
        #expect(HTMLReporter.escape("Überprüfung ✓") == "Überprüfung ✓")
    }

    @Test func aHostileNameIsTextAndThePageLoadsNothing() throws {
        var report = try ReportFormatTests.report()
        report.findings.append(Finding(policy: "<script>alert(1)</script>", severity: .warning,
                                       message: "\u{1B}[31mred\u{202E} </td><img src=x onerror=alert(1)>", address: "aws_instance.\"x\""))
        let html = try HTMLReporter().render(report)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("[U+001B][31mred[U+202E] &lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // nothing from the network: the only URL is the SVG namespace
        let rest = html.replacing("http://www.w3.org/2000/svg", with: "")
        #expect(rest.firstRange(of: "http:") == nil && rest.firstRange(of: "https:") == nil && rest.firstRange(of: "//") == nil)
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
    }

    @Test func everyCostLineOfAShownResourceIsQuantityTimesUnitPrice() throws {
        let report = try ReportFormatTests.report()
        let html = try HTMLReporter().render(report)
        let f = NumberText()
        for r in report.estimate.resources {
            for c in r.components {
                guard case .value(let q) = c.quantity, let price = c.unitPrice else { continue }
                let line = "\(c.name): \(f.quantity(q)) \(c.unit) × \(f.displayUnitPrice(price)) = \(f.dollars(c.monthlyCost!)) (\(c.priceKey))"
                #expect(html.contains(HTMLReporter.escape(line)), "\(line)")
            }
        }
    }

    @Test func barsAreToScale() {
        #expect(HTMLReporter.scaled(50, 100, 380) == "190.0")
        #expect(HTMLReporter.scaled(100, 100, 380) == "380.0")
        #expect(HTMLReporter.scaled(0, 100, 380) == "0")
        #expect(HTMLReporter.scaled(1, 1_000_000, 380) == "0.5")   // a visible sliver, never nothing
    }
}

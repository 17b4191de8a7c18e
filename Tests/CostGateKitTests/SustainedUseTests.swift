import FoundationEssentials
import Testing
@testable import CostGateKit

/// Google's sustained-use discount, a rule of the Google book (2026.12.1): taken off the list price of whole-month
/// N1/M1/M2/GPU (30%) and N2/N2D/C2 (20%) lines, never E2 or spot, never on top of a view's own discount, and
/// switched off by a view with `sustained_use: false`. Quantities never change.
@Suite struct SustainedUseTests {
    static let dir = Paths.fixtures + "/sud"

    static func estimate(view: PriceView = .list, usage: String? = nil) throws -> Estimate {
        let file = try usage.map { try UsageFile.load(path: dir + "/" + $0) } ?? UsageFile()
        let options = EstimateOptions(usage: file, pricebooks: FamilyGoldenTests.books, view: view, defaultRegion: "us-east-1", regionWasGiven: false)
        return try Run(paths: [dir + "/main.tf"], options: options).estimate()
    }

    static func machine(_ e: Estimate, _ address: String) throws -> CostComponent {
        let r = try #require(e.resources.first { $0.address == address })
        return try #require(r.components.first { $0.name.hasPrefix("Instance usage") })
    }

    @Test func wholeMonthN1AndN2GetTheBookRuleE2AndSpotDoNot() throws {
        let e = try Self.estimate()
        let book = try #require(try PriceBook.load(path: Paths.pricebooks + "/gcp/gcp-2026.12.1.tsv").price("gcp/compute/us-central1/n1-standard-16"))
        let n1 = try Self.machine(e, "google_compute_instance.n1")
        #expect(n1.unitPrice == book.amount * 70 / 100)
        #expect(n1.name.hasSuffix("[sustained-use −30%]"))
        #expect(n1.rule?.hasPrefix("sustained-use −30% (full month; cloud.google.com/compute/docs/sustained-use-discounts") == true, "\(n1.rule ?? "nil")")
        let n2list = try #require(try PriceBook.load(path: Paths.pricebooks + "/gcp/gcp-2026.12.1.tsv").price("gcp/compute/us-central1/n2-standard-4"))
        #expect(try Self.machine(e, "google_compute_instance.n2").unitPrice == n2list.amount * 80 / 100)
        let e2 = try Self.machine(e, "google_compute_instance.e2")
        #expect(e2.rule == nil && !e2.name.contains("sustained"))
        #expect(try Self.machine(e, "google_compute_instance.n1_spot").rule == nil)
        #expect(n1.quantity == .value(730))
    }

    @Test func aPartialMonthGetsNoFullMonthRate() throws {
        let e = try Self.estimate(usage: "half-month.usage.yml")
        let n1 = try Self.machine(e, "google_compute_instance.n1")
        #expect(n1.rule == nil && n1.quantity == .value(365))
    }

    @Test func aViewSwitchesItOffAndAViewsOwnDiscountDoesNotStack() throws {
        let off = try Self.estimate(view: { var v = PriceView(name: "list-only"); v.bookRules = false; return v }())
        let listN1 = try #require(try PriceBook.load(path: Paths.pricebooks + "/gcp/gcp-2026.12.1.tsv").price("gcp/compute/us-central1/n1-standard-16"))
        #expect(try Self.machine(off, "google_compute_instance.n1").unitPrice == listN1.amount)
        let cud = try Self.estimate(view: PriceView(name: "cud", commitments: [.init(prices: Glob("gcp/compute/*/n1-*"), percent: 37)]))
        #expect(try Self.machine(cud, "google_compute_instance.n1").unitPrice == listN1.amount * 63 / 100)
        #expect(try Self.machine(cud, "google_compute_instance.n2").rule != nil)
    }

    @Test func theViewKeyIsReadFromTheConfiguration() throws {
        let path = "/tmp/costgate-sud-\(UInt32.random(in: 0...UInt32.max)).yml"
        defer { FileIO.removeTree(path) }
        try FileIO.writeAtomically("views:\n  - name: list-only\n    sustained_use: false\n", to: path)
        let config = try Config.load(path: path)
        #expect(try config.view("list-only").bookRules == false)
        #expect(try config.view("list").bookRules == true)
    }
}

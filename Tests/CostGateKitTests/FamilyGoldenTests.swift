import FoundationEssentials
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CostGateKit

/// One golden per resource family priced by component keys (issue 15): `Fixtures/families/<family>.tf`
/// (+ optional `<family>.usage.yml`, in Infracost's or costgate's form) → `<family>.golden`, the table report,
/// priced against the 2026.12.1 books (pinned, so a newer book does not change them). The fixtures are our
/// own small configurations; Infracost's golden tests are the reference they were checked against.
/// Regenerate with `COSTGATE_UPDATE_GOLDEN=1 swift test` only after checking the new output by hand.
@Suite struct FamilyGoldenTests {
    static let dir = Paths.fixtures + "/families"
    static let fixtures = FileIO.list(dir).filter { $0.hasSuffix(".tf") }.map { String($0.dropLast(3)) }.sorted()
    static let books = PriceBookSet(paths: ["aws": Paths.pricebooks + "/aws/aws-2026.12.1.tsv",
                                            "azure": Paths.pricebooks + "/azure/azure-2026.12.1.tsv",
                                            "gcp": Paths.pricebooks + "/gcp/gcp-2026.12.1.tsv"])

    /// Each fixture is its own root module: costgate reads a `.tf` path as its folder, so the fixture is copied
    /// into a folder of its own first.
    static func module(_ name: String) throws -> String {
        let folder = "/tmp/costgate-family-\(getpid())/\(name)"
        try FileIO.writeCreatingFolders(try FileIO.read(dir + "/\(name).tf"), to: folder + "/main.tf")
        return folder
    }

    static func estimate(_ name: String) throws -> Estimate {
        let usagePath = dir + "/\(name).usage.yml"
        let usage = FileIO.exists(usagePath) ? try UsageFile.load(path: usagePath) : UsageFile()
        let options = EstimateOptions(usage: usage, pricebooks: books, defaultRegion: "us-east-1", regionWasGiven: false)
        return try Run(paths: [try module(name)], options: options).estimate()
    }

    @Test(arguments: fixtures)
    func golden(_ name: String) throws {
        let e = try Self.estimate(name)
        let text = try render(e, "table").replacingOccurrences(of: "/tmp/costgate-family-\(getpid())/\(name)/", with: "")
        #expect(try matchesGolden(text, Self.dir + "/\(name).golden"), "table output of \(name) differs from \(name).golden")
        // every family fixture prices something, and no priced line of it is left without a price
        #expect(e.resources.contains { r in r.components.contains { $0.status == .priced } }, "\(name) prices nothing")
    }
}

import FoundationEssentials
import Testing
@testable import CostGateKit

/// One golden per pricer family: `Fixtures/pricers/<name>.json` (+ optional `.usage.yml`) → `<name>.golden`.
/// Regenerate with `COSTGATE_UPDATE_GOLDEN=1 swift test` only after checking the new output by hand.
@Suite struct PricerGoldenTests {
    static let dir = Paths.fixtures + "/pricers"
    static let fixtures = FileIO.list(dir).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }

    @Test(arguments: fixtures)
    func golden(_ name: String) throws {
        let usage = Self.dir + "/\(name).usage.yml"
        let e = try runEstimate([Self.dir + "/\(name).json"], usage: FileIO.exists(usage) ? usage : nil)
        let text = try render(e, "table").replacingOccurrences(of: Self.dir + "/", with: "")
        #expect(try matchesGolden(text, Self.dir + "/\(name).golden"), "table output of \(name) differs from \(name).golden")
    }

    /// Every pricer has a golden fixture that prices at least one of its types.
    @Test func everyPricerHasAGoldenFixture() throws {
        var covered = Set<String>()
        for name in Self.fixtures {
            covered.formUnion(try runEstimate([Self.dir + "/\(name).json"]).resources.map(\.type))
        }
        for name in KubernetesGoldenTests.fixtures {
            covered.formUnion(try k8sEstimate(name).resources.map(\.type))
        }
        for name in FamilyGoldenTests.fixtures {
            covered.formUnion(try FamilyGoldenTests.estimate(name).resources.map(\.type))
        }
        let missing = PricerRegistry.standard.pricers.filter { p in !p.resourceTypes.contains(where: covered.contains) }
        #expect(missing.isEmpty, "pricers without a golden fixture: \(missing.map { $0.resourceTypes.sorted().first ?? "?" })")
    }

    @Test func componentsExplainEveryNumber() throws {
        let e = try runEstimate([Self.dir + "/aws_db_instance.json"], usage: Self.dir + "/aws_db_instance.usage.yml")
        for r in e.resources {
            for c in r.components where c.status == .priced {
                #expect(c.monthlyCost == c.quantity.decimal! * c.unitPrice!)
                #expect(c.priceSource != nil && c.priceDate != nil && !c.priceKey.isEmpty)
            }
        }
    }

    @Test func extendedSupportOnlyPastStandardSupport() throws {
        let e = try runEstimate([Self.dir + "/aws_db_instance.json"])
        func names(_ address: String) -> [String] { e.resources.first { $0.address == address }!.components.map(\.name) }
        #expect(names("aws_db_instance.mysql57").contains { $0.hasPrefix("Extended support") })
        #expect(names("aws_db_instance.pg12").contains { $0.hasPrefix("Extended support") })
        #expect(!names("aws_db_instance.pg_multi").contains { $0.hasPrefix("Extended support") })
        #expect(!names("aws_db_instance.mysql_multi").contains { $0.hasPrefix("Extended support") })
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

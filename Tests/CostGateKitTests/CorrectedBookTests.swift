import FoundationEssentials
import Testing
@testable import CostGateKit

/// The books rebuilt from the facts as corrected on 2026-12-01 (`../shared/pricefacts/SOURCES.md`, "Added
/// 2026-12-01"; first in 2026.12.0, kept in 2026.12.1): what the correction must have changed, read from the newest
/// book the catalog picks.
@Suite struct CorrectedBookTests {
    static let catalog = PriceBookCatalog(directory: Paths.pricebooks)
    static func newest(_ id: String) throws -> PriceBook {
        let entry = try #require(catalog.latest(id))
        #expect(entry.version == "2026.12.1")
        return try PriceBook.load(path: entry.path)
    }
    static let facts = Paths.packageRoot + "/../shared/pricefacts"

    @Test func azureLinuxVMsNoLongerCarryTheWindowsSurcharge() throws {
        let newest = try Self.newest("azure")
        let key = "azure/vm/eastus/standard_d2as_v5/linux"
        let price = try #require(newest.price(key))
        #expect(price.amount == Decimal(string: "0.086"))
        #expect(price.source.repository == "anycloud-sh/catalog")
        // the published 2026.11.0 book is kept as it was
        #expect(try PriceBook.load(path: Paths.azureBook).price(key)?.amount == Decimal(string: "0.178"))
        // two regions Karpenter lacks
        #expect(newest.keys.contains { $0.hasPrefix("azure/vm/belgiumcentral/") })
        #expect(newest.keys.contains { $0.hasPrefix("azure/vm/denmarkeast/") })
    }

    @Test func m6iLargeHasAPriceInAtLeast20AWSRegions() throws {
        let regions = try Self.newest("aws").keys.filter { $0.hasSuffix("/instance/m6i.large/linux/shared") }
            .map { $0.split(separator: "/")[2] }
        #expect(Set(regions).count >= 20, "\(regions)")
        #expect(regions.contains("ap-southeast-2") && regions.contains("eu-central-1") && regions.contains("us-west-2"))
    }

    @Test func karpentersDedicatedMetalPricesGiveWayToTheSharedTenancyOnes() throws {
        let newest = try Self.newest("aws")
        let fixed = try #require(newest.price("aws/ec2/us-east-1/instance/r7i.metal-24xl/linux/shared"))
        #expect(fixed.amount == Decimal(string: "6.3504"))
        #expect(fixed.source.repository == "anycloud-sh/catalog")
        #expect(fixed.note?.contains("preferred over") == true && fixed.note?.contains("6.98544") == true)
        // no shared-tenancy source: Karpenter's value stays, and the note says what it is
        let kept = try #require(newest.price("aws/ec2/us-east-1/instance/c6gd.metal/linux/shared"))
        #expect(kept.source.repository == "aws/karpenter-provider-aws")
        #expect(kept.note?.contains("tenancy=Dedicated") == true)
        // Karpenter stays the source for the non-metal us-east-1 prices it is newest for
        #expect(newest.price("aws/ec2/us-east-1/instance/m6i.large/linux/shared")?.source.repository == "aws/karpenter-provider-aws")
    }

    @Test func googleAttachableGPUsOutsideUsCentral1() throws {
        let newest = try Self.newest("gcp")
        #expect(newest.price("gcp/gpu/europe-west4/nvidia-tesla-t4")?.amount == Decimal(string: "0.3675"))
        #expect(newest.price("gcp/gpu/us-central1/nvidia-tesla-t4")?.amount == Decimal(string: "0.35"))
    }

    /// Every row of azure-excluded.csv: its key, in the newest book, does not have its value.
    @Test(.enabled(if: FileIO.exists(Self.facts + "/azure-excluded.csv"), "needs ../shared/pricefacts"))
    func noExcludedAzureValueIsInTheNewestBook() throws {
        let newest = try Self.newest("azure")
        let lines = try readText(Self.facts + "/azure-excluded.csv").split(whereSeparator: \.isNewline).dropFirst()
        var checked = 0
        for line in lines {
            // provider,service,region,arm_sku=...;os=Linux;...,unit,usd_price,... (no quoted fields before the price)
            let f = line.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false)
            let sku = try #require(f[3].split(separator: ";").first { $0.hasPrefix("arm_sku=") }).dropFirst(8)
            let key = "azure/vm/\(f[2].lowercased())/\(sku.lowercased())/linux"
            #expect(newest.price(key)?.amount != Decimal(string: String(f[5])), "\(key) still has the excluded value \(f[5])")
            checked += 1
        }
        #expect(checked == 2057)
    }
}

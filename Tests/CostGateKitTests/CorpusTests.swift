import FoundationEssentials
import Testing
@testable import CostGateKit

/// The whole shared corpus, when it sits beside the project (`.ci/run` also sweeps it with the binary).
@Suite(.enabled(if: Corpus.isPresent, "../shared/corpus not found: the corpus sweeps are skipped"))
struct CorpusSweepTests {
    @Test func corpusIsComplete() {
        #expect(Corpus.plans().count > 150)
        #expect(Corpus.manifests().count > 150)
    }

    @Test(arguments: Corpus.plans())
    func everyPlanIsPricedOrListedOrRejectedWithAPlace(_ name: String) throws {
        let path = Paths.corpus + "/" + name
        if Corpus.broken.contains(name) {
            #expect(throws: CostGateError.self) { try runEstimate([path]) }
            do { _ = try runEstimate([path]) } catch let e as CostGateError {
                #expect(e.location?.file == path)
                #expect(!e.description.contains("\n"))
            }
            return
        }
        let estimate = try runEstimate([path])
        // every managed resource the plan keeps is in resources or skipped
        let expected = try CorpusTests.managedResourceCount(path)
        #expect(estimate.resources.count + estimate.skipped.count == expected, "\(name)")
        // no value Terraform marks sensitive appears in any format
        let secrets = try CorpusTests.sensitiveStrings(path)
        for format in Reporters.formats {
            let out = try render(estimate, format)
            for s in secrets { #expect(!out.contains(s), "\(format) output of \(name) leaks a sensitive value") }
        }
    }

    @Test(arguments: Corpus.manifests())
    func everyManifestIsPricedOrSkippedOrRejectedWithAPlace(_ name: String) throws {
        let path = Paths.corpus + "/" + name
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["k8s": Paths.pricebooks + "/k8s/k8s-2026.11.0.tsv"]))
        if Corpus.broken.contains(name) {
            do {
                _ = try Run(paths: [path], options: options).estimate()
                Issue.record("\(name) should be rejected")
            } catch let e as CostGateError {
                #expect(e.location?.file == path && e.location?.line != nil && e.location?.column != nil)
                #expect(!e.description.contains("\n"))
            }
            return
        }
        let e = try Run(paths: [path], options: options).estimate()
        #expect(e.resources.count + e.skipped.count > 0, "\(name): nothing read")
        #expect(e.resources.allSatisfy { $0.type.hasPrefix("k8s:") })
        for format in Reporters.formats { _ = try render(e, format) }
    }

}

/// Plans of the corpus that the tests keep a copy of (Fixtures/corpus, with ORIGIN.md).
@Suite struct CorpusTests {
    @Test(arguments: ["cmd__infracost__testdata__terraform_v0.14_plan.json", "cmd__infracost__testdata__terraform_v0.12_plan.json"])
    func infracostTestdataTotals373_12(_ file: String) throws {
        let e = try runEstimate([Paths.tfplans + "/infracost__infracost/" + file])
        // Infracost's own total rounds the exact sum once; ours adds the lines as displayed (12 × $4.60 + 2 × $158.99)
        #expect(Money.format(e.exactTotalMonthlyCost, scale: 2) == "373.12")
        #expect(Money.format(e.totalMonthlyCost, scale: 2) == "373.18")
        #expect(e.resources.filter { $0.type == "aws_instance" }.count == 12)
        #expect(e.resources.filter { $0.type == "aws_db_instance" }.count == 2)
    }

    @Test func planWithTargetTotals16_18() throws {
        let e = try runEstimate([Paths.tfplans + "/infracost__infracost/cmd__infracost__testdata__plan_with_target.json"])
        #expect(Money.format(e.totalMonthlyCost, scale: 2) == "16.18")
    }

    @Test func wrapperPlanPricesLikeTheCleanOne() throws {
        let wrapped = try runEstimate([Paths.tfplans + "/infracost__infracost/cmd__infracost__testdata__plan_with_terraform_wrapper.json"])
        #expect(wrapped.resources.count == 2)
        #expect(wrapped.totalMonthlyCost > 0)
    }

    @Test func deletedResourcesAreNotInTheTotal() throws {
        let e = try runEstimate([Paths.tfplans + "/antonbabenko__terraform-cost-estimation/samples__terraform012-plan.json"])
        #expect(e.skipped.filter { $0.reason == .deleted }.count == 3)
        #expect(e.resources.allSatisfy { $0.action != .delete })
    }

    @Test func sameInputsGiveByteIdenticalOutput() throws {
        let path = Paths.tfplans + "/infracost__infracost/cmd__infracost__testdata__terraform_v0.14_plan.json"
        for format in Reporters.formats {
            #expect(try render(runEstimate([path]), format) == render(runEstimate([path]), format))
        }
    }

    /// Managed resources as the plan lists them (resource_changes, else planned_values), minus data sources and reads.
    static func managedResourceCount(_ path: String) throws -> Int {
        let doc = try parseWhole(path)
        let changes = doc["resource_changes"].array
        if !changes.isEmpty {
            return changes.filter { $0["mode"].string != "data" && $0["deposed"].isNull && $0["change"]["actions"].array.map(\.string) != ["read"] }.count
        }
        func count(_ m: Value) -> Int {
            m["resources"].array.filter { $0["mode"].string != "data" }.count + m["child_modules"].array.map(count).reduce(0, +)
        }
        return count(doc["planned_values"]["root_module"])
    }

    /// Every string at least 8 characters long that a `*_sensitive` mirror flags.
    static func sensitiveStrings(_ path: String) throws -> [String] {
        let doc = try parseWhole(path)
        var out: [String] = []
        func walk(_ v: Value, _ s: Value, sensitive: Bool) {
            let flagged = sensitive || s == .bool(true)
            switch v {
            case .string(let str): if flagged && str.count >= 8 { out.append(str) }
            case .object(let m): for (k, child) in m { walk(child, s[k], sensitive: flagged) }
            case .array(let items): for (i, child) in items.enumerated() { walk(child, s[i], sensitive: flagged) }
            default: break
            }
        }
        for c in doc["resource_changes"].array {
            walk(c["change"]["after"], c["change"]["after_sensitive"], sensitive: false)
            walk(c["change"]["before"], c["change"]["before_sensitive"], sensitive: false)
        }
        return out
    }

    static func parseWhole(_ path: String) throws -> Value {
        let bytes = try TextEncoding.utf8(FileIO.read(path))
        return try bytes.withUnsafeBufferPointer { buf in
            var r = JSONReader(bytes: buf, file: path)
            r.skipWhitespace()
            if r.pos < buf.count, buf[r.pos] != UInt8(ascii: "{") {
                while r.pos < buf.count, !(buf[r.pos] == UInt8(ascii: "{") && r.pos > 0 && buf[r.pos - 1] == 0x0A) { r.pos += 1 }
            }
            return try r.readValue()
        }
    }
}

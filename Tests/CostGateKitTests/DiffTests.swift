import FoundationEssentials
import Testing
@testable import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DiffTests {
    func diff(_ file: String) throws -> CostDiff {
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["aws": Paths.awsBook]))
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [Paths.tfplans + "/" + file], options: options)], base: .priorState)
        return try #require(try review.run().first?.diff)
    }

    @Test func planWithTargetShowsTheInstanceResizeFromItsPriorState() throws {
        let d = try diff("infracost__infracost/cmd__infracost__testdata__plan_with_target.json")
        let r = try #require(d.resources.first { $0.address == "aws_instance.web_app_1" })
        #expect(r.change == .changed)
        #expect(r.base?.components.contains { $0.name.contains("t3.micro") } == true)
        #expect(r.head?.components.contains { $0.name.contains("t3.small") } == true)
        #expect(Money.format(d.baseTotal, scale: 2) == "8.59")      // t3.micro 0.0104 × 730 + 10 GB gp2
        #expect(Money.format(d.headTotal, scale: 2) == "16.18")
        #expect(Money.format(d.delta, scale: 2) == "7.59")
        let table = try TableReporter().render(Report(estimate: d.head, pricebooks: [], diff: d))
        #expect(table.contains("~ Instance usage (Linux/UNIX, on-demand, t3.micro) → Instance usage (Linux/UNIX, on-demand, t3.small): $7.59 → $15.18"))
    }

    @Test func createdResourcesAreAddedAndUntouchedOnesUnchanged() throws {
        let d = try diff("infracost__infracost/cmd__infracost__testdata__terraform_v0.14_plan.json")
        #expect(d.resources.filter { $0.change == .added }.count == 7)        // 6 instances and a database
        #expect(d.resources.filter { $0.change == .unchanged }.count == 7)
        #expect(d.headTotal - d.baseTotal == d.resources.reduce(Decimal(0)) { $0 + $1.delta })
    }

    @Test func deletedResourcesAreRemoved() throws {
        let d = try diff("antonbabenko__terraform-cost-estimation/samples__terraform012-plan.json")
        #expect(d.resources.filter { $0.change == .removed }.count == 3)
        #expect(d.delta < 0)
        let json = try JSONReporter().render(Report(estimate: d.head, pricebooks: [], diff: d))
        #expect(json.contains("\"baseTotalMonthlyCost\"") && json.contains("\"diffTotalMonthlyCost\""))
    }

    @Test func movedResourcesMatchTheirOldAddress() throws {
        let plan = """
        {"format_version": "1.2", "resource_changes": [
          {"address": "aws_instance.new", "previous_address": "aws_instance.old", "mode": "managed", "type": "aws_instance", "name": "new",
           "provider_name": "registry.terraform.io/hashicorp/aws",
           "change": {"actions": ["update"], "before": {"instance_type": "t3.micro"}, "after": {"instance_type": "t3.small"},
                      "after_unknown": {}, "before_sensitive": {}, "after_sensitive": {}}}]}
        """
        let path = "/tmp/costgate-moved-\(UInt32.random(in: 0...UInt32.max)).json"
        try FileIO.writeAtomically(plan, to: path)
        defer { unlink(path) }
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["aws": Paths.awsBook]))
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [path], options: options)], base: .priorState)
        let d = try #require(try review.run().first?.diff)
        #expect(d.resources.map(\.address) == ["aws_instance.new"])
        #expect(d.resources.first?.change == .changed)
        #expect(d.resources.first?.base?.address == "aws_instance.old")
        #expect(Money.format(d.delta, scale: 2) == "7.59")     // (0.0208 − 0.0104) × 730
    }

    @Test func anotherPlanIsABase() throws {
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["aws": Paths.awsBook]))
        let v12 = Paths.tfplans + "/infracost__infracost/cmd__infracost__testdata__terraform_v0.12_plan.json"
        let v14 = Paths.tfplans + "/infracost__infracost/cmd__infracost__testdata__terraform_v0.14_plan.json"
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [v14], options: options)], base: .file(v12))
        let d = try #require(try review.run().first?.diff)
        #expect(d.baseTotal == d.headTotal)                    // the same configuration planned by two Terraform versions
        #expect(d.resources.allSatisfy { $0.change == .unchanged })
        #expect(!d.resources.isEmpty)
    }
}

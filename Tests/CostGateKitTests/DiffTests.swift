import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct DiffTests {
    func diff(_ file: String) throws -> CostDiff {
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["aws": Paths.awsBook]))
        var review = Review(projects: [ProjectSpec(name: nil, paths: [Paths.tfplans + "/" + file], options: options)], base: .priorState)
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
}

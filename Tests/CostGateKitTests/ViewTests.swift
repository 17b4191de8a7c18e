import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct PricingViewTests {
    func estimate(_ file: String, view: PriceView) throws -> Estimate {
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["aws": Paths.awsBook]), view: view)
        return try Run(paths: [Paths.tfplans + "/infracost__infracost/" + file], options: options).estimate()
    }

    @Test func aDiscountChangesEveryUnitPriceAndNoQuantity() throws {
        let file = "cmd__infracost__testdata__terraform_v0.14_plan.json"
        let list = try estimate(file, view: .list)
        let discounted = try estimate(file, view: PriceView(name: "negotiated", discountPercent: 20))
        let a = list.resources.flatMap(\.components), b = discounted.resources.flatMap(\.components)
        #expect(a.count == b.count && a.count > 20)
        #expect(a.map(\.quantity) == b.map(\.quantity))               // quantities never change
        #expect(a.map(\.priceKey) == b.map(\.priceKey))
        for (l, d) in zip(a, b) where l.unitPrice != nil {
            #expect(d.unitPrice == l.unitPrice! * 8 / 10, "\(l.priceKey)")
            #expect(l.unitPrice == 0 || d.unitPrice != l.unitPrice)
        }
        #expect(discounted.exactTotalMonthlyCost == list.exactTotalMonthlyCost * 8 / 10)   // displayed totals round each line
    }

    @Test func overridesAndGlobDiscountsReproduceAHandComputedTotal() throws {
        let view = PriceView(name: "rates", discountPercent: 50,
                             discounts: [.init(prices: Glob("aws/ebs/*"), percent: 20)],
                             overrides: [.init(prices: Glob("aws/ec2/us-east-1/instance/t3.small/*"), amount: Decimal(string: "0.015")!)])
        let e = try estimate("cmd__infracost__testdata__plan_with_target.json", view: view)
        // t3.small: 730 h × $0.015 (override) = $10.95; gp2 root volume: 10 GB × $0.10 × 0.8 = $0.80
        #expect(e.totalMonthlyCost == Decimal(string: "11.75")!)
        #expect(e.resources[0].components.first { $0.priceKey.contains("/instance/t3.small/") }?.unitPrice == Decimal(string: "0.015")!)
    }

    @Test func aCommitmentBlendsItsRateOverTheShareItCovers() throws {
        let view = PriceView(name: "committed", commitments: [.init(prices: Glob("aws/ec2/*/instance/*"), percent: 28, coveragePercent: 80)])
        let list = try estimate("cmd__infracost__testdata__plan_with_target.json", view: .list)
        let e = try estimate("cmd__infracost__testdata__plan_with_target.json", view: view)
        #expect(list.resources.flatMap(\.components).map(\.quantity) == e.resources.flatMap(\.components).map(\.quantity))
        // t3.small $0.0208/h: 80% of hours at 28% off → $0.0208 × (1 − 0.224) = $0.0161408; the volume stays at list
        let hours = try #require(e.resources[0].components.first { $0.priceKey.contains("/instance/t3.small/") })
        #expect(hours.unitPrice == Decimal(string: "0.0161408")!)
        let volume = try #require(e.resources[0].components.first { $0.priceKey.contains("aws/ebs/") })
        #expect(volume.unitPrice == Decimal(string: "0.1")!)
    }

    @Test func viewsAreReadFromTheConfiguration() throws {
        let c = try loadConfig("""
        views:
          - name: negotiated
            discount_percent: 5
            discounts: [{prices: "aws/ec2/*", percent: 20}]
            overrides: {"aws/ec2/us-east-1/instance/m5.large/linux/shared": 0.061}
        """)
        let v = try c.view("negotiated")
        #expect(v.discountPercent == 5 && v.discounts.first?.percent == 20 && v.overrides.first?.amount == Decimal(string: "0.061")!)
        #expect(try c.view("list") == .list)
        #expect(throws: CostGateError.self) { try c.view("retail") }
        #expect(configError("views:\n  - {name: n, discount_percent: 120}\n") == "F:2:33: discount_percent must be between 0 and 100")
        #expect(configError("views:\n  - {name: list}\n") == "F:2:5: view list is defined twice (list is built in)")
        let committed = try loadConfig("views:\n  - name: c\n    commitments: [{prices: \"gcp/compute/*\", discount_percent: 37}]\n").view("c")
        #expect(committed.commitments == [.init(prices: Glob("gcp/compute/*"), percent: 37, coveragePercent: 100)])
    }
}

@Suite struct PriceBookDiffTests {
    @Test func listsChangedAddedAndRemovedPrices() throws {
        let dir = Paths.fixtures + "/pricebooks"
        let d = try PriceBookDiff(old: try PriceBook.load(path: dir + "/demo-2026.11.0.tsv"), new: try PriceBook.load(path: dir + "/demo-2026.12.0.tsv"))
        #expect(d.changes.map(\.key) == ["k8s/opencost-default/cpu", "k8s/opencost-default/gpu", "k8s/opencost-default/tpu"])
        #expect(d.text.hasPrefix("demo 2026.11.0 → 2026.12.0: 1 changed, 1 added, 1 removed\n~ k8s/opencost-default/cpu  0.031611 → 0.03 per vCPU-hour (-5.1%)\n"))
        let same = try PriceBook.load(path: Paths.pricebooks + "/k8s/k8s-2026.11.0.tsv")
        #expect(try PriceBookDiff(old: same, new: same).changes.isEmpty)
        #expect(throws: CostGateError.self) { try PriceBookDiff(old: same, new: try PriceBook.load(path: dir + "/demo-2026.11.0.tsv")) }
    }
}

import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct ReportTests {
    @Test func jsonHasTheDocumentedFields() throws {
        let e = try runEstimate([Paths.tfplans + "/infracost__infracost/cmd__infracost__testdata__terraform_v0.14_plan.json"])
        let text = try render(e, "json")
        let doc = try text.utf8.withContiguousStorageIfAvailable { buf -> Value in
            var r = JSONReader(bytes: buf, file: "report.json")
            return try r.readValue()
        }!
        #expect(doc["schemaVersion"].string == "1")
        #expect(doc["currency"].string == "USD")
        #expect(doc["pricebook"]["id"].string == "aws")
        #expect(doc["pricebook"]["version"].string == "2026.11.0")
        #expect(doc["totalMonthlyCost"] == .string("373.18"))          // the sum of the displayed lines
        #expect(doc["exactTotalMonthlyCost"] == .string("373.122"))
        #expect(doc["complete"] == .bool(true))
        let r = doc["resources"][0]
        for key in ["address", "type", "region", "action", "monthlyCost", "components"] { #expect(!r[key].isNull, "\(key)") }
        let c = r["components"][0]
        for key in ["name", "unit", "monthlyQuantity", "unitPrice", "monthlyCost", "priceKey", "usageBased", "priceNotFound"] {
            #expect(!c[key].isNull, "\(key)")
        }
        #expect(doc["skipped"].array.allSatisfy { ["free", "unsupported", "deleted", "forgotten"].contains($0["reason"].string ?? "") })
        #expect(doc["summary"]["priced"] == .number("14"))
        #expect(doc["summary"]["free"] == .number("12"))
    }

    @Test func tableNamesThePriceBookAndTotal() throws {
        let e = try runEstimate([Paths.tfplans + "/infracost__infracost/cmd__infracost__testdata__plan_with_target.json"])
        let text = try render(e, "table")
        #expect(text.hasPrefix("Price book: aws 2026.11.0 (effective 2026-11-22); view: list\n"))
        #expect(text.contains("TOTAL MONTHLY COST: $16.18 USD"))
        #expect(text.contains("CPU credits (unlimited, 2 vCPU): $0.05 per vCPU-hour: aws_instance.web_app_1"))
    }
}

import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct UsageFileTests {
    func write(_ text: String) throws -> String {
        let path = "/tmp/costgate-usage-\(UInt32.random(in: 0...UInt32.max)).yml"
        try FileIO.writeAtomically(text, to: path)
        return path
    }

    @Test func addressValuesWinOverTypeDefaultsAndWildcardsMatchInstances() throws {
        let f = try UsageFile.load(path: write("""
        version: 1
        resource_type_default_usage:
          aws_lambda_function:
            monthly_requests: 100
            request_duration_ms: 10
        resource_usage:
          aws_lambda_function.api[*]:
            monthly_requests: 200
          aws_lambda_function.api["b"]:
            monthly_requests: 300
        """))
        func values(_ address: String) -> UsageValues {
            f.values(for: Resource(address: address, type: "aws_lambda_function", provider: .aws, action: .create, attributes: .null))
        }
        #expect(values("aws_lambda_function.other")["monthly_requests"] == 100)
        #expect(values(#"aws_lambda_function.api["a"]"#)["monthly_requests"] == 200)
        #expect(values(#"aws_lambda_function.api["b"]"#)["monthly_requests"] == 300)
        #expect(values(#"aws_lambda_function.api["b"]"#)["request_duration_ms"] == 10)
    }

    @Test func mistakesAreOneLineWithAPlace() throws {
        let unknown = try write("versoin: 1\n")
        #expect(throws: CostGateError("unknown key `versoin` in the usage file; expected version, resource_type_default_usage, resource_usage",
                                      at: SourceLocation(file: unknown, line: 1, column: 1))) { try UsageFile.load(path: unknown) }
        let notNumber = try write("resource_usage:\n  aws_s3_bucket.b:\n    storage_gb: lots\n")
        #expect(throws: CostGateError("usage value storage_gb of aws_s3_bucket.b must be a non-negative number from 1e-18 to 1e18 (or 0), not \"lots\"",
                                      at: SourceLocation(file: notNumber, line: 3, column: 17))) { try UsageFile.load(path: notNumber) }
        let broken = try write("resource_usage:\n  a: [1, 2\n")
        #expect(throws: CostGateError.self) { try UsageFile.load(path: broken) }
    }

    @Test func usageTurnsDependsOnUsageIntoACost() throws {
        let plan = Paths.fixtures + "/pricers/aws_nat_gateway.json"
        let without = try runEstimate([plan])
        let with = try runEstimate([plan], usage: Paths.fixtures + "/pricers/aws_nat_gateway.usage.yml")
        #expect(with.totalMonthlyCost - without.totalMonthlyCost == Decimal(1000) * Decimal(string: "0.045")!)
        #expect(without.resources[0].components[1].status == .dependsOnUsage)
    }
}

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
            f.values(for: Resource(address: address, type: "aws_lambda_function", provider: .aws, action: .create, attributes: .null),
                     keys: [.monthlyRequests, .requestDurationMs])
        }
        #expect(values("aws_lambda_function.other")[.monthlyRequests] == 100)
        #expect(values(#"aws_lambda_function.api["a"]"#)[.monthlyRequests] == 200)
        #expect(values(#"aws_lambda_function.api["b"]"#)[.monthlyRequests] == 300)
        #expect(values(#"aws_lambda_function.api["b"]"#)[.requestDurationMs] == 10)
        // a pricer sees only the keys it declares
        let r = Resource(address: "aws_lambda_function.other", type: "aws_lambda_function", provider: .aws, action: .create, attributes: .null)
        #expect(f.values(for: r, keys: [.requestDurationMs]).values == ["request_duration_ms": 10])
    }

    @Test func aMisspeltKeyIsAWarningNamingTheNearestKnownKey() throws {
        let path = try write("""
        version: 1
        resource_type_default_usage:
          aws_lambda_function:
            monthly_requets: 100
        resource_usage:
          module.api.aws_nat_gateway.main[0]:
            monthly_data_processed: 5
            storage_gb: 1
          aws_vpc.main:
            anything: 1
        """)
        let f = try UsageFile.load(path: path)
        #expect(f.unknownKeyWarnings(registry: .standard) == [
            "\(path):4:5: usage key monthly_requets of aws_lambda_function is not one that aws_lambda_function reads (it is ignored); did you mean monthly_requests?",
            "\(path):7:5: usage key monthly_data_processed of module.api.aws_nat_gateway.main[0] is not one that aws_nat_gateway reads (it is ignored); did you mean monthly_data_processed_gb?",
            "\(path):8:5: usage key storage_gb of module.api.aws_nat_gateway.main[0] is not one that aws_nat_gateway reads (it is ignored); its keys: monthly_hrs, monthly_data_processed_gb",
        ], "aws_vpc has no pricer, so its keys are not judged")
    }

    @Test func suggestionsAreNearOnly() {
        #expect(Suggestion.nearest("monthly_requets", among: ["monthly_requests", "request_duration_ms"]) == "monthly_requests")
        #expect(Suggestion.nearest("storage", among: ["monthly_requests"]) == nil)
        #expect(Suggestion.distance(Array("ab".utf8), Array("ba".utf8)) == 1)
    }

    @Test func everyPricerDeclaresItsKeysOnceWithAUnitAndAMeaning() {
        for p in PricerRegistry.standard.pricers {
            let names = p.usageKeys.map(\.name)
            #expect(Set(names).count == names.count, "\(p.resourceTypes): a key listed twice")
            for k in p.usageKeys { #expect(!k.unit.isEmpty && !k.meaning.isEmpty, "\(k.name)") }
        }
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

@Suite struct UsageKeyDocumentationTests {
    /// The README's usage-key table is the one the declarations make.
    @Test func theReadmeListsTheDeclaredKeys() throws {
        let readme = try readText(Paths.packageRoot + "/README.md")
        let marker = try #require(readme.range(of: "<!-- usage-keys"))
        let start = try #require(readme.range(of: "-->\n", range: marker.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "<!-- /usage-keys -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == UsageKeyListing.markdownTable(),
                "run `costgate usage keys --markdown` and put its output in the README")
    }

    @Test func oneTypesKeysAreListedWithUnitAndMeaning() throws {
        #expect(try UsageKeyListing.text(type: "aws_lambda_function") == """
            aws_lambda_function\tmonthly_requests\trequests\trequests a month
            aws_lambda_function\trequest_duration_ms\tms\taverage duration of a request

            """)
        #expect(throws: CostGateError("aws_lambda_functon is not a type costgate prices; did you mean aws_lambda_function? (`costgate usage keys` lists every type's keys)")) {
            try UsageKeyListing.text(type: "aws_lambda_functon")
        }
    }
}

@Suite struct PricedTypesDocumentationTests {
    /// The README's list of priced types is the registry's.
    @Test func theReadmeListsEveryPricedType() throws {
        let readme = try readText(Paths.packageRoot + "/README.md")
        let marker = try #require(readme.range(of: "<!-- priced-types"))
        let start = try #require(readme.range(of: "-->\n", range: marker.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "<!-- /priced-types -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == UsageKeyListing.pricedTypes(markdown: true),
                "run `costgate types --markdown` and put its output in the README")
        for t in PricerRegistry.standard.supportedTypes where !t.hasPrefix("k8s:") { #expect(readme.contains("`\(t)`"), "\(t)") }
    }
}

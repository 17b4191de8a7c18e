import FoundationEssentials
import Testing

/// Terraform source costgate could not evaluate (a module not downloaded, a count unknown until apply) has a cost
/// that is not known, not zero: every total that contains it is a lower bound, in every report, and a budget
/// cannot pass on it. (Such resources were listed under "Not priced" while the total read as exact.)
@Suite struct NotEvaluatedTotalTests {
    static let instance = "resource \"aws_instance\" \"web\" {\n  instance_type = \"t3.micro\"\n  ami = \"ami-1\"\n}\n"
    static let remoteModule = "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n"
    static let unknownCount = "variable \"zones\" {\n  type = list(string)\n}\n"
        + "resource \"aws_instance\" \"per_zone\" {\n  count = length(var.zones)\n  instance_type = \"t3.micro\"\n  ami = \"ami-1\"\n}\n"
    static let vpcGap = "1 resource not priced: module.vpc (not evaluated: module not downloaded (run terraform init))"

    @Test func aModuleNotDownloadedMakesTheTotalALowerBound() throws {
        let dir = try OtherInputTests.folder(["main.tf": Self.remoteModule + Self.instance])
        defer { OtherInputTests.remove(dir) }
        let table = try CLI.run(["estimate", "main.tf"], in: dir)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("\nTOTAL MONTHLY COST: at least $8.39 USD — \(Self.vpcGap)\n"), "\(table.stdout)")
        let json = try CLI.run(["estimate", "main.tf", "--format", "json"], in: dir)
        #expect(json.stdout.contains("  \"totalMonthlyCost\": \"8.39\",\n  \"exactTotalMonthlyCost\": \"8.392\",\n  \"complete\": false,\n"), "\(json.stdout)")
        #expect(json.stdout.contains("      \"address\": \"module.vpc\",\n      \"type\": \"module\",\n      \"project\": null,\n"
                                     + "      \"reasons\": [\n        {\n          \"kind\": \"unknown\",\n"
                                     + "          \"reason\": \"not evaluated: module not downloaded (run terraform init)\"\n        }\n      ],\n      \"location\": \"main.tf:1:1\"\n"), "\(json.stdout)")
    }

    @Test func nothingButAModuleNotDownloadedIsNeverAPlainZero() throws {
        let dir = try OtherInputTests.folder(["main.tf": Self.remoteModule])
        defer { OtherInputTests.remove(dir) }
        let r = try CLI.run(["estimate", "main.tf"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nTOTAL MONTHLY COST: at least $0.00 USD — \(Self.vpcGap)\n"), "\(r.stdout)")
        #expect(!r.stdout.contains("TOTAL MONTHLY COST: $0.00"), "\(r.stdout)")
    }

    @Test func aCountUnknownUntilApplyMakesTheTotalALowerBound() throws {
        let dir = try OtherInputTests.folder(["main.tf": Self.unknownCount + Self.instance])
        defer { OtherInputTests.remove(dir) }
        let r = try CLI.run(["estimate", "main.tf"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nTOTAL MONTHLY COST: at least $8.39 USD — 1 resource not priced: aws_instance.per_zone (not evaluated: count unknown until apply)\n"),
                "\(r.stdout)")
    }

    @Test func aBudgetCannotPassOnAModuleNotDownloaded() throws {
        let config = "version: 1\nprojects:\n  - name: app\n    paths: [main.tf]\npolicies:\n  - name: cap\n    type: budget\n    severity: error\n    monthly_limit: 100\n"
        let dir = try OtherInputTests.folder(["main.tf": Self.remoteModule + Self.instance, ".costgate.yml": config])
        defer { OtherInputTests.remove(dir) }
        let r = try CLI.run(["check"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nMONTHLY COST: $0.00 → ≥ $8.39 (at least +$8.39) — \(Self.vpcGap)\n"), "\(r.stdout)")
        #expect(r.stdout.contains("\nFindings: 0 error(s), 1 warning(s)\n  warning: [cap] judged on an incomplete total, so monthly_limit $100.00 "
                                  + "(monthly cost is at least $8.39) cannot be checked: \(Self.vpcGap) (.costgate.yml:6:5)\n"), "\(r.stdout)")
    }
}

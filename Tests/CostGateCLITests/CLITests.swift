import FoundationEssentials
import Testing
import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `costgate` binary and checks stdout, stderr and the exit code.
struct CLI {
    static let root: String = {
        var p = #filePath
        for _ in 0..<3 { p = String(p[..<p.lastIndex(of: "/")!]) }
        return p
    }()
    /// Corpus plans the tests keep a copy of (Tests/CostGateKitTests/Fixtures/corpus/ORIGIN.md).
    static let corpus = root + "/Tests/CostGateKitTests/Fixtures/corpus/tfplan"
    /// The binary sits beside the test bundle in the build folder.
    static let binary: String = {
        var dir = FileIO.executablePath() ?? ""
        while !dir.isEmpty, !FileIO.exists(dir + "/costgate") || FileIO.isDirectory(dir + "/costgate") {
            guard let slash = dir.lastIndex(of: "/") else { break }
            dir = String(dir[..<slash])
        }
        return dir + "/costgate"
    }()

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], stdin: String? = nil, in directory: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let tmp = "/tmp/costgate-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value.replacingSingleQuotes())' " }.joined()
        let quoted = env + ([binary] + args).map { "'" + $0.replacingSingleQuotes() + "'" }.joined(separator: " ")
        var command = "\(quoted) >\(tmp).out 2>\(tmp).err"
        if let stdin {
            try FileIO.writeAtomically(stdin, to: tmp + ".in")
            command += " <\(tmp).in"
        } else {
            command += " </dev/null"
        }
        let status = system("cd '\(directory ?? root)' && \(command)")
        let out = String(decoding: (try? FileIO.read(tmp + ".out")) ?? [], as: UTF8.self)
        let err = String(decoding: (try? FileIO.read(tmp + ".err")) ?? [], as: UTF8.self)
        for ext in [".out", ".err", ".in"] { unlink(tmp + ext) }
        return Result(status: (status >> 8) & 0xFF, stdout: out, stderr: err)
    }
}

extension CLI {
    /// Runs the binary and compares the whole of standard output (with an expected-output file under
    /// Expected/, which `COSTGATE_UPDATE_GOLDEN=1` rewrites: read the change first), standard error and
    /// the exit status — the habit of swift-argument-parser's `AssertExecuteCommand`.
    static func expect(_ args: [String], expected file: String, stderr: String = "", status: Int32 = 0, stdin: String? = nil,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let r = try run(args, stdin: stdin)
        let path = root + "/Tests/CostGateCLITests/Expected/" + file
        if FileIO.environment("COSTGATE_UPDATE_GOLDEN") == "1" { try FileIO.writeAtomically(r.stdout, to: path) }
        let expected = String(decoding: (try? FileIO.read(path)) ?? [], as: UTF8.self)
        #expect(r.stdout == expected, "stdout of costgate \(args.joined(separator: " ")) differs from Expected/\(file)", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, sourceLocation: sourceLocation)
        #expect(r.status == status, sourceLocation: sourceLocation)
    }

    /// Runs the binary and compares standard output, standard error and the status exactly.
    static func expect(_ args: [String], stdout: String, stderr: String = "", status: Int32 = 0, stdin: String? = nil,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let r = try run(args, stdin: stdin)
        #expect(r.stdout == stdout, sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, sourceLocation: sourceLocation)
        #expect(r.status == status, sourceLocation: sourceLocation)
    }
}

extension String {
    func replacingSingleQuotes() -> String {
        var out = ""
        for ch in self { if ch == "'" { out += "'\\''" } else { out.append(ch) } }
        return out
    }
}

@Suite struct CLITests {
    @Test func binaryIsBuilt() { #expect(FileIO.exists(CLI.binary), "\(CLI.binary)") }

    @Test func estimatesTheShippedExample() throws {
        try CLI.expect(["estimate", "examples/terraform/plan.json", "--usage", "examples/terraform/usage.yml"], expected: "estimate-terraform-example.txt")
    }

    @Test func aMisspeltUsageKeyIsAWarningWithTheNearestKey() throws {
        let path = "/tmp/costgate-cli-usage-\(getpid()).yml"
        try FileIO.writeAtomically("version: 1\nresource_usage:\n  aws_nat_gateway.main:\n    monthly_data_procesed_gb: 500\n", to: path)
        defer { unlink(path) }
        try CLI.expect(["estimate", "examples/terraform/plan.json", "--usage", path], expected: "estimate-terraform-example-no-usage.txt",
                       stderr: "costgate: warning: \(path):4:5: usage key monthly_data_procesed_gb of aws_nat_gateway.main is not one that aws_nat_gateway reads (it is ignored); did you mean monthly_data_processed_gb?\n")
        try CLI.expect(["estimate", "examples/terraform/plan.json"], expected: "estimate-terraform-example-no-usage.txt")
    }

    @Test func usageKeysAreListedByType() throws {
        try CLI.expect(["usage", "keys", "aws_lambda_function"], stdout: """
            aws_lambda_function\tmonthly_requests\trequests\trequests a month
            aws_lambda_function\trequest_duration_ms\tms\taverage duration of a request

            """)
        try CLI.expect(["usage", "keys", "aws_vpc"], stdout: "",
                       stderr: "costgate: error: aws_vpc is not a type costgate prices (`costgate usage keys` lists every type's keys)\n", status: 2)
    }

    @Test func jsonToAFileAtomically() throws {
        let out = "/tmp/costgate-cli-report-\(getpid()).json"
        let r = try CLI.run(["estimate", "--format", "json", "--out", out,
                             CLI.corpus + "/infracost__infracost/cmd__infracost__testdata__plan_with_target.json"])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let text = String(decoding: try FileIO.read(out), as: UTF8.self)
        #expect(text.contains("\"totalMonthlyCost\": \"16.18\""))
        unlink(out)
    }

    @Test func readsStandardInput() throws {
        let plan = String(decoding: try FileIO.read(CLI.corpus + "/infracost__infracost/cmd__infracost__testdata__plan_with_target.json"), as: UTF8.self)
        try CLI.expect(["estimate", "-"], expected: "estimate-plan-with-target-stdin.txt", stdin: plan)
    }

    @Test(arguments: [
        ("bridgecrewio__checkov/tests__terraform__runner__resources__plan__corrupted-tfplan.json", ":1:1: this is Terraform state (`values`), not a plan; run `terraform plan -out tfplan && terraform show -json tfplan > plan.json` and pass plan.json"),
        ("cycloidio__terracost/testdata__aws__terraform-plan-noprovider.json", ":190:1: invalid JSON: unexpected '}' after the end of the plan object (is a brace unbalanced?)"),
        ("hashicorp__terraform-json/testdata__invalid__plan.json", ":676:29: invalid JSON: unexpected '}' after the end of the plan object (is a brace unbalanced?)"),
        ("iDataist__Deploy-a-Scalable-IaaS-Web-Server-in-Azure/terraform__plan.json", ":1:1: this is a binary Terraform plan (a zip file), not JSON; run `terraform show -json PATH > plan.json` and pass plan.json"),
    ])
    func brokenPlansExit2WithOneLine(_ file: String, _ expected: String) throws {
        let path = CLI.corpus + "/" + file
        try CLI.expect(["estimate", path], stdout: "", stderr: "costgate: error: \(path)\(expected.replacing("PATH", with: path))\n", status: 2)
    }

    @Test(arguments: [
        (["estimate", "no/such/plan.json"], "costgate: error: no/such/plan.json: no such file or directory"),
        (["estimate", "--format", "xml", "examples/terraform/plan.json"], "costgate: error: unknown format 'xml'"),
        (["estimate", "--pricebook", "aws@1999.1.0", "examples/terraform/plan.json"], "costgate: error: no price book aws@1999.1.0"),
        (["estimate", "--usage", "Package.swift", "examples/terraform/plan.json"], "costgate: error: Package.swift:"),
        (["frobnicate"], "costgate: error: "),
    ])
    func usageAndInputErrorsExit2(_ args: [String], _ prefix: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix(prefix), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func aBrokenPriceBookIsFileAndLine() throws {
        let path = "/tmp/costgate-cli-badbook-\(getpid()).tsv"
        try FileIO.writeAtomically("costgate-pricebook\t1\nid\taws\nversion\t9.9.9\neffective\t2026-01-01\ncurrency\tUSD\nprice\taws/x\thour\t-1\tS1\t2026-01-01\n", to: path)
        let r = try CLI.run(["estimate", "--pricebook", path, "examples/terraform/plan.json"])
        #expect(r.status == 2)
        #expect(r.stderr == "costgate: error: \(path):6:1: negative price -1 for aws/x\n")
        unlink(path)
    }

    @Test func pricebookCommandsExplainPrices() throws {
        let show = try CLI.run(["pricebook", "show", "aws/ec2/us-east-1/instance/t3.nano/"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("0.0052 per hour\taws/karpenter-provider-aws/"))
        let validate = try CLI.run(["pricebook", "validate", "pricebooks/aws/aws-2026.11.0.tsv"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains(": ok: aws@2026.11.0"))
    }

    @Test func manifestsFromStandardInputAndFolders() throws {
        let yaml = String(decoding: try FileIO.read(CLI.root + "/examples/kubernetes/shop.yaml"), as: UTF8.self)
        let piped = try CLI.run(["estimate", "--format", "json", "-"], stdin: yaml)      // helm template … | costgate estimate -
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("\"address\": \"Deployment/shop/web\""))
        #expect(piped.stdout.contains("\"maxTotalMonthlyCost\""))
        let folder = try CLI.run(["estimate", "examples/kubernetes"])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stdout.contains("StatefulSet/shop/db"))
        #expect(folder.stdout.contains("cluster profile opencost-default"))
        let profiled = try CLI.run(["estimate", "examples/kubernetes/shop.yaml", "--cluster-profile", "examples/kubernetes/profile-eks.yaml"])
        #expect(profiled.status == 0, "\(profiled.stderr)")
        #expect(profiled.stdout.contains("share of m5.large nodes"))
    }

    @Test func brokenManifestsExit2WithAPlace() throws {
        let r = try CLI.run(["estimate", "-"], stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      requests:\n        cpu: ${CPU}\n")
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("costgate: error: -:9:14: requests.cpu: \"${CPU}\" is not a Kubernetes quantity"), "\(r.stderr)")
        let y = try CLI.run(["estimate", "-"], stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: [p\n")
        #expect(y.status == 2)
        #expect(y.stderr.hasPrefix("costgate: error: -:4:1: invalid YAML"), "\(y.stderr)")
    }

    @Test func diffAgainstPriorState() throws {
        try CLI.expect(["diff", "Tests/CostGateKitTests/Fixtures/corpus/tfplan/infracost__infracost/cmd__infracost__testdata__plan_with_target.json"],
                       expected: "diff-plan-with-target.txt")
    }

    @Test func helpAndVersionExit0() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("estimate"))
        #expect(try CLI.run(["--version"]).status == 0)
    }
}

/// Custom prices: a user price book and mapping rules price what no pricer knows (issue 5).
@Suite struct CustomPriceTests {
    static let dir = CLI.root + "/examples/custom-prices"

    @Test func mappingRulesPriceTypesNoPricerKnows() throws {
        let r = try CLI.run(["estimate", "--config", Self.dir + "/.costgate.yml"])
        #expect(r.status == 0, "\(r.stderr)")
        // 3 monitors × $15 (count), 3 runner slots (an attribute) × $40, 2 namespaces × $2: computed by hand
        #expect(r.stdout.contains(" └─ Datadog monitor                                    1  month      $15.00        $15.00\n"))
        #expect(r.stdout.contains(" └─ CI runner slots                                    3  month      $40.00       $120.00\n"))
        #expect(r.stdout.contains("TOTAL MONTHLY COST: $169.00 USD\n  observability: $165.00\n  platform: $4.00\n"))
        #expect(r.stdout.hasPrefix("Price book: internal 2026.11.0 (effective 2026-11-01)"))
        let json = try CLI.run(["estimate", "--config", Self.dir + "/.costgate.yml", "--format", "json"])
        #expect(json.stdout.contains("\"priceKey\": \"internal/k8s/namespace\",\n          \"priceSource\": \"acme/finops/rate-card/2026.md@- (2026-11-01)\""), "\(json.stdout)")
    }

    @Test func withoutTheRulesTheyAreNotSupported() throws {
        let r = try CLI.run(["estimate", Self.dir + "/plan.json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("datadog_monitor.api_latency  unsupported: not supported yet"))
    }

    @Test func aRuleNeedsAPriceAndItsBookItsOwnID() throws {
        let tmp = "/tmp/costgate-custom-\(getpid())"
        mkdir(tmp, 0o755)
        try FileIO.writeAtomically("custom_prices:\n  rules:\n    - {resource_types: [datadog_monitor], quantity: 2, quantity_attribute: x, price: a/b}\n",
                                   to: tmp + "/.costgate.yml")
        let r = try CLI.run(["estimate", "--config", tmp + "/.costgate.yml", Self.dir + "/plan.json"])
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix(".costgate.yml:3:76: give quantity or quantity_attribute, not both\n"), "\(r.stderr)")
        try FileIO.writeAtomically("custom_prices:\n  pricebook: \(CLI.root)/pricebooks/aws/aws-2026.11.0.tsv\n  rules: []\n", to: tmp + "/.costgate.yml")
        let clash = try CLI.run(["estimate", "--config", tmp + "/.costgate.yml", Self.dir + "/plan.json"])
        #expect(clash.status == 2 && clash.stderr.contains("custom price book id aws is also a shipped book's id"), "\(clash.stderr)")
        let book = Self.dir + "/internal-2026.11.0.tsv"
        try FileIO.writeAtomically("custom_prices:\n  pricebook: \(book)\n  rules:\n    - {resource_types: [x], price: internal/datadog/monitors}\n",
                                   to: tmp + "/.costgate.yml")
        let typo = try CLI.run(["estimate", "--config", tmp + "/.costgate.yml", Self.dir + "/plan.json"])
        #expect(typo.status == 2 && typo.stdout.isEmpty)
        #expect(typo.stderr.hasSuffix(".costgate.yml:4:7: price internal/datadog/monitors is not in custom price book internal 2026.11.0; check the key or add the price\n"), "\(typo.stderr)")
        try FileIO.writeAtomically("custom_prices:\n  pricebook: \(book)\n  rules:\n    - {resource_types: [x], price: internal/datadog/monitor, unit: hour}\n",
                                   to: tmp + "/.costgate.yml")
        let unit = try CLI.run(["estimate", "--config", tmp + "/.costgate.yml", Self.dir + "/plan.json"])
        #expect(unit.status == 2 && unit.stderr.contains(":4:7: rule internal/datadog/monitor counts per hour, but internal/datadog/monitor is priced per month; set unit: month"), "\(unit.stderr)")
    }
}

/// Shared costs shown by team in the table, JSON and markdown reports (issue 5).
@Suite struct SharedCostReportTests {
    static let config = CLI.root + "/examples/shared-costs/.costgate.yml"

    @Test func everyFormatShowsTheTeams() throws {
        let table = try CLI.run(["estimate", "--config", Self.config])
        // $70.89 own: the displayed lines $46.15 + $24.74 (the exact sum rounds to $70.90)
        #expect(table.stdout.contains("By team, shared costs allocated:\n  ml        $70.89 own + $24.34 control plane + $7.30 ingress + $333.34 observability licence = $435.87\n"), "\(table.stdout)")
        let json = try CLI.run(["estimate", "--config", Self.config, "--format", "json"])
        #expect(json.stdout.contains("  \"byTeam\": {\n    \"key\": \"team\",\n    \"sharedCosts\": [\n      {\n        \"name\": \"control plane\",\n        \"monthlyCost\": \"73.00\",\n        \"allocatedBy\": \"cpu\""), "\(json.stdout)")
        let md = try CLI.run(["estimate", "--config", Self.config, "--format", "markdown"])
        #expect(md.stdout.contains("| Team | Own | control plane | ingress | observability licence | Total |\n| --- | ---: | ---: | ---: | ---: | ---: |\n| ml | $70.89 | $24.34 | $7.30 | $333.34 | $435.87 |\n"))
    }
}

/// Terraform source: `--var-file` and `--var` give variables their values, `--var` last (issue 13).
@Suite struct TerraformVariableTests {
    static let dir = "Tests/CostGateKitTests/Fixtures/hcl/cli-vars"

    @Test func aRequiredVariableWithoutAValueIsUnknownAndNamed() throws {
        try CLI.expect(["estimate", Self.dir], expected: "estimate-tf-variable-not-set.txt")
    }

    @Test func varAndVarFileSetThemVarLast() throws {
        try CLI.expect(["estimate", Self.dir, "--var", "instance_type=t3.micro"], expected: "estimate-tf-var.txt")
        try CLI.expect(["estimate", Self.dir, "--var-file", Self.dir + "/prod.tfvars", "--var", "instances=3"], expected: "estimate-tf-var-file.txt")
        try CLI.expect(["estimate", Self.dir, "--var", "instance_type"], expected: "empty.txt",
                       stderr: "costgate: error: --var takes NAME=VALUE, not 'instance_type' (see `costgate --help`)\n", status: 2)
    }
}

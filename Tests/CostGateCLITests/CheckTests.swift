import FoundationEssentials
import Testing
import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// A git repository in a temporary folder with a base commit on main and a feature branch.
struct Repo {
    let dir: String

    init() throws {
        dir = "/tmp/costgate-repo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try sh("mkdir -p '\(dir)/k8s' && cd '\(dir)' && git init -q -b main && git config user.email ci@example.com && git config user.name ci")
    }

    /// Runs a shell command in the repository; fails the test when it fails.
    @discardableResult
    func sh(_ command: String) throws -> String {
        let out = dir + ".sh-out"
        let status = system("cd '\(dir)' 2>/dev/null; (\(command)) >'\(out)' 2>&1")
        let text = String(decoding: (try? FileIO.read(out)) ?? [], as: UTF8.self)
        unlink(out)
        guard status == 0 else { throw CostGateError("`\(command)` failed: \(text)") }
        return text
    }

    func write(_ path: String, _ text: String) throws { try FileIO.writeAtomically(text, to: dir + "/" + path) }

    func remove() { _ = system("rm -rf '\(dir)' '\(dir)-clone'") }

    /// A Deployment of `replicas` pods of 1 vCPU and 2 GiB, labelled with `labels`.
    static func deployment(replicas: Int, labels: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: payments
          labels: {\(labels)}
        spec:
          replicas: \(replicas)
          template:
            metadata:
              labels: {app: api, \(labels)}
            spec:
              containers:
              - name: api
                image: payments/api:1.0
                resources: {requests: {cpu: "1", memory: 2Gi}}

        """
    }

    static let config = """
    version: 1
    projects:
      - name: payments
        paths: [k8s/]
    policies:
      - name: payments-budget
        type: budget
        monthly_limit: 300
        max_increase: 200
      - name: required-labels
        type: tagging
        required: [team, env]

    """
}

@Suite(.serialized) struct CheckTests {
    /// Base: 2 replicas ($58.52 a month at OpenCost's default prices), labelled; committed on main.
    func baseRepo() throws -> Repo {
        let repo = try Repo()
        try repo.write(".costgate.yml", Repo.config)
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 2, labels: "team: payments, env: prod"))
        try repo.sh("git add -A && git commit -qm base && git checkout -qb feature")
        return repo
    }

    @Test func raisingReplicasPastTheBudgetFails() throws {
        let repo = try baseRepo()
        defer { repo.remove() }
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 12, labels: "team: payments, env: prod"))
        let before = try repo.sh("git status --porcelain; git rev-parse HEAD; cat k8s/api.yaml")
        let r = try CLI.run(["check", "--base-ref", "main"], in: repo.dir)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("~ Deployment/payments/api  $58.52 → $351.14  (+$292.62)"), "\(r.stdout)")
        #expect(r.stdout.contains("error: [payments-budget] monthly cost is $351.14, above the limit of $300.00"))
        #expect(r.stdout.contains("error: [payments-budget] monthly cost rises by $292.62 ($58.52 → $351.14), above the $200.00 allowed"))
        #expect(!r.stdout.contains("required-labels"))
        // the working tree, the index and HEAD are as they were
        #expect(try repo.sh("git status --porcelain; git rev-parse HEAD; cat k8s/api.yaml") == before)
        // diff reports the same comparison without judging it; its JSON carries the base
        let d = try CLI.run(["diff", "--base-ref", "main", "--format", "json"], in: repo.dir)
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdout.contains("\"baseTotalMonthlyCost\": \"58.52\""))
        #expect(d.stdout.contains("\"diffTotalMonthlyCost\": \"292.62\""))
        #expect(d.stdout.contains("\"baseMonthlyCost\": \"58.52\""))
        #expect(d.stdout.contains("\"policy\": \"payments-budget\""))
    }

    /// `check --base-ref main` on the feature branch with the Deployment changed to `replicas` and `labels`.
    func checkBranch(replicas: Int, labels: String) throws -> CLI.Result {
        let repo = try baseRepo()
        defer { repo.remove() }
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: replicas, labels: labels))
        return try CLI.run(["check", "--base-ref", "main"], in: repo.dir)
    }

    @Test func removingARequiredLabelFails() throws {
        let r = try checkBranch(replicas: 2, labels: "team: payments")
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("error: [required-labels] payments: Deployment/payments/api: required label env is missing (k8s/api.yaml:1:1)"), "\(r.stdout)")
        #expect(r.stdout.contains("No resource changes its monthly cost."))
    }

    @Test func withinBudgetAndLabelledPasses() throws {
        let r = try checkBranch(replicas: 3, labels: "team: payments, env: prod")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("MONTHLY COST: $58.52 → $87.79 (+$29.27, +50.0%)"), "\(r.stdout)")
        #expect(!r.stdout.contains("Findings"))
    }

    @Test func aMalformedConfigurationIsExit2WithItsPlace() throws {
        let repo = try baseRepo()
        defer { repo.remove() }
        try repo.write(".costgate.yml", Repo.config.replacingSingleQuotes() + "  - name: guard\n    type: guardrail\n    max_resource_monthly_cost: [1]\n")
        let r = try CLI.run(["check", "--base-ref", "main"], in: repo.dir)
        #expect(r.status == 2)
        #expect(r.stderr == "costgate: error: .costgate.yml:15:32: max_resource_monthly_cost must be a single value, not a list or mapping\n", "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// The feature branch scaled to 12 replicas and committed, cloned as CI clones it (`--depth 1`, that
    /// branch only); `repo.remove()` removes the clone too.
    func scaledUpShallowClone() throws -> (Repo, String) {
        let repo = try baseRepo()
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 12, labels: "team: payments, env: prod"))
        try repo.sh("git commit -qam 'scale up'")
        let clone = repo.dir + "-clone"
        try repo.sh("git clone -q --depth 1 --branch feature 'file://\(repo.dir)' '\(clone)'")
        return (repo, clone)
    }

    @Test func baseRefWorksInAShallowCloneOnceFetched() throws {
        let (repo, clone) = try scaledUpShallowClone()
        defer { repo.remove() }
        let unknown = try CLI.run(["check", "--base-ref", "origin/main"], in: clone)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "costgate: error: --base-ref origin/main: unknown git ref; in a shallow CI clone fetch it first: git fetch origin main --depth 1\n",
                "\(unknown.stderr)")
        try repo.sh("cd '\(clone)' && git fetch -q origin main --depth 1")
        let before = try repo.sh("cd '\(clone)' && git status --porcelain && git rev-parse HEAD && git rev-parse --is-shallow-repository")
        let r = try CLI.run(["check", "--base-ref", "origin/main"], in: clone)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("MONTHLY COST: $58.52 → $351.14"), "\(r.stdout)")
        #expect(try repo.sh("cd '\(clone)' && git status --porcelain && git rev-parse HEAD && git rev-parse --is-shallow-repository") == before)
        #expect(before.hasSuffix("true\n"))
    }

    @Test func anEarlierJSONReportIsABase() throws {
        let repo = try baseRepo()
        defer { repo.remove() }
        let base = try CLI.run(["estimate", "--format", "json", "--out", "base.json"], in: repo.dir)
        #expect(base.status == 0, "\(base.stderr)")
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 4, labels: "team: payments, env: prod"))
        let r = try CLI.run(["diff", "--base", "base.json"], in: repo.dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("~ Deployment/payments/api  $58.52 → $117.04  (+$58.52)"), "\(r.stdout)")
    }

    @Test func initWritesAStarterThatLoads() throws {
        let repo = try Repo()
        defer { repo.remove() }
        let r = try CLI.run(["init"], in: repo.dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Config.load(path: repo.dir + "/.costgate.yml").policies.count == 4)   // budget, tagging, guardrail, coverage
        let again = try CLI.run(["init"], in: repo.dir)
        #expect(again.status == 2 && again.stderr.contains("already exists; pass --force"))
    }

    @Test func theShippedPolicyExampleJudgesTwoProjects() throws {
        let r = try CLI.run(["check", "--config", "examples/policies/.costgate.yml"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Project infra: $0.00 → $"))
        #expect(r.stdout.contains("Project payments: $0.00 → $"))
        #expect(r.stdout.contains("Findings: 0 error(s), 7 warning(s), 2 exempted"), "\(r.stdout)")
        let json = try CLI.run(["check", "--config", "examples/policies/.costgate.yml", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"projects\": ["))
        #expect(json.stdout.contains("\"exemptionReason\": \"no spend of their own; tagged through the team's account\""))
    }

    @Test func theShellCIExampleRunsEndToEnd() throws {
        let (repo, clone) = try scaledUpShallowClone()
        defer { repo.remove() }
        let script = CLI.root + "/examples/ci/costgate-ci.sh"
        let out = repo.dir + ".ci-out"
        let status = system("cd '\(clone)' && COSTGATE='\(CLI.binary)' COSTGATE_OUT=reports bash '\(script)' main >'\(out)' 2>&1")
        let printed = String(decoding: (try? FileIO.read(out)) ?? [], as: UTF8.self)
        unlink(out)
        #expect((status >> 8) & 0xFF == 1, "\(printed)")
        #expect(printed.contains("costgate: monthly cost $58.52 → $351.14 (+$292.62, +500.0%)"), "\(printed)")
        #expect(printed.contains("error [payments-budget] monthly cost is $351.14, above the limit of $300.00"))
        #expect(printed.contains("costgate-ci: a policy failed; comment in reports/comment.md"))
        let comment = String(decoding: try FileIO.read(clone + "/reports/comment.md"), as: UTF8.self)
        #expect(comment.hasPrefix(MarkdownReporter.marker + "\n### costgate: monthly cost will rise by **$292.62** (+500.0%) to **$351.14** a month"), "\(comment)")
        for file in ["cost.json", "costgate.sarif", "costgate-junit.xml"] { #expect(FileIO.exists(clone + "/reports/" + file), "\(file)") }
        // only the reports were added to the clone
        #expect(try repo.sh("cd '\(clone)' && git status --porcelain") == "?? reports/\n")
    }

    @Test func severalFormatsInOneRunAndTheirMistakes() throws {
        let dir = "/tmp/costgate-formats-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        _ = system("mkdir -p '\(dir)'")
        defer { _ = system("rm -rf '\(dir)'") }
        let r = try CLI.run(["estimate", "examples/terraform/plan.json", "--format", "json", "--out", dir + "/cost.json",
                             "--format", "sarif", "--out", dir + "/cost.sarif", "--format", "summary"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("costgate: monthly cost $"), "\(r.stdout)")
        #expect(String(decoding: try FileIO.read(dir + "/cost.json"), as: UTF8.self).contains("\"totalMonthlyCost\""))
        #expect(String(decoding: try FileIO.read(dir + "/cost.sarif"), as: UTF8.self).contains("\"version\": \"2.1.0\""))
        let twoToStdout = try CLI.run(["estimate", "examples/terraform/plan.json", "--format", "json", "--format", "table"])
        #expect(twoToStdout.status == 2 && twoToStdout.stderr.contains("every format but one needs its --out file"), "\(twoToStdout.stderr)")
        // a failing run writes none of its files
        let bad = try CLI.run(["estimate", "no/such.json", "--format", "json", "--out", dir + "/x.json", "--format", "summary"])
        #expect(bad.status == 2)
        #expect(!FileIO.exists(dir + "/x.json"))
    }

    @Test func viewsSideBySide() throws {
        let r = try CLI.run(["estimate", "--config", "examples/policies/.costgate.yml", "--compare-views", "list,negotiated"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("aws_instance.web              $72.48      $46.81"), "\(r.stdout)")   // 730 × 0.061 + gp3 less 5%
        #expect(r.stdout.contains("TOTAL MONTHLY COST           $561.19     $449.52"))   // the sum of the lines above
        let one = try CLI.run(["estimate", "--config", "examples/policies/.costgate.yml", "--view", "negotiated", "--format", "json"])
        #expect(one.status == 0 && one.stdout.contains("\"view\": \"negotiated\"") && one.stdout.contains("\"totalMonthlyCost\": \"449.52\""))
        let unknown = try CLI.run(["estimate", "--config", "examples/policies/.costgate.yml", "--view", "retail"])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("costgate: error: examples/policies/.costgate.yml:58:3: no pricing view retail; views: list, negotiated"), "\(unknown.stderr)")
    }

    @Test func aFirstCommitsHookComparesWithNothingAndPassesOverOtherFiles() throws {
        let repo = try Repo()           // no commit yet: HEAD is git's empty tree
        defer { repo.remove() }
        try repo.write("tsconfig.json", "{\"compilerOptions\": {\"strict\": true},}\n")    // JSON with a trailing comma, as tools allow
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 2, labels: "team: payments, env: prod"))
        try repo.sh("git add -A")
        let r = try CLI.run(["check", "--base-ref", "HEAD", "--format", "summary", "--skip-other-files", "tsconfig.json", "k8s/api.yaml"], in: repo.dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "costgate: monthly cost $0.00 → $58.52 (+$58.52)\n", "\(r.stdout)")
        let strict = try CLI.run(["check", "--base-ref", "HEAD", "tsconfig.json"], in: repo.dir)
        #expect(strict.status == 2 && strict.stderr.hasPrefix("costgate: error: tsconfig.json:1:"), "\(strict.stderr)")   // without the flag: an error
    }

    @Test func theGitHubFormatAppendsTheCommentToTheStepSummary() throws {
        let repo = try baseRepo()
        defer { repo.remove() }
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 2, labels: "team: payments"))
        let summary = repo.dir + "/step-summary.md"
        try FileIO.writeAtomically("earlier step\n", to: summary)
        let r = try CLI.run(["check", "--base-ref", "main", "--format", "github"], in: repo.dir, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("::error file=k8s/api.yaml,line=1,col=1,title=costgate%3A required-labels::payments: Deployment/payments/api: required label env is missing."), "\(r.stdout)")
        let text = String(decoding: try FileIO.read(summary), as: UTF8.self)
        #expect(text.hasPrefix("earlier step\n" + MarkdownReporter.marker + "\n"))
    }
}

/// Terraform source in git, no plan: `--base-ref` reads the `.tf` tree at the ref (issue 13).
@Suite struct TerraformSourceCheckTests {
    static func main(_ instanceType: String) -> String {
        """
        provider "aws" {
          region = "us-east-1"
        }

        module "web" {
          source        = "./modules/web"
          instance_type = "\(instanceType)"
        }

        """
    }

    static let module = """
        variable "instance_type" {
          type = string
        }

        resource "aws_instance" "this" {
          ami           = "ami-0123456789abcdef0"
          instance_type = var.instance_type
        }

        """

    @Test func aChangedInstanceTypeIsTheDiffAndBreaksTheBudget() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.sh("mkdir -p infra/modules/web")
        try repo.write("infra/main.tf", Self.main("t3.micro"))
        try repo.write("infra/modules/web/main.tf", Self.module)
        try repo.write(".costgate.yml", "version: 1\npolicies:\n  - {name: infra-budget, type: budget, max_increase: 20}\n")
        try repo.sh("git add -A && git commit -qm base && git checkout -qb feature")
        try repo.write("infra/main.tf", Self.main("m5.large"))

        let diff = try CLI.run(["diff", "--base-ref", "main", "infra"], in: repo.dir)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("~ module.web.aws_instance.this  $8.39 → $70.88  (+$62.49)\n"), "\(diff.stdout)")
        #expect(diff.stdout.contains("~ Instance usage (Linux/UNIX, on-demand, t3.micro) → Instance usage (Linux/UNIX, on-demand, m5.large): $7.59 → $70.08"))
        #expect(diff.stdout.contains("MONTHLY COST: $8.39 → $70.88 (+$62.49, +744.8%)\n"), "\(diff.stdout)")

        let check = try CLI.run(["check", "--base-ref", "main", "--format", "summary", "infra"], in: repo.dir)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("error [infra-budget] monthly cost rises by $62.49 ($8.39 → $70.88), above the $20.00 allowed"), "\(check.stdout)")
        // the tree read at the ref is gone again
        #expect(!FileIO.list("/tmp").contains { $0.hasPrefix("costgate-") && $0.count > 30 && FileIO.isDirectory("/tmp/" + $0 + "/infra") })
    }
}

import FoundationEssentials
import Testing
import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17 through the binary: the table fits 80 columns, the RDS change is judged as a lower bound.
@Suite struct TrustCLITests {
    static let trust = "Tests/CostGateKitTests/Fixtures/trust"

    /// Every shipped example, estimated and checked, as a table on an 80-column terminal.
    static let examples: [[String]] = [
        ["examples/terraform/plan.json", "--usage", "examples/terraform/usage.yml"],
        ["examples/kubernetes/shop.yaml"],
        ["examples/kubernetes/shop.yaml", "--cluster-profile", "examples/kubernetes/profile-eks.yaml"],
        ["--config", "examples/policies/.costgate.yml"],
        ["--config", "examples/custom-prices/.costgate.yml"],
        ["--config", "examples/shared-costs/.costgate.yml"],
    ]

    @Test(arguments: examples)
    func theTableOfEveryExampleFitsEightyColumns(_ args: [String]) throws {
        for command in ["estimate", "check"] {
            let r = try CLI.run([command] + args, environment: ["COLUMNS": "80"])
            #expect(r.status == 0 || (command == "check" && r.status == 1), "\(r.stderr)")
            #expect(r.stdout.contains("MONTHLY COST"))
            let long = r.stdout.split(separator: "\n").filter { $0.unicodeScalars.count > 80 }
            #expect(long.isEmpty, "\(command) \(args): \(long)")
        }
        // not a terminal and no COLUMNS: nothing is wrapped (the same table as before)
        let piped = try CLI.run(["estimate"] + args)
        #expect(piped.status == 0)
    }

    @Test func theRDSChangeIsJudgedOnALowerBound() throws {
        let args = ["check", Self.trust + "/rds-new.json", "--base", Self.trust + "/rds-old.json", "--config", Self.trust + "/rds-budget.yml"]
        let r = try CLI.run(args + ["--format", "summary"])
        #expect(r.status == 0, "\(r.stderr)")   // a warning: the known part does not break the budget
        #expect(r.stdout == """
        costgate: monthly cost $327.66 → ≥ $93.88 (change not known)
          1 resource not priced: aws_db_instance.main (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az)
          warning [budget] judged on an incomplete total, so max_increase $100.00 ($327.66 → at least $93.88, change not known) cannot be checked: 1 resource not priced: aws_db_instance.main (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az) (\(Self.trust)/rds-budget.yml:6:5)
              → price what is missing (a custom price, a usage value, a known size), or add a coverage policy to fail on unpriced changes

        """, "\(r.stdout)")
        // a coverage policy at error makes the unpriced change fail the gate
        let dir = "/tmp/costgate-coverage-\(UInt32.random(in: 0...UInt32.max))"
        try FileIO.writeAtomically("""
        version: 1
        policies:
          - {name: coverage, type: coverage, severity: error, fail_on: [price_not_found]}

        """, to: dir + ".yml")
        defer { unlink(dir + ".yml") }
        let gated = try CLI.run(["check", Self.trust + "/rds-new.json", "--base", Self.trust + "/rds-old.json", "--config", dir + ".yml",
                                 "--format", "summary"])
        #expect(gated.status == 1, "\(gated.stdout)\(gated.stderr)")
        #expect(gated.stdout.contains("  error [coverage] aws_db_instance.main: cost not known (price not found: aws/rds/us-east-1/instance/db.r6g.16xlarge/postgres/multi-az): every total with it is a lower bound\n"), "\(gated.stdout)")
    }

    /// One meaning of a budget: the staged-files hook judges the projects that own the staged files, whole,
    /// so it agrees with the projects hook. The staged file alone rises 50% ($58.52 → $87.79); its project,
    /// with a 40-replica Deployment beside it, rises 2.4%.
    @Test func theTwoHooksAgree() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.write(".costgate.yml", """
        version: 1
        projects:
          - name: payments
            paths: [k8s/]
        policies:
          - {name: change-budget, type: budget, max_increase_percent: 20}

        """)
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 2, labels: "team: payments"))
        try repo.write("k8s/batch.yaml", Repo.deployment(replicas: 40, labels: "team: payments").replacing("name: api", with: "name: batch"))
        try repo.write("package.json", "{\"name\": \"not-a-plan\"}\n")
        try repo.sh("git add -A && git commit -qm base")
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 3, labels: "team: payments"))
        try repo.sh("git add -A")
        // the two hooks' entries (.pre-commit-hooks.yaml), the first given the staged files
        let staged = try CLI.run(["check", "--base-ref", "HEAD", "--format", "summary", "--skip-other-files", "k8s/api.yaml", "package.json"], in: repo.dir)
        let projects = try CLI.run(["check", "--base-ref", "HEAD", "--format", "summary"], in: repo.dir)
        #expect(staged.status == 0 && projects.status == 0, "\(staged.stdout)\(staged.stderr)\(projects.stdout)\(projects.stderr)")
        #expect(staged.stdout == projects.stdout, "\(staged.stdout)\n---\n\(projects.stdout)")
        #expect(projects.stdout == "costgate: monthly cost $1,229.00 → $1,258.27 (+$29.27, +2.4%)\n", "\(projects.stdout)")
        // without the project, the same file alone is judged on its own total and fails
        try repo.write(".costgate.yml", "version: 1\npolicies:\n  - {name: change-budget, type: budget, max_increase_percent: 20}\n")
        let alone = try CLI.run(["check", "--base-ref", "HEAD", "--format", "summary", "--skip-other-files", "k8s/api.yaml"], in: repo.dir)
        #expect(alone.status == 1 && alone.stdout.hasPrefix("costgate: monthly cost $58.52 → $87.79 (+$29.27, +50.0%)\n"), "\(alone.stdout)")
    }

    /// Configuration traps: each is exit 2 with its `.costgate.yml` line and column.
    @Test func configurationTrapsAreExit2AtTheirLine() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 2, labels: "team: payments"))
        try repo.write(".costgate.yml", """
        version: 1
        projects:
          - name: payments
            paths: [k8s/]
        policies:
          - name: nope-budget
            type: budget
            scope: {projects: [payments, nope]}
            monthly_limit: 100

        """)
        let unknown = try CLI.run(["check"], in: repo.dir)
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "costgate: error: .costgate.yml:8:34: policy nope-budget is scoped to project nope, which is not defined (projects: payments); it could never match\n", "\(unknown.stderr)")

        try repo.write(".costgate.yml", """
        version: 1
        projects:
          - name: payments
            paths: [k8s/]
        policies:
          - {name: aws-in-shop, type: budget, scope: {namespaces: [shop], resource_types: ["aws_*"]}, monthly_limit: 1}

        """)
        let never = try CLI.run(["check"], in: repo.dir)
        #expect(never.status == 2 && never.stderr == "costgate: error: .costgate.yml:6:5: policy aws-in-shop is scoped to namespaces and to resource types aws_*, which have no namespace; it could never match\n", "\(never.stderr)")

        try repo.write(".costgate.yml", """
        version: 1
        projects:
          - name: infra
            paths:
              - plan.json
          - name: payments
            paths: [k8s/]

        """)
        let missing = try CLI.run(["check"], in: repo.dir)
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        #expect(missing.stderr == "costgate: error: .costgate.yml:5:9: path plan.json of project infra does not exist (plan.json); fix the path, or make the plan first (terraform show -json tfplan > plan.json)\n", "\(missing.stderr)")
    }

    /// `check` with no base: manifests have no prior state, and the header says what that means.
    @Test func checkWithNoBaseSaysEverythingCountsAsAdded() throws {
        let r = try CLI.run(["check", "examples/kubernetes/shop.yaml", "--config", "/dev/null"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nBase: none (no --base-ref or --base; manifests have no prior state): everything counts as added\n"), "\(r.stdout)")
    }

    /// `--policies-from-base`: a pull request that raises its own limit and exempts itself is judged with
    /// the base's policies, and the loosening is itself a finding.
    @Test func policiesFromBaseKeepTheBasesLimit() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.write(".costgate.yml", Repo.config)   // payments-budget: monthly_limit 300, max_increase 200
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 2, labels: "team: payments, env: prod"))
        try repo.sh("git add -A && git commit -qm base && git checkout -qb feature")
        try repo.write(".costgate.yml", Repo.config.replacing("monthly_limit: 300", with: "monthly_limit: 10000")
            .replacing("max_increase: 200", with: "max_increase: 5000")
            + "exemptions:\n  - {policy: required-labels, addresses: [\"Deployment/*\"], reason: \"trust me\"}\n")
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 12, labels: "team: payments"))
        try repo.sh("git add -A && git commit -qm 'raise my own limit'")

        let own = try CLI.run(["check", "--base-ref", "main", "--format", "summary"], in: repo.dir)
        #expect(own.status == 0, "\(own.stdout)")   // the head's own policies let it through
        let r = try CLI.run(["check", "--base-ref", "main", "--policies-from-base", "--format", "summary"], in: repo.dir)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == """
        costgate: monthly cost $58.52 → $351.14 (+$292.62, +500.0%)
          error [policies-from-base] this change loosens policy payments-budget (monthly_limit $300.00 → $10,000.00; max_increase $200.00 → $5,000.00); it is judged with the policies of main instead (.costgate.yml:6:5)
              → change .costgate.yml in a pull request of its own, approved by the policy's owner
          error [policies-from-base] this change adds an exemption from policy required-labels for Deployment/*; it is judged with the policies of main instead (.costgate.yml:14:5)
              → change .costgate.yml in a pull request of its own, approved by the policy's owner
          error [payments-budget] monthly cost is $351.14, above the limit of $300.00 (main:.costgate.yml:6:5)
              → bring the cost down, or raise the limit of policy payments-budget with its owner's approval
          error [payments-budget] monthly cost rises by $292.62 ($58.52 → $351.14), above the $200.00 allowed (main:.costgate.yml:6:5)
              → bring the cost down, or raise the limit of policy payments-budget with its owner's approval
          error [required-labels] payments: Deployment/payments/api: required label env is missing (k8s/api.yaml:1:1)
              → set the label
          error [required-labels] payments: Deployment/payments/api: required label env is missing on the pod template (k8s/api.yaml:1:1)
              → set the label
        costgate: 6 policy failures: fix them, or exempt with a reason in .costgate.yml

        """, "\(r.stdout)")
        let junit = try CLI.run(["check", "--base-ref", "main", "--policies-from-base", "--format", "junit"], in: repo.dir)
        #expect(junit.stdout.contains("<testcase classname=\"costgate.configuration\" name=\"policies-from-base\">\n      <failure message=\"2 findings\" type=\"configuration\">"), "\(junit.stdout)")
        let noRef = try CLI.run(["check", "--policies-from-base"], in: repo.dir)
        #expect(noRef.status == 2 && noRef.stderr == "costgate: error: --policies-from-base reads the base's .costgate.yml from git: give --base-ref REF\n", "\(noRef.stderr)")
    }

    /// `costgate init` writes the projects that exist: a plan, a manifest folder; a Terraform folder without
    /// a plan is a note; a JSON file that is no plan is not a project. The first run prices them.
    @Test func initWritesTheProjectsThatExist() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.sh("mkdir -p infra terraform && cp '\(CLI.root)/examples/terraform/plan.json' infra/plan.json")
        try repo.write("k8s/api.yaml", Repo.deployment(replicas: 2, labels: "team: payments, env: prod"))
        try repo.write("terraform/main.tf", "resource \"aws_instance\" \"a\" {}\n")
        try repo.write("package.json", "{\"name\": \"x\"}\n")
        let r = try CLI.run(["init"], in: repo.dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = String(decoding: try FileIO.read(repo.dir + "/.costgate.yml"), as: UTF8.self)
        #expect(text.contains("""
        projects:
          - name: infra
            paths: [infra/plan.json]
          - name: k8s
            paths: [k8s/]
          # Terraform in terraform/: make a plan (terraform plan -out tfplan && terraform show -json tfplan > plan.json) and list it

        policies:
        """), "\(text)")
        let check = try CLI.run(["check", "--format", "summary"], in: repo.dir)
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("costgate: monthly cost $0.00 → "), "\(check.stdout)")
    }
}

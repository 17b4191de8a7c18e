import FoundationEssentials
import Testing
@testable import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// Writes a configuration to a temporary file and loads it.
func loadConfig(_ text: String) throws -> Config {
    let path = "/tmp/costgate-config-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).yml"
    try FileIO.writeAtomically(text, to: path)
    defer { unlink(path) }
    return try Config.load(path: path)
}

/// The error a configuration gives, with its place (file name replaced by `F`).
func configError(_ text: String) -> String? {
    do {
        _ = try loadConfig(text)
        return nil
    } catch let e as CostGateError {
        var d = e.description
        if let colon = d.firstIndex(of: ":") { d = "F" + d[colon...] }
        return d
    } catch {
        return "\(error)"
    }
}

@Suite struct ConfigTests {
    @Test func theStarterFileLoadsAsItIs() throws {
        let c = try loadConfig(Config.starter)
        #expect(c.projects.isEmpty)   // nothing found: no project naming a file the user never made
        let found = try loadConfig(Config.starter(projects: [Config.Project(name: "infra", paths: ["infra/plan.json"]),
                                                             Config.Project(name: "odd name", paths: ["k8s dir/"])]))
        #expect(found.projects == [Config.Project(name: "infra", paths: ["infra/plan.json"]), Config.Project(name: "odd name", paths: ["k8s dir/"])])
        #expect(c.policies.map(\.name) == ["monthly-budget", "required-tags", "guardrails", "coverage"])
        #expect(c.policies.map(\.rule.kind) == ["budget", "tagging", "guardrail", "coverage"])
    }

    @Test func everyKeyIsRead() throws {
        let c = try loadConfig("""
        version: 1
        pricebooks: [aws@2026.11.0]
        region: eu-west-1
        usage: u.yml
        projects:
          - {name: a, paths: [x.json, k8s/], cluster_profile: p.yaml, region: us-west-2}
        policies:
          - name: b
            type: budget
            severity: warning
            monthly_limit: $8,000
            max_increase_percent: 12.5
            scope: {projects: a, resource_types: ["k8s:*"], labels: {team: pay*}, namespaces: [shop]}
          - {name: t, type: tagging, required: team, allowed: {env: [dev, prod]}, patterns: {team: "^[a-z]+$"}, check: all}
          - {name: g, type: guardrail, denied_instance_types: ["*.metal"], max_resource_monthly_cost: 100, require_requests: yes}
        exemptions:
          - {policy: t, addresses: ["module.legacy.*"], reason: "old"}
        """)
        #expect(c.pricebooks == ["aws@2026.11.0"] && c.region == "eu-west-1" && c.usage == "u.yml")
        #expect(c.projects == [Config.Project(name: "a", paths: ["x.json", "k8s/"], usage: nil, clusterProfile: "p.yaml", region: "us-west-2")])
        let b = c.policies[0]
        #expect(b.severity == .warning)
        #expect(b.rule == .budget(.init(monthlyLimit: 8000, maxIncrease: nil, maxIncreasePercent: Decimal(string: "12.5"))))
        #expect(b.scope.projects == ["a"] && b.scope.namespaces == ["shop"] && b.scope.tags.first?.value.matches("payments") == true)
        #expect(b.scope.matches(project: "a", type: "k8s:Deployment", namespace: "shop", tags: ["team": "payments"]))
        #expect(!b.scope.matches(project: "a", type: "aws_instance", namespace: "shop", tags: ["team": "payments"]))
        #expect(!b.scope.matches(project: "a", type: "k8s:Deployment", namespace: "shop", tags: ["team": "data"]))
        #expect(c.policies[1].checkAll && c.policies[1].rule == .tagging(.init(required: ["team"], allowed: ["env": ["dev", "prod"]], patterns: ["team": "^[a-z]+$"])))
        #expect(c.policies[2].rule == .guardrail(.init(deniedInstanceTypes: [Glob("*.metal")], maxResourceMonthlyCost: 100, requireRequests: true)))
        #expect(c.exemptions.first?.reason == "old")
    }

    @Test func mistakesAreOneLineWithTheirPlace() {
        #expect(configError("version: 1\nbudgets: 5\n") == "F:2:1: unknown key `budgets` in the configuration; known keys: version, pricebooks, usage, cluster_profile, region, projects, policies, exemptions, views, custom_prices, shared_costs")
        #expect(configError("policies:\n  - name: b\n    type: budget\n    monthly_limt: 5\n")
                == "F:4:5: unknown key `monthly_limt` in policy b; known keys: name, type, severity, scope, description, monthly_limit, max_increase, max_increase_percent")
        #expect(configError("policies:\n  - name: b\n    type: budget\n    monthly_limit: lots\n")
                == "F:4:20: monthly_limit must be a non-negative number such as 500 or 12.5, not \"lots\"")
        #expect(configError("policies:\n  - {name: b, type: budgte, monthly_limit: 1}\n") == "F:2:21: unknown policy type `budgte`; use one of budget, tagging, guardrail, coverage")
        #expect(configError("policies:\n  - {name: b, type: budget, severity: fatal, monthly_limit: 1}\n") == "F:2:39: severity must be error or warning")
        let regex = configError("policies:\n  - {name: t, type: tagging, patterns: {team: \"([a-z\"}}\n")
        #expect(regex == "F:2:47: the pattern of team is not one costgate reads: a [ without ] at character 6 (costgate's patterns are a linear-time subset: see the README)", "\(regex ?? "")")
        #expect(configError("projects: {name: a}\n") == "F:1:11: projects must be a list")
        #expect(configError("projects:\n  - {name: a, paths: {x: 1}}\n") == "F:2:22: paths must be a word or a list of words, not a mapping")
        #expect(configError("policies:\n  - {name: b, type: budget}\n") == "F:2:5: budget b sets no limit: give monthly_limit, max_increase or max_increase_percent")
        #expect(configError("policies:\n  - {name: b, type: budget, monthly_limit: 1}\n  - {name: b, type: budget, monthly_limit: 2}\n")
                == "F:3:5: policy b is defined twice; names must be unique")
        #expect(configError("policies: []\nexemptions:\n  - {policy: nope, addresses: [x], reason: r}\n") == "F:3:14: exemption names policy nope, which is not defined")
        #expect(configError("policies: [{name: b, type: budget, monthly_limit: 1}]\nexemptions:\n  - {policy: b, addresses: [x]}\n") == "F:3:5: an entry of exemptions needs `reason`")
        #expect(configError("version: 2\n") == "F:1:10: version must be 1")
        #expect(configError("version: [1\n")?.hasPrefix("F:2:1: invalid YAML") == true)
    }
}

@Suite struct GlobTests {
    @Test func starsQuestionMarksAndLiterals() {
        #expect(Glob("*.metal").matches("m5.metal"))
        #expect(!Glob("*.metal").matches("m5.metal.x"))
        #expect(Glob("module.legacy.*").matches("module.legacy.aws_instance.a[\"k\"]"))
        #expect(Glob("aws_instance.web[0]").matches("aws_instance.web[0]"))
        #expect(!Glob("aws_instance.web[0]").matches("aws_instance.web0"))
        #expect(Glob("p?d.*").matches("p4d.24xlarge"))
        #expect(Glob("*").matches(""))
        #expect(!Glob("a*b*c").matches("aXbY"))
        #expect(Glob("a*b*c").matches("aXbYc"))
    }
}

@Suite struct PolicyEngineTests {
    static let options = EstimateOptions(pricebooks: PriceBookSet(paths: ["aws": Paths.awsBook]))

    /// The policy plan priced against its prior state, judged by `config`.
    func judge(_ config: String, checkAll: Bool = false) throws -> [Finding] {
        let c = try loadConfig(config)
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [Paths.fixtures + "/policy/plan.json"], options: Self.options)], base: .priorState)
        var policies = c.policies
        if checkAll { for i in policies.indices { policies[i].checkAll = true } }
        return PolicyEngine(policies: policies, exemptions: c.exemptions).evaluate(try review.run().map(\.subject))
    }

    func lines(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.severity.rawValue) \($0.address ?? "-"): \($0.message)\($0.exemption.map { " [exempt: \($0)]" } ?? "")" }
    }

    static let tagging = """
    policies:
      - name: tags
        type: tagging
        required: [team, env]
        allowed: {env: [dev, staging, prod]}
        patterns: {team: "^[a-z]+$"}
    """

    @Test func taggingChecksWhatTheChangeTouchesWithDefaultTagsUnknownsAndSecrets() throws {
        let found = lines(try judge(Self.tagging))
        #expect(found == [
            "error aws_instance.gpu: tag env is \"production\"; allowed: dev, staging, prod",
            "warning aws_s3_bucket.logs: tag team is unknown until apply; it cannot be checked before",
            "warning aws_secretsmanager_secret.token: tag env is sensitive; its value is not checked",
            "error google_compute_instance.vm: label team is \"Data\"; it must match ^[a-z]+$",
        ], "\(found)")
        // aws_instance.web has env only through the provider's default_tags (tags_all): it passes;
        // aws_route cannot carry tags; aws_iam_role.old is untouched by the change
    }

    @Test func checkAllAlsoJudgesUntouchedResources() throws {
        let found = lines(try judge(Self.tagging, checkAll: true))
        #expect(found.contains("error aws_iam_role.old: required tag team is missing"))
        #expect(found.contains("error aws_iam_role.old: required tag env is missing"))
        #expect(!found.contains { $0.contains("aws_route") })
    }

    @Test func guardrailsAndExemptions() throws {
        let found = lines(try judge("""
        policies:
          - {name: g, type: guardrail, denied_instance_types: ["p4d.*", "*.metal"], max_resource_monthly_cost: 60}
        exemptions:
          - {policy: g, addresses: ["aws_instance.web"], reason: "sized by the load test"}
        """))
        #expect(found.contains { $0.hasPrefix("error aws_instance.gpu: instance type p4d.24xlarge is denied (p4d.*)") })
        #expect(found.contains { $0.hasPrefix("error aws_instance.gpu: costs $") && $0.hasSuffix("a month, above the $60.00 allowed per resource") })
        #expect(found.contains { $0.hasPrefix("error aws_instance.web: costs $") && $0.hasSuffix("[exempt: sized by the load test]") })
        #expect(found.count == 3, "\(found)")
    }

    @Test func budgetsOnTotalsIncreasesAndScopes() throws {
        let found = lines(try judge("""
        policies:
          - {name: total, type: budget, monthly_limit: 100, max_increase: 50, max_increase_percent: 10}
          - {name: payments, type: budget, scope: {tags: {team: payments}}, monthly_limit: 1000}
          - {name: ml, type: budget, scope: {tags: {team: ml}}, monthly_limit: 1000}
        """))
        // no base cost: the percent rule does not apply; the payments team stays within its budget;
        // the ml team's p4d.24xlarge alone is over $1,000 a month. Only the AWS book is given, so the
        // Google instance has no price: the total is a lower bound, and its known part already breaks the limits
        #expect(found.count == 3, "\(found)")
        #expect(found[0].hasPrefix("error -: monthly cost is at least $") && found[0].hasSuffix(", above the limit of $100.00"), "\(found)")
        #expect(found[1].hasPrefix("error -: monthly cost rises by at least $") && found[1].contains("($0.00 → at least $"), "\(found)")
        #expect(found[2].hasPrefix("error -: monthly cost (team=ml) is $") && found[2].hasSuffix(", above the limit of $1,000.00"))
        let ml = lines(try judge("policies:\n  - {name: ml, type: budget, severity: warning, scope: {tags: {team: ml}}, monthly_limit: 1000}\n"))
        #expect(ml.count == 1 && ml[0].hasPrefix("warning -: monthly cost (team=ml) is $"), "\(ml)")
    }

    @Test func sensitiveTagValuesNeverReachAReport() throws {
        let c = try loadConfig(Self.tagging)
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [Paths.fixtures + "/policy/plan.json"], options: Self.options)], base: .priorState)
        let outcomes = try review.run()
        let findings = PolicyEngine(policies: c.policies).evaluate(outcomes.map(\.subject))
        let report = Report(estimate: outcomes[0].head, pricebooks: [], diff: outcomes[0].diff, findings: findings)
        for r in Reporters.all {
            let text = try r.render(report)
            #expect(!text.contains("s3cr3t"), "\(type(of: r).format)")
        }
    }
}

@Suite struct KubernetesPolicyTests {
    func judge(_ manifest: String, _ config: String) throws -> [String] {
        let path = "/tmp/costgate-k8s-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try FileIO.writeAtomically(manifest, to: path)
        defer { unlink(path) }
        let c = try loadConfig(config)
        var review = BaseComparison(projects: [ProjectSpec(name: nil, paths: [path], options: EstimateOptions(pricebooks: PriceBookSet(paths: [
            "k8s": Paths.pricebooks + "/k8s/k8s-2026.11.0.tsv"])))], base: .none)
        let subjects = try review.run().map { $0.subject }
        return PolicyEngine(policies: c.policies, exemptions: c.exemptions).evaluate(subjects)
            .map { "\($0.severity.rawValue) \($0.address ?? "-"): \($0.message)\($0.exemption.map { " [exempt: \($0)]" } ?? "")" }
    }

    static let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api, namespace: pay, labels: {team: payments}}
    spec:
      replicas: 2
      template:
        metadata: {labels: {app: api}}
        spec:
          nodeSelector: {node.kubernetes.io/instance-type: m5.metal}
          containers:
          - {name: api, image: a, resources: {requests: {cpu: "1"}}}
          - {name: sidecar, image: b}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: legacy
      namespace: pay
      annotations: {costgate.dev/skip: "tags, requests"}
    spec:
      template:
        spec:
          containers: [{name: x, image: x}]
    """

    @Test func labelsOnTheObjectAndItsPodTemplateRequestsAndNodeSelectors() throws {
        let found = try judge(Self.manifest, """
        policies:
          - {name: tags, type: tagging, required: [team]}
          - {name: requests, type: guardrail, require_requests: true}
          - {name: metal, type: guardrail, severity: warning, denied_instance_types: ["*.metal"]}
        """)
        #expect(found == [
            "error Deployment/pay/api: required label team is missing on the pod template",
            "error Deployment/pay/legacy: required label team is missing [exempt: annotation costgate.dev/skip on the object]",
            "error Deployment/pay/legacy: required label team is missing on the pod template [exempt: annotation costgate.dev/skip on the object]",
            "error Deployment/pay/api: container sidecar declares no CPU or memory requests (nor limits, nor a LimitRange default)",
            "error Deployment/pay/legacy: container x declares no CPU or memory requests (nor limits, nor a LimitRange default) [exempt: annotation costgate.dev/skip on the object]",
            "warning Deployment/pay/api: instance type m5.metal is denied (*.metal)",
        ], "\(found)")
    }
}

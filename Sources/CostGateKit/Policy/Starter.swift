extension Config {
    /// What `costgate init` writes for a repository with nothing to price yet (see `starter(scanning:)`).
    public static var starter: String { starter(projects: []) }

    /// What `costgate init` writes: every key, commented, and valid as it stands, with `projects` the
    /// plans and manifest folders that exist (`notes`: what else was found, such as Terraform folders
    /// without a plan).
    public static func starter(projects: [Project], notes: [String] = []) -> String {
        var list = ""
        for p in projects {
            list += "  - name: \(p.name)\n    paths: [\(p.paths.map { Self.yamlWord($0) }.joined(separator: ", "))]\n"
        }
        if projects.isEmpty {
            list = "  []   # none found: list plans (terraform show -json tfplan > plan.json), manifests or folders\n"
        }
        for n in notes { list += "  # \(n)\n" }
        return starterHead + list + starterTail
    }

    static func yamlWord(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? s : "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    static let starterHead = """
    # costgate configuration (the README's "Configuration" section explains every key).
    # Paths are relative to this file. `costgate check --base-ref origin/main` judges a change with it.
    version: 1

    # Pin price books (id@version) so a new book never moves the numbers under a pull request.
    # pricebooks: [aws@2026.11.0, k8s@2026.11.0]

    # Defaults for every project (a project may set its own).
    # region: us-east-1            # for resources whose region is not in the plan
    # usage: usage.yml             # monthly requests, GB processed, ...
    # cluster_profile: profile.yaml  # how Kubernetes requests are priced

    # What to price: plans (terraform show -json output), manifests (.yaml) or folders. `costgate check`
    # with no paths prices every project; `costgate check FILE…` judges the projects that own the files.
    # Also per project: usage, cluster_profile, region.
    projects:

    """

    static let starterTail = """

    policies:
      # Budgets: a limit on the monthly total, and on how much a change may add (in dollars or percent).
      - name: monthly-budget
        type: budget
        severity: error            # error fails `costgate check` (exit 1); warning only reports
        monthly_limit: 10000
        max_increase: 500
        max_increase_percent: 20   # not applied when the base costs nothing
      # - name: payments-budget
      #   type: budget
      #   scope: {tags: {team: payments}}   # also: projects, resource_types (globs), namespaces
      #   monthly_limit: 8000

      # Tagging: on tags/tags_all (AWS, so default_tags count), labels (Google), tags (Azure),
      # Kubernetes labels on the object and its pod template. Only resources that can carry tags.
      - name: required-tags
        type: tagging
        severity: error
        required: [team, env]
        allowed: {env: [dev, staging, prod]}
        # patterns: {team: "^[a-z][a-z0-9-]*$"}
        check: changed             # changed: what the change creates or updates; all: every resource

      # Guardrails
      - name: guardrails
        type: guardrail
        severity: error
        denied_instance_types: ["*.metal", "p4d.*", "x2iedn.*"]
        max_resource_monthly_cost: 2000
        require_requests: true     # Kubernetes containers must declare CPU or memory requests

      # Coverage: a change whose cost is not fully known (a price not found, a type costgate does not price
      # yet, a size or request unknown until apply) is reported, so it never passes a budget as $0.
      - name: coverage
        type: coverage
        severity: warning          # error: an unpriced change fails `costgate check`
        fail_on: [price_not_found, unsupported, unknown]

    # Exemptions waive findings, always with a reason. A Kubernetes object can also carry the
    # annotation `costgate.dev/skip: <policy>[, <policy>]` (or `*`).
    exemptions: []
    #  - policy: required-tags     # or "*"
    #    addresses: ["module.legacy.*"]
    #    reason: "legacy stack, retired in Q3 (JIRA-123)"

    """
}

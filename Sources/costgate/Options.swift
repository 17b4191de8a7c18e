import ArgumentParser
import CostGateKit

/// Options shared by the commands that price things.
struct PricingOptions: ParsableArguments {
    @Option(name: .customLong("pricebook"), help: "A price book by id (aws), id@version (aws@2026.11.0) or path; repeatable.")
    var pricebooks: [String] = []
    @Option(name: .customLong("pricebook-dir"), help: "The folder holding the price books (default: the pricebooks/ shipped with costgate).")
    var pricebookDir: String?
    @Option(help: "Usage file (YAML) with monthly requests, GB processed and other usage-based values.")
    var usage: String?
    @Option(help: "Region for resources whose region is not in the plan (default us-east-1).")
    var region: String?
    @Option(name: .customLong("cluster-profile"), help: "Cluster profile (YAML) for Kubernetes: a node to share, or unit prices (default: OpenCost's defaults).")
    var clusterProfile: String?
    @Option(help: "The pricing view: list (the default) or a view of .costgate.yml (discounts, negotiated rates). Quantities never change.")
    var view: String = "list"

    func apply(to o: inout PipelineOptions) {
        (o.pricebooks, o.pricebookDir, o.usage, o.region, o.clusterProfile, o.view) = (pricebooks, pricebookDir, usage, region, clusterProfile, view)
    }
}

/// What to read and where the report goes.
struct ReportOptions: ParsableArguments {
    @Argument(help: "Plan files, manifests (.yaml, .yml, .json) or folders; - for standard input. Default: the projects of .costgate.yml.")
    var paths: [String] = []
    @Option(help: "Output format: \(Reporters.formats.joined(separator: ", ")); repeatable, paired in order with --out.")
    var format: [String] = []
    @Option(help: "Write the report to this file (atomically) instead of standard output; repeatable, one per --format.")
    var out: [String] = []
    @Option(help: "The configuration file (default: .costgate.yml here or in a parent folder, up to the repository root).")
    var config: String?
    @Flag(name: .customLong("skip-other-files"), help: "Pass over .json files that are not Terraform plans (for hooks given every staged file).")
    var skipOtherFiles = false
    @Option(name: .customLong("var-file"), help: "Terraform source: a .tfvars file over terraform.tfvars and *.auto.tfvars; repeatable.")
    var varFiles: [String] = []
    @Option(name: .customLong("var"), help: "Terraform source: NAME=VALUE for a variable, over every file; repeatable.")
    var vars: [String] = []

    func validate() throws {
        for f in format where Reporters.reporter(for: f) == nil {
            throw ValidationError("unknown format '\(f)'; use one of \(Reporters.formats.joined(separator: ", "))")
        }
        let formats = max(format.count, 1)
        guard out.count <= formats else { throw ValidationError("more --out than --format: give a --format for each --out") }
        guard formats - out.count <= 1 else {
            throw ValidationError("\(formats) formats but \(out.count) --out: every format but one needs its --out file")
        }
        guard Set(out).count == out.count else { throw ValidationError("two formats cannot write the same --out file") }
        for v in vars where !v.contains("=") { throw ValidationError("--var takes NAME=VALUE, not '\(v)'") }
    }

    func apply(to o: inout PipelineOptions) {
        let formats = format.isEmpty ? ["table"] : format
        o.outputs = formats.enumerated().map { .init(format: $0.element, file: $0.offset < out.count ? out[$0.offset] : nil) }
        (o.paths, o.configPath, o.skipOtherFiles) = (paths, config, skipOtherFiles)
        o.terraformVariables = varFiles.map { .file($0) } + vars.map { v in
            let name = v.prefix { $0 != "=" }
            return .variable(String(name), String(v.dropFirst(name.count + 1)))
        }
        o.stepSummaryPath = Platform.environment("GITHUB_STEP_SUMMARY")
        o.terminalWidth = Platform.terminalWidth()
    }
}

/// Where the base of a comparison comes from.
struct BaseOptions: ParsableArguments {
    @Option(name: .customLong("base-ref"), help: "Compare with the same paths at this git ref (e.g. origin/main), read from git without a checkout.")
    var baseRef: String?
    @Option(help: "Compare with an earlier costgate JSON report (estimate --format json) or another plan or manifest.")
    var base: String?
    @Flag(name: .customLong("check-all"), help: "Tagging rules and guardrails check every resource, not only what the change creates or updates.")
    var checkAll = false

    func validate() throws {
        if baseRef != nil && base != nil { throw ValidationError("give --base-ref or --base, not both") }
    }

    func apply(to o: inout PipelineOptions) {
        o.base = baseRef.map { .gitRef($0) } ?? base.map { .file($0) } ?? .priorState
        o.checkAll = checkAll
    }
}
